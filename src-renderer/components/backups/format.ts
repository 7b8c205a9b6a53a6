/** How backups read on screen: sizes, ages and the names of reasons and states. */
import type { BackupHealthName, BackupReasonName } from '../../../src-main/api/ops/backups';

export const REASON_LABELS: Record<BackupReasonName, string> = {
  daily: '每日自动',
  manual: '手动',
  'before-migration': '升级前',
  'before-restore': '恢复前',
};

export const HEALTH_LABELS: Record<BackupHealthName, string> = {
  ok: '完好',
  damaged: '已损坏',
  'not-ours': '不是编印台数据',
  'too-new': '版本过新',
};

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** '今天' / '昨天' / 'N 天前', from the whole days the API counted. */
export function formatAge(days: number): string {
  if (days <= 0) return '今天';
  if (days === 1) return '昨天';
  return `${days} 天前`;
}

/**
 * A copy in progress, wherever it came from (the daily copy runs by itself a minute after start;
 * a manual one from the 备份 page or the command line): a small "正在备份 35%" in the header, and
 * the same figure on the 备份 page. The API's backupStatus says what runs; it is asked every
 * 15 s, and every second while a copy runs.
 */
import { Badge, Tooltip } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { BackupStatus } from '../../../src-main/api/ops/backups';
import { useApi } from '../../api/context';

export type Running = NonNullable<BackupStatus['running']>;

const IDLE_MS = 15_000;
const RUNNING_MS = 1_000;

/** What runs now, or null; `onEnded` is called when a copy seen running has ended. */
export function useBackupRunning(onEnded?: () => void): Running | null {
  const api = useApi();
  const [running, setRunning] = useState<Running | null>(null);
  const ended = useRef(onEnded);
  ended.current = onEnded;

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let was = false;
    const poll = () => {
      api.call('backupStatus', {}).then(
        (s) => {
          if (!live) return;
          setRunning(s.running);
          if (was && !s.running) ended.current?.();
          was = s.running !== null;
          timer = setTimeout(poll, s.running ? RUNNING_MS : IDLE_MS);
        },
        // a status indicator must never itself become an error on every page
        () => live && (timer = setTimeout(poll, IDLE_MS)),
      );
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api]);
  return running;
}

/** The words for what runs: 正在备份 35% / 正在自动备份 35% / 正在恢复. */
export function runningLabel(r: Running): string {
  if (r.kind === 'restore') return '正在恢复数据库…';
  return `${r.daily ? '正在自动备份' : '正在备份'} ${r.percent}%`;
}

/** The header's indicator: nothing while no copy runs. */
export function BackupRunningBadge() {
  const running = useBackupRunning();
  if (!running) return null;
  return (
    <Tooltip label={running.daily ? '每天的自动备份在后台进行，可以照常工作；关闭程序会停止本次备份，下次启动再做。' : `备份到：${running.target}`} withArrow>
      <Badge variant="light" color="teal" size="lg" leftSection={<IconDatabaseExport size={14} />} data-testid="backup-running">
        {runningLabel(running)}
      </Badge>
    </Tooltip>
  );
}

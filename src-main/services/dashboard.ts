/**
 * 工作台: what needs doing today, as a list of sections. Each section is one function of the
 * database and the day it is looked at, so a test can look at the middle of a month and the
 * other subjects add theirs with one line in DASHBOARD_SECTIONS (the urgent events without an
 * upward report come after the instructions).
 */
import type { OpArgs } from '../api/contract';
import type { Dashboard, DashboardLine, DashboardSection, DashboardSettings } from '../api/ops/followup';
import { FOLLOW_STATUS_LABELS } from '../api/ops/followup';
import { customPeriod, daysBetween, lastDayOfMonth } from '../scoring/periods';
import { LEVEL_LABELS } from '../scoring/rules';
import { writeTx } from '../store/db';
import { backupStatus } from './backups';
import { commissionFlags } from './commission-notice';
import { localDate, type Ctx } from './context';
import { listFollowups } from './instruction-followup';
import { urgentWaiting } from './dashboard-urgent';
import { buildReport } from './scoring';
import { listCommissions } from './scoring-duties';

export type DashboardSectionSource = (ctx: Ctx, today: string) => DashboardSection;

const SETTINGS_KEY = 'dashboard';
export const DEFAULT_WAITING_DAYS = 7;
/** A commission shows this many days before its deadline. */
export const DUE_SOON_DAYS = 3;

export function readDashboardSettings(ctx: Ctx): DashboardSettings {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined;
  const v = row ? (JSON.parse(row.value) as { waitingDays?: unknown }) : {};
  const days = typeof v.waitingDays === 'number' && Number.isInteger(v.waitingDays) && v.waitingDays >= 1 ? v.waitingDays : DEFAULT_WAITING_DAYS;
  return { waitingDays: days };
}

export function setDashboardSettings(ctx: Ctx, args: OpArgs<'dashboardSettingsSet'>): DashboardSettings {
  return writeTx(ctx.db, () => {
    ctx.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(SETTINGS_KEY, JSON.stringify({ waitingDays: args.waitingDays }));
    return readDashboardSettings(ctx);
  });
}

/** The monthly target of each unit in force on `day` (0 or none: no line). */
function targetsOn(ctx: Ctx, day: string): Map<number, number> {
  const rows = ctx.db
    .prepare(
      `SELECT t.unit_id, t.monthly FROM unit_targets t
       WHERE t.valid_from = (SELECT max(valid_from) FROM unit_targets x WHERE x.unit_id = t.unit_id AND x.valid_from <= ?)`,
    )
    .all(day) as { unit_id: number; monthly: number }[];
  return new Map(rows.filter((r) => r.monthly > 0).map((r) => [r.unit_id, r.monthly]));
}

/**
 * This month so far, per unit with a target: drafts sent and items adopted (counted as the
 * score counts them), against the pace the target implies by today. Behind pace is an alert:
 * the month can still be saved, which is what the office wants to see ("避免年底算帐").
 */
export const monthProgress: DashboardSectionSource = (ctx, today) => {
  const month = today.slice(0, 7);
  const last = lastDayOfMonth(month);
  const days = Number(last.slice(8));
  const left = daysBetween(today, last);
  const targets = targetsOn(ctx, today);
  const rows = targets.size ? buildReport(ctx, customPeriod(`${month}-01`, today), false).rows : [];
  const lines: DashboardLine[] = [];
  for (const r of rows) {
    const target = targets.get(r.unitId);
    if (target === undefined) continue;
    const pace = Math.ceil((target * Number(today.slice(8))) / days);
    const behind = r.sent < target && r.sent < pace;
    const state = r.sent >= target ? '已完成' : behind ? `进度落后（按进度应有 ${pace} 篇）` : '进度正常';
    lines.push({
      text: `${r.unit}：本月已报送 ${r.sent} 篇 / 任务 ${target} 篇，采用 ${r.adopted} 篇，还剩 ${left} 天 · ${state}`,
      tone: r.sent >= target ? 'ok' : behind ? 'alert' : 'info',
      open: { kind: 'unit', id: r.unitId },
    });
  }
  // The units behind first, then the rest in register order.
  const rank = { alert: 0, warn: 1, info: 2, ok: 3 } as const;
  lines.sort((a, b) => rank[a.tone] - rank[b.tone]);
  return { key: 'month', title: `本月报送进度（${Number(month.slice(5))}月，还剩 ${left} 天）`, empty: '还没有单位设置月度报送任务（在“统计”页设置）。', lines };
};

/** Commissions still owed by some unit: overdue this year, or due within DUE_SOON_DAYS. */
export const commissionsDue: DashboardSectionSource = (ctx, today) => {
  const soon = localDate(new Date(Date.parse(`${today}T12:00:00`) + DUE_SOON_DAYS * 86_400_000));
  const lines: DashboardLine[] = [];
  for (const c of listCommissions(ctx, { from: `${today.slice(0, 4)}-01-01`, to: soon }).reverse()) {
    const owing = c.units.filter((u) => u.answeredDate === null).map((u) => u.unit);
    if (!owing.length) continue;
    const overdue = today > c.deadline;
    const when = overdue ? `已逾期 ${daysBetween(c.deadline, today)} 天` : c.deadline === today ? '今天截止' : `${daysBetween(today, c.deadline)} 天后截止`;
    lines.push({
      text: `约稿“${c.topic}”截止 ${c.deadline}，${when}；未报：${owing.join('、')}`,
      tone: overdue ? 'alert' : 'warn',
      open: { kind: 'commission', id: c.id },
    });
  }
  for (const f of commissionFlags(ctx, Number(today.slice(0, 4)), today)) {
    lines.push({
      text: `${f.unit}：${f.year}年约稿${[f.late ? `迟报 ${f.late} 次` : '', f.missing ? `未报 ${f.missing} 次` : ''].filter(Boolean).join('、')}，达到 ${f.threshold} 次，应予通报${f.points ? `并扣 ${f.points} 分` : ''}`,
      tone: 'alert',
      open: { kind: 'unit', id: f.unitId },
    });
  }
  return { key: 'commissions', title: `约稿（${DUE_SOON_DAYS} 天内到期或已逾期）`, empty: '没有到期或逾期的约稿。', lines };
};

/** Drafts received and not yet dealt with for longer than the setting. */
export const waitingDrafts: DashboardSectionSource = (ctx, today) => {
  const { waitingDays } = readDashboardSettings(ctx);
  const before = localDate(new Date(Date.parse(`${today}T12:00:00`) - waitingDays * 86_400_000));
  const rows = ctx.db
    .prepare(
      `SELECT s.id, s.title, s.received_date, u.name AS unit FROM submissions s LEFT JOIN units u ON u.id = s.unit_id
       WHERE s.state = 'received' AND s.received_date < ? ORDER BY s.received_date, s.id LIMIT 200`,
    )
    .all(before) as { id: number; title: string; received_date: string; unit: string | null }[];
  return {
    key: 'drafts',
    title: `积压来稿（收到超过 ${waitingDays} 天未处理）`,
    empty: '没有积压的来稿。',
    lines: rows.map((r) => ({
      text: `${r.received_date} ${r.unit ?? '未填单位'}“${r.title}”，已等 ${daysBetween(r.received_date, today)} 天`,
      tone: 'warn' as const,
      open: { kind: 'draft' as const, id: r.id },
    })),
  };
};

/** Instructions under follow-up not yet done: overdue first, then those waiting for feedback. */
export const instructionsWaiting: DashboardSectionSource = (ctx, today) => {
  const lines: DashboardLine[] = listFollowups(ctx, {}, today)
    .filter((f) => f.status !== 'done' && (f.handlingUnitId !== null || f.deadline !== null || f.notes.length > 0))
    .sort((a, b) => Number(b.status === 'overdue') - Number(a.status === 'overdue'))
    .map((f) => ({
      text:
        `${LEVEL_LABELS[f.level]}领导${f.leader}批示“${f.title}”：${FOLLOW_STATUS_LABELS[f.status]}` +
        `${f.handlingUnit ? `，承办 ${f.handlingUnit}` : ''}${f.deadline ? `，期限 ${f.deadline}` : ''}` +
        (f.feedbackText || f.feedbackFile ? '，已有反馈待办结' : '，待反馈'),
      tone: f.status === 'overdue' ? ('alert' as const) : ('warn' as const),
      open: { kind: 'instruction' as const, id: f.id },
    }));
  return { key: 'instructions', title: '批示督办（待反馈或已逾期）', empty: '没有待办的批示督办。', lines };
};

export const lastBackup: DashboardSectionSource = (ctx) => {
  const s = backupStatus(ctx);
  const line: DashboardLine = s.lastBackup
    ? { text: `最近一次备份：${s.lastBackup.createdAt.slice(0, 10)}（${s.lastBackup.ageDays} 天前）${s.warning ? ` · ${s.warning}` : ''}`, tone: s.warning ? 'alert' : 'ok', open: { kind: 'backups' } }
    : { text: s.warning ?? '还没有任何备份。', tone: 'alert', open: { kind: 'backups' } };
  return { key: 'backup', title: '备份', empty: '', lines: [line] };
};

/** In order on the page. */
export const DASHBOARD_SECTIONS: DashboardSectionSource[] = [monthProgress, commissionsDue, waitingDrafts, instructionsWaiting, urgentWaiting, lastBackup];

export function buildDashboard(ctx: Ctx, today: string = localDate(ctx.now())): Dashboard {
  return { today, sections: DASHBOARD_SECTIONS.map((section) => section(ctx, today)) };
}

export function dashboard(ctx: Ctx, args: OpArgs<'dashboard'>): Dashboard {
  return buildDashboard(ctx, args.date);
}

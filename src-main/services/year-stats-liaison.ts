/**
 * The year report's blocks for issue 16 parts 4–5 (YEAR_STATS_SECTIONS in year-stats.ts): the
 * officers' ranking (信息员排名) and urgent events with their reporting times (紧急信息). Each is
 * null for a period with nothing to show, so a county without officers or events reports as before.
 */
import type { YearStatsSection } from '../api/ops/stats';
import { LEVEL_LABELS } from '../scoring/rules';
import type { Period } from '../scoring/periods';
import { scorePersons } from '../scoring/person-score';
import type { Ctx } from './context';
import { loadPersonData } from './person-score';
import { listUrgent } from './urgent';

/** The first ten of the ranking in the text; the whole ranking in the table. */
export function liaisonRankingSection(ctx: Ctx, period: Period): YearStatsSection | null {
  // A county without officers pays nothing for this block.
  if (!ctx.db.prepare('SELECT 1 FROM liaisons LIMIT 1').get()) return null;
  const rows = scorePersons(loadPersonData(ctx, period), period.from, period.to);
  if (!rows.some((r) => r.sent > 0 || r.points > 0)) return null;
  const top = rows.filter((r) => !r.cannotBeAdvanced && r.net > 0).slice(0, 10);
  const barred = rows.filter((r) => r.cannotBeAdvanced);
  const fee = rows.reduce((s, r) => s + r.fee, 0);
  const sentences = [
    `${period.label}，全县${rows.length}名信息员共报送信息${rows.reduce((s, r) => s + r.sent, 0)}条，被采用${rows.reduce((s, r) => s + r.adopted, 0)}条，应发稿酬${fee}元。`,
  ];
  if (top.length) sentences.push(`积分居前的信息员是：${top.map((r) => `${r.name}（${r.unit}，${r.net}分）`).join('、')}。`);
  if (barred.length) sentences.push(`${barred.map((r) => r.name).join('、')}年度扣分达到规定分数，不得评为先进个人。`);
  return {
    key: 'liaisonRanking',
    title: '信息员排名',
    sentences,
    table: {
      headers: ['排名', '信息员', '单位', '报送', '采用', '批示', '得分', '扣分', '最终得分', '稿酬（元）', '备注'],
      rows: rows.map((r) => [r.rank, r.name, r.unit, r.sent, r.adopted, r.instructions, r.points, r.deductions, r.net, r.fee, r.cannotBeAdvanced ? '不得评先' : '']),
    },
  };
}

export function urgentSection(ctx: Ctx, period: Period): YearStatsSection | null {
  if (!ctx.db.prepare('SELECT 1 FROM urgent_events LIMIT 1').get()) return null;
  const events = listUrgent(ctx, { from: period.from, to: period.to }).reverse();
  if (!events.length) return null;
  const late = events.filter((e) => e.proposal?.kind === 'late').length;
  const concealed = events.filter((e) => e.proposal?.kind === 'concealed').length;
  const upward = events.filter((e) => !e.withoutUpward).length;
  const t = (x: string | null) => (x === null ? '' : x.replace('T', ' '));
  return {
    key: 'urgent',
    title: '紧急信息',
    sentences: [
      `${period.label}，登记紧急信息${events.length}件，向上级报送${upward}件；单位迟报${late}件，瞒报漏报${concealed}件。`,
    ],
    table: {
      headers: ['事发时间', '单位', '事件', '单位报告', '向上报送', '迟报/瞒报', '扣分'],
      rows: events.map((e) => [
        t(e.eventTime),
        e.unit,
        e.what,
        e.unitReportedAt === null ? '未报告' : t(e.unitReportedAt),
        e.reports.filter((r) => r.kind === 'upward').map((r) => `${LEVEL_LABELS[r.level!]} ${t(r.reportedAt)}`).join('；'),
        e.proposal ? (e.proposal.kind === 'late' ? `迟报（${LEVEL_LABELS[e.proposal.level]}）` : `瞒报漏报（${LEVEL_LABELS[e.proposal.level]}）`) : '按时',
        e.proposal ? (e.deductionId !== null ? e.proposal.points : `${e.proposal.points}（未登记）`) : 0,
      ]),
    },
  };
}

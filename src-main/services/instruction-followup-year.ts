/**
 * 批示督办 in the year report (a YEAR_STATS_SECTIONS source, services/year-stats.ts): of the
 * instructions of the period, how many were followed up, done (on time or not), in hand and
 * overdue, by level — "交必办、办必果、果必报" in figures. The instruction rate itself is
 * year-stats' own (上报采用与批示); it is not counted again here.
 */
import { LEVELS, LEVEL_LABELS } from '../scoring/rules';
import { localDate } from './context';
import { listFollowups } from './instruction-followup';
import type { YearStatsSectionSource } from './year-stats-section';

export const instructionFollowupSection: YearStatsSectionSource = (ctx, period) => {
  const today = localDate(ctx.now());
  const asOf = period.to < today ? period.to : today;
  const followed = listFollowups(ctx, { from: period.from, to: period.to }, asOf).filter(
    (f) => f.handlingUnitId !== null || f.deadline !== null || f.state !== 'todo' || f.notes.length > 0,
  );
  if (!followed.length) return null;
  const count = (level: string | null) => {
    const of = followed.filter((f) => level === null || f.level === level);
    const done = of.filter((f) => f.status === 'done');
    const onTime = done.filter((f) => f.deadline === null || (f.doneDate !== null && f.doneDate <= f.deadline)).length;
    const overdue = of.filter((f) => f.status === 'overdue').length;
    return { all: of.length, done: done.length, onTime, overdue, inHand: of.length - done.length - overdue };
  };
  const total = count(null);
  return {
    key: 'instructionFollowup',
    title: '领导批示督办情况',
    sentences: [
      `领导批示督办${total.all}件，已办结${total.done}件（其中按期办结${total.onTime}件），正在办理${total.inHand}件，逾期未办结${total.overdue}件。`,
    ],
    table: {
      headers: ['级别', '督办（件）', '已办结', '按期办结', '正在办理', '逾期未办结'],
      rows: [
        ...LEVELS.map((l) => {
          const c = count(l);
          return [LEVEL_LABELS[l], c.all, c.done, c.onTime, c.inHand, c.overdue];
        }),
        ['合计', total.all, total.done, total.onTime, total.inHand, total.overdue],
      ],
    },
  };
};

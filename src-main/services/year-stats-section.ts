/**
 * One further section of the year's statistics (批示督办, 信息员, 紧急信息 …): a source given the
 * year's figures that answers its section or null. Its own file so the sources and
 * year-stats.ts, which lists them, do not import each other.
 */
import type { YearStats, YearStatsSection } from '../api/ops/stats';
import type { Period } from '../scoring/periods';
import type { Ctx } from './context';

export type YearStatsSectionSource = (ctx: Ctx, period: Period, stats: Omit<YearStats, 'sections' | 'sentences'>) => YearStatsSection | null;

/**
 * Issue numbers: 第N期 within a year (or running on across years), and 总第M期 since the
 * series began. Called only inside the signing transaction (BEGIN IMMEDIATE), so the maximum it
 * reads cannot move before the number is written; the UNIQUE indexes are the last word.
 */
import { ApiError } from '../api/errors';
import type { Ctx } from './context';

export interface SeriesNumbering {
  id: number;
  name: string;
  first_number: number;
  first_total: number;
  continuous: number;
}

export interface Assigned {
  number: number;
  totalNumber: number | null;
}

export function nextNumbers(ctx: Ctx, series: SeriesNumbering, year: number, supplement: boolean): Assigned {
  const sup = supplement ? 1 : 0;
  const all = ctx.db
    .prepare('SELECT max(number) AS n, max(total_number) AS t FROM issues WHERE series_id = ? AND supplement = ? AND number IS NOT NULL')
    .get(series.id, sup) as { n: number | null; t: number | null };
  const inYear = ctx.db
    .prepare('SELECT max(number) AS n FROM issues WHERE series_id = ? AND supplement = ? AND year = ? AND number IS NOT NULL')
    .get(series.id, sup, year) as { n: number | null };

  if (supplement) {
    const last = series.continuous ? all.n : inYear.n;
    return { number: (last ?? 0) + 1, totalNumber: null };
  }
  if (all.n === null) return { number: series.first_number, totalNumber: series.first_total };
  const last = series.continuous ? all.n : inYear.n;
  return { number: (last ?? 0) + 1, totalNumber: (all.t ?? series.first_total - 1) + 1 };
}

/**
 * Numbers follow the calendar: an issue may not be dated before the last numbered issue of its
 * sequence, or a later number would carry an earlier date (and a past year would grow a new issue).
 */
export function assertDateInOrder(ctx: Ctx, series: SeriesNumbering, date: string, supplement: boolean): void {
  const last = ctx.db
    .prepare(
      `SELECT date, year, number FROM issues WHERE series_id = ? AND supplement = ? AND number IS NOT NULL
       ORDER BY date DESC, number DESC LIMIT 1`,
    )
    .get(series.id, supplement ? 1 : 0) as { date: string; year: number; number: number } | undefined;
  if (last && date < last.date) {
    throw new ApiError(
      'INVALID_STATE',
      `签发日期 ${date} 早于《${series.name}》已编号的${last.year}年第${last.number}期（${last.date}）。` +
        `期号按日期先后编排，请把日期改为 ${last.date} 或之后。`,
    );
  }
}

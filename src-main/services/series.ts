import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { Classification } from '../api/schemas';
import type { Series } from '../api/types';
import { writeTx } from '../store/db';
import { reindex } from '../store/search-index';
import { stampNow, type Ctx } from './context';
import { effectivePrintSettings, mergeOverrides } from './print-settings';
import { DEFAULT_SERIES_SCORE_RULE, type SeriesScoreRule } from '../scoring/rules';

interface SeriesRow {
  id: number;
  name: string;
  org: string;
  first_number: number;
  first_total: number;
  continuous: number;
  score_rule: SeriesScoreRule;
  print_settings: string;
  max_classification: Classification;
  created_at: string;
  numbered: number;
}

const SELECT = `SELECT s.*, EXISTS (SELECT 1 FROM issues i WHERE i.series_id = s.id AND i.number IS NOT NULL) AS numbered
                FROM series s`;

function toSeries(r: SeriesRow): Series {
  return {
    id: r.id,
    name: r.name,
    org: r.org,
    firstNumber: r.first_number,
    firstTotal: r.first_total,
    continuous: r.continuous === 1,
    maxClassification: r.max_classification,
    scoreRule: r.score_rule,
    numbered: r.numbered === 1,
    print: effectivePrintSettings(r, r.print_settings),
    createdAt: r.created_at,
  };
}

export function findSeriesRow(ctx: Ctx, ref: number | string): SeriesRow {
  const row = (
    typeof ref === 'number'
      ? ctx.db.prepare(`${SELECT} WHERE s.id = ?`).get(ref)
      : ctx.db.prepare(`${SELECT} WHERE s.name = ?`).get(ref)
  ) as SeriesRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', typeof ref === 'number' ? `没有编号为 ${ref} 的刊物。` : `没有名为“${ref}”的刊物。`);
  return row;
}

export function getSeries(ctx: Ctx, args: OpArgs<'seriesGet'>): Series {
  return toSeries(findSeriesRow(ctx, args.series));
}

export function listSeries(ctx: Ctx): Series[] {
  return (ctx.db.prepare(`${SELECT} ORDER BY s.id`).all() as SeriesRow[]).map(toSeries);
}

function assertNameFree(ctx: Ctx, name: string, exceptId?: number): void {
  const other = ctx.db.prepare('SELECT id FROM series WHERE name = ?').get(name) as { id: number } | undefined;
  if (other && other.id !== exceptId) throw new ApiError('CONFLICT', `已有名为“${name}”的刊物，请换一个名称。`);
}

export function addSeries(ctx: Ctx, args: OpArgs<'seriesAdd'>): Series {
  return writeTx(ctx.db, () => {
    assertNameFree(ctx, args.name);
    const now = stampNow(ctx);
    const info = ctx.db
      .prepare(
        `INSERT INTO series (name, org, first_number, first_total, continuous, max_classification, score_rule, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        args.name,
        args.org ?? '',
        args.firstNumber ?? 1,
        args.firstTotal ?? args.firstNumber ?? 1,
        args.continuous ? 1 : 0,
        args.maxClassification ?? 'internal',
        args.scoreRule ?? DEFAULT_SERIES_SCORE_RULE,
        now,
        now,
      );
    return toSeries(findSeriesRow(ctx, Number(info.lastInsertRowid)));
  });
}

export function updateSeries(ctx: Ctx, args: OpArgs<'seriesUpdate'>): Series {
  return writeTx(ctx.db, () => {
    const row = findSeriesRow(ctx, args.series);
    const numberingChanges =
      (args.firstNumber !== undefined && args.firstNumber !== row.first_number) ||
      (args.firstTotal !== undefined && args.firstTotal !== row.first_total) ||
      (args.continuous !== undefined && (args.continuous ? 1 : 0) !== row.continuous);
    if (numberingChanges && row.numbered) {
      throw new ApiError('FROZEN', `刊物“${row.name}”已有签发的期次，起始期号和编号方式不能再改，以免期号重复或跳号。`);
    }
    if (args.name !== undefined) assertNameFree(ctx, args.name, row.id);
    ctx.db
      .prepare(
        `UPDATE series SET name = ?, org = ?, first_number = ?, first_total = ?, continuous = ?, score_rule = ?, print_settings = ?,
                max_classification = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        args.name ?? row.name,
        args.org ?? row.org,
        args.firstNumber ?? row.first_number,
        args.firstTotal ?? row.first_total,
        args.continuous === undefined ? row.continuous : args.continuous ? 1 : 0,
        // Issues signed before keep the rule they were signed under (issues.score_rule).
        args.scoreRule ?? row.score_rule,
        args.print ? mergeOverrides(row.print_settings, args.print) : row.print_settings,
        // Lowering it leaves drafts holding higher items as they are: submit and sign refuse them.
        args.maxClassification ?? row.max_classification,
        stampNow(ctx),
        row.id,
      );
    if (args.name !== undefined && args.name !== row.name) {
      const issueIds = (ctx.db.prepare('SELECT id FROM issues WHERE series_id = ?').all(row.id) as { id: number }[]).map((r) => r.id);
      reindex(ctx.db, { issues: issueIds });
    }
    return toSeries(findSeriesRow(ctx, row.id));
  });
}

/**
 * `bulletin adoption import FILE.xlsx`: the city's adoption list. Without --yes it only shows
 * the proposed matches (nothing is recorded); with --yes it records those confident enough
 * (the pre-ticked ones, or all at or above --min-confidence) in one step.
 */
import { dispatch } from '../../wiring/dispatch';
import { ApiError } from '../../api/errors';
import type { OpInput, OpName, OpResult } from '../../api/contract';
import { SHEET_FIELDS, SHEET_FIELD_LABELS, type AdoptionSheetImportResult, type AdoptionSheetPreview, type AdoptionSheetRow, type SheetField } from '../../api/ops/adoption-sheet';
import { createCtx } from '../../services/context';
import { confidentEnough } from '../../services/adoption-match';
import { openDatabase } from '../../store/db';
import type { CommandContext, CommandSpec } from '../spec';

export interface AdoptionImportOutcome {
  preview: AdoptionSheetPreview;
  /** Absent without --yes: nothing was recorded. */
  result?: AdoptionSheetImportResult;
  chosen: number[];
}

const pct = (c: number) => `${Math.round(c * 100)}%`;

function rowLine(r: AdoptionSheetRow, chosen: boolean): string {
  const best = r.candidates[0];
  const head = `第${r.row}行 “${r.title}”`;
  if (r.problem) return `[有误] ${head}：${r.problem}`;
  if (!best) return `[无匹配] ${head}：报送的信息中没有相近的标题`;
  const to = `→ #${best.articleId}“${best.title}” ${pct(best.confidence)}`;
  if (best.recorded) return `[已登记] ${head} ${to}`;
  if (chosen) return `[登记] ${head} ${to}`;
  const others = r.candidates.slice(1, 3).map((c) => `#${c.articleId}“${c.title}” ${pct(c.confidence)}`);
  return `[待定] ${head} ${to}${others.length ? `；其他候选：${others.join('；')}` : ''}`;
}

/** 0.8, 80 or 80% → 0.8. */
function parseConfidence(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(String(v).trim());
  const n = m ? Number(m[1]) : NaN;
  const c = n > 1 ? n / 100 : n;
  if (!(c > 0 && c <= 1)) throw new ApiError('INVALID_INPUT', `--min-confidence“${String(v)}”无效：请给出 0 到 1 之间的小数（如 0.8）或百分数（如 80）。`);
  return c;
}

/** --column 标题=B or title=2: a column letter or a 1-based number, for a header no guess knows. */
function parseColumns(list: unknown): Partial<Record<SheetField, number | null>> {
  const out: Partial<Record<SheetField, number | null>> = {};
  for (const item of (list as string[] | undefined) ?? []) {
    const [key = '', value = ''] = item.split(/[=＝]/).map((x) => x.trim());
    const field = SHEET_FIELDS.find((f) => f === key || SHEET_FIELD_LABELS[f] === key);
    if (!field) throw new ApiError('INVALID_INPUT', `--column“${item}”：不认识的列“${key}”，只能是：${SHEET_FIELDS.map((f) => SHEET_FIELD_LABELS[f]).join('、')}。`);
    const v = value.toUpperCase();
    if (v === '' || v === '无') out[field] = null;
    else if (/^[A-Z]{1,2}$/.test(v)) out[field] = [...v].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    else if (/^\d{1,3}$/.test(v) && Number(v) >= 1) out[field] = Number(v) - 1;
    else throw new ApiError('INVALID_INPUT', `--column“${item}”：列要写成字母（如 B）或从 1 数起的列号。`);
  }
  return out;
}

async function runAdoptionImport(input: Record<string, unknown>, cli: CommandContext): Promise<AdoptionImportOutcome> {
  const min = parseConfidence(input.minConfidence);
  const columns = parseColumns(input.columns);
  const db = openDatabase(cli.dbPath);
  const ctx = createCtx(db);
  ctx.operator = cli.operator;
  const call = <K extends OpName>(name: K, args: OpInput<K>): Promise<OpResult<K>> => dispatch(ctx, name, args);
  try {
    const preview = await call('adoptionSheetRead', {
      path: input.path as string,
      ...(Object.keys(columns).length ? { columns } : {}),
      ...Object.fromEntries((['publication', 'level', 'kind', 'date'] as const).flatMap((k) => (input[k] === undefined ? [] : [[k, input[k]]]))),
    } as OpInput<'adoptionSheetRead'>);
    const pick = (r: AdoptionSheetRow) =>
      !r.problem && r.articleId !== null && !r.candidates[0]!.recorded && (min === undefined ? r.preTicked : confidentEnough(r.candidates, min));
    const rows = preview.rows.filter(pick);
    const chosen = rows.map((r) => r.row);
    if (!cli.json) for (const r of preview.rows) cli.stdout(rowLine(r, chosen.includes(r.row)));
    if (!input.yes || rows.length === 0) return { preview, chosen };
    const remember = Object.fromEntries(
      SHEET_FIELDS.map((f) => [f, preview.columns[f] === null ? '' : (preview.headers[preview.columns[f]!] ?? '')]),
    ) as Record<SheetField, string>;
    const result = await call('adoptionSheetImport', {
      adoptions: rows.map((r) => ({ row: r.row, articleId: r.articleId!, publication: r.publication, level: r.level, kind: r.kind, date: r.date!, issueRef: r.issueRef })),
      remember,
    });
    return { preview, result, chosen };
  } finally {
    db.close();
  }
}

function summary(o: AdoptionImportOutcome): string {
  const p = o.preview;
  const recorded = p.rows.filter((r) => r.candidates[0]?.recorded).length;
  const facts = `共 ${p.rows.length} 行：拟登记 ${o.chosen.length} 行，已登记过 ${recorded} 行，其余 ${p.rows.length - o.chosen.length - recorded} 行待人工确认或不是本县的信息。`;
  if (o.result) return `${facts}\n已登记采用 ${o.result.recorded.length} 条${o.result.already ? `（${o.result.already} 条此前已登记，未重复）` : ''}。`;
  if (o.chosen.length === 0) return `${facts}\n没有可登记的采用。`;
  return `${facts}\n以上只是匹配建议，没有登记任何采用。核对无误后加 --yes 登记；待定的行可在“统计”页的“导入采用情况表”中逐条选择。`;
}

export const adoptionSheetCommands: readonly CommandSpec[] = [
  {
    path: ['adoption', 'import'],
    zh: '读取市里的采用情况表（.xlsx），把每行匹配到报送过的信息；加 --yes 登记置信度高的匹配（一次完成，已登记的不重复）',
    en: 'Read the city\'s adoption list (.xlsx) and match each row to an item sent upward; --yes records the confident matches at once',
    positionals: [{ name: 'FILE', key: 'path', type: 'string' }],
    options: [
      { flag: 'yes', key: 'yes', type: 'bool', zh: '登记匹配（不加则只显示，不登记）', en: 'record the matches (otherwise only shown)' },
      { flag: 'min-confidence', key: 'minConfidence', type: 'string', value: 'C', zh: '登记置信度不低于 C 的匹配（如 0.8 或 80）；默认只登记预选的', en: 'record matches at or above C (0.8 or 80); default: the pre-ticked ones' },
      { flag: 'column', key: 'columns', type: 'string', multiple: true, value: 'FIELD=COL', zh: '指定列，如 --column 标题=B --column 采用刊物=D（不给则按表头判断，或沿用上次的选择）', en: 'choose a column, e.g. --column title=B' },
      { flag: 'publication', key: 'publication', type: 'string', value: 'NAME', zh: '表中没有刊物列时，各行的采用刊物', en: 'publication when the sheet has no such column' },
      { flag: 'level', key: 'level', type: 'string', value: 'LEVEL', zh: '表中没有级别列时的级别：city 市级（默认）/ province 省级', en: 'level when not in the sheet (default city)' },
      { flag: 'kind', key: 'kind', type: 'string', value: 'KIND', zh: '表中没有类型列时的采用类型：single 单条（默认）/ research 综合调研', en: 'kind when not in the sheet (default single)' },
      { flag: 'date', key: 'date', type: 'string', value: 'D', zh: '表中没有日期列时的采用日期', en: 'adoption date when not in the sheet' },
    ],
    usesDb: true,
    run: runAdoptionImport,
    print: summary,
    examples: ['bulletin adoption import 11月采用情况.xlsx', 'bulletin adoption import 11月采用情况.xlsx --yes', 'bulletin adoption import 采用.xlsx --column 标题=C --min-confidence 0.9 --yes'],
  },
];

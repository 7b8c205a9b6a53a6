/**
 * The city's adoption list, against what we sent upward: a preview that proposes a match per
 * row (with its confidence and the other candidates), and an import that records the chosen
 * ones as adoptions in one transaction, skipping any recorded before, so a list read twice
 * adds nothing. The columns chosen are remembered in settings for the next list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import { SHEET_FIELDS, type AdoptionSheetImportResult, type AdoptionSheetPreview, type AdoptionSheetRow, type SheetColumns, type SheetField } from '../api/ops/adoption-sheet';
import type { Level, AdoptionKind } from '../scoring/rules';
import { kindAllowed, LEVEL_LABELS } from '../scoring/rules';
import { writeTx } from '../store/db';
import { localDate, type Ctx } from './context';
import { addAdoption, unitNamesOf } from './scoring-records';
import { readSender } from './settings';
import { assertTitleColumn, findHeader, guessColumns, parseDate, parseKind, parseLevel, publicationName, readAdoptionTable, rememberedColumns } from './adoption-sheet';
import { confidentEnough, makeMatcher, type SentItem } from './adoption-match';

const SETTINGS_KEY = 'adoptionSheetColumns';

function fileBytes(args: { path?: string | undefined; base64?: string | undefined; fileName?: string | undefined }): { bytes: Buffer; name: string } {
  if (args.base64 !== undefined) return { bytes: Buffer.from(args.base64, 'base64'), name: args.fileName ?? '采用情况表.xlsx' };
  const file = path.resolve(args.path!);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ApiError('INVALID_INPUT', `找不到文件“${file}”。请检查路径是否正确。`);
  }
  if (stat.isDirectory()) throw new ApiError('INVALID_INPUT', `“${file}”是一个文件夹，请给出采用情况表的 Excel 文件。`);
  if (stat.size > 10 * 1024 * 1024) throw new ApiError('INVALID_INPUT', `文件有 ${(stat.size / 1024 / 1024).toFixed(1)} MB，采用情况表不会这么大。请检查是否选错了文件。`);
  return { bytes: fs.readFileSync(file), name: path.basename(file) };
}

function readRemembered(ctx: Ctx): Partial<Record<SheetField, string>> {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined;
  if (!row) return {};
  const v = JSON.parse(row.value) as unknown;
  if (typeof v !== 'object' || v === null) return {};
  return Object.fromEntries(SHEET_FIELDS.flatMap((f) => (typeof (v as Record<string, unknown>)[f] === 'string' ? [[f, (v as Record<string, string>)[f]]] : []))) as Partial<
    Record<SheetField, string>
  >;
}

/** Every item that went upward (alone or in a sent issue), with the day it first went. */
function sentItems(ctx: Ctx): SentItem[] {
  const rows = ctx.db
    .prepare(
      `WITH sent AS (
         SELECT pi.ref_id AS article_id, p.created_at FROM packet_items pi JOIN packets p ON p.id = pi.packet_id WHERE pi.kind = 'article'
         UNION ALL
         SELECT ia.article_id, p.created_at FROM packet_items pi JOIN packets p ON p.id = pi.packet_id
         JOIN issue_articles ia ON ia.issue_id = pi.ref_id WHERE pi.kind = 'issue')
       SELECT a.id, a.title, min(s.created_at) AS sent_at FROM sent s JOIN articles a ON a.id = s.article_id GROUP BY a.id ORDER BY a.id`,
    )
    .all() as { id: number; title: string; sent_at: string }[];
  const units = unitNamesOf(ctx, rows.map((r) => r.id));
  const words = new Map<number, string[]>();
  const wordRows = ctx.db
    .prepare(
      `SELECT x.article_id, un.name FROM (SELECT id AS article_id, unit_id FROM articles WHERE unit_id IS NOT NULL
         UNION ALL SELECT article_id, unit_id FROM article_units) x JOIN unit_names un ON un.unit_id = x.unit_id`,
    )
    .all() as { article_id: number; name: string }[];
  for (const w of wordRows) words.set(w.article_id, [...(words.get(w.article_id) ?? []), w.name]);
  return rows.map((r) => ({ articleId: r.id, title: r.title, units: units.get(r.id) ?? [], unitWords: words.get(r.id) ?? [], sentOn: r.sent_at.slice(0, 10) }));
}

/**
 * The names the city calls this county by: the office's name up to 县/区/市/旗, its short name,
 * and the issuing office of each series (for a desk whose sender is not filled in).
 */
function countyNames(ctx: Ctx): string[] {
  const sender = readSender(ctx);
  const orgs = (ctx.db.prepare("SELECT DISTINCT org FROM series WHERE org <> ''").all() as { org: string }[]).map((r) => r.org);
  const out: string[] = [];
  for (const n of [sender.office, sender.shortName, ...orgs]) {
    const m = /^(.{2,8}?[县区市旗])/.exec(n);
    if (m) out.push(m[1]!);
  }
  return [...new Set(out)];
}

const isOurSeries = (ctx: Ctx, publication: string) => ctx.db.prepare('SELECT 1 FROM series WHERE name = ?').get(publication) !== undefined;

const recordedStmt = (ctx: Ctx) => ctx.db.prepare('SELECT 1 FROM adoptions WHERE article_id = ? AND publication = ? AND issue_ref = ?');

export async function readAdoptionSheet(ctx: Ctx, args: OpArgs<'adoptionSheetRead'>): Promise<AdoptionSheetPreview> {
  const { bytes, name } = fileBytes(args);
  const table = await readAdoptionTable(bytes, name);
  const headerAt = findHeader(table);
  const headers = table.rows[headerAt]!.cells;
  const columns: SheetColumns = { ...guessColumns(headers), ...rememberedColumns(headers, readRemembered(ctx)), ...(args.columns ?? {}) };
  assertTitleColumn(columns, headers);
  const items = sentItems(ctx);
  const county = countyNames(ctx);
  const matcher = await makeMatcher(items, [], county);
  const recorded = recordedStmt(ctx);
  const today = localDate(ctx.now());
  const cell = (cells: readonly string[], f: SheetField) => {
    const at = columns[f];
    return at === null ? '' : (cells[at] ?? '').trim();
  };
  const rows: AdoptionSheetRow[] = [];
  for (const { row, cells } of table.rows.slice(headerAt + 1)) {
    const title = cell(cells, 'title');
    const problems: string[] = [];
    const levelText = cell(cells, 'level');
    const level: Level = (levelText ? parseLevel(levelText) : undefined) ?? args.level ?? 'city';
    if (levelText && !parseLevel(levelText)) problems.push(`级别“${levelText}”无法识别（市级、省级或县级）`);
    const kindText = cell(cells, 'kind');
    let kind: AdoptionKind = args.kind && kindAllowed(level, args.kind) ? args.kind : 'single';
    if (kindText) {
      const k = parseKind(kindText, level);
      if (k) kind = k;
      else problems.push(`采用类型“${kindText}”不适用于${LEVEL_LABELS[level]}刊物`);
    }
    const publication = publicationName(cell(cells, 'publication') || args.publication || '');
    if (!publication) problems.push('没有采用刊物的名称（可在对话框中统一填写）');
    else if (isOurSeries(ctx, publication)) problems.push(`《${publication}》是本系统编印的刊物，签发时已自动计入`);
    const dateText = cell(cells, 'date');
    const date = dateText ? parseDate(dateText) : (args.date ?? null);
    if (dateText && !date) problems.push(`采用日期“${dateText}”无法识别`);
    else if (!date) problems.push('没有采用日期（可在对话框中统一填写）');
    else if (date > today) problems.push(`采用日期 ${date} 晚于今天`);
    if (!title) problems.push('标题为空');
    const unit = cell(cells, 'unit');
    const issueRef = cell(cells, 'issue');
    const candidates = title ? matcher.match({ title, unit, date }) : [];
    for (const c of candidates) c.recorded = publication !== '' && recorded.get(c.articleId, publication, issueRef) !== undefined;
    const best = candidates[0];
    const problem = problems.length ? problems.join('；') : null;
    rows.push({
      row,
      title,
      unit,
      publication,
      issueRef,
      date,
      level,
      kind,
      problem,
      candidates,
      articleId: best?.articleId ?? null,
      confidence: best?.confidence ?? 0,
      preTicked: !problem && best !== undefined && !best.recorded && confidentEnough(candidates),
    });
  }
  return { fileName: name, sheet: table.sheet, headerRow: table.rows[headerAt]!.row, headers, columns, rows, sentItems: items.length, threshold: 0.75 };
}

export function importAdoptionSheet(ctx: Ctx, args: OpArgs<'adoptionSheetImport'>): AdoptionSheetImportResult {
  return writeTx(ctx.db, () => {
    const recorded = recordedStmt(ctx);
    const seen = new Set<string>();
    const out: AdoptionSheetImportResult = { recorded: [], already: 0 };
    for (const e of args.adoptions) {
      const publication = publicationName(e.publication);
      const issueRef = e.issueRef ?? '';
      const key = JSON.stringify([e.articleId, publication, issueRef]);
      if (seen.has(key) || recorded.get(e.articleId, publication, issueRef) !== undefined) {
        out.already++;
        continue;
      }
      seen.add(key);
      try {
        out.recorded.push(addAdoption(ctx, { articleId: e.articleId, publication, level: e.level, kind: e.kind, date: e.date, issueRef }));
      } catch (err) {
        // One refused entry refuses the list: nothing is kept, the row named.
        if (err instanceof ApiError) {
          const at = e.row === undefined ? '' : `第${e.row}行：`;
          throw new ApiError(err.code, `${at}${err.message} 没有登记任何采用（数据未作修改）。`);
        }
        throw err;
      }
    }
    if (args.remember) {
      const value = Object.fromEntries(SHEET_FIELDS.flatMap((f) => (args.remember![f] === undefined ? [] : [[f, args.remember![f]]])));
      ctx.db
        .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(SETTINGS_KEY, JSON.stringify(value));
    }
    return out;
  });
}

/**
 * Proofreading at the doors (issue 18): checks an item, a file or unsaved text with the pure
 * checker in src-main/proof (the renderer runs the same checker as the user types), writes
 * certain fixes to an item that may still change, keeps ignored findings with the item, and
 * keeps the office's 规范提法 list as dated versions like the scoring rules.
 */
import path from 'node:path';
import type { OpArgs } from '../api/contract';
import { ApiError } from '../api/errors';
import type { ProofReport, ProofSetup, WordingVersion } from '../api/ops/proof';
import { parseBody, type Paragraph } from '../api/text';
import type { Article } from '../api/types';
import { IntakeRefusal } from '../intake/formats';
import { readDocx } from '../intake/read-docx';
import { readText } from '../intake/read-text';
import { DEFAULT_WORDING, RULE_IDS, checkItem, countFindings, fixItem, type Finding, type ProofOptions, type WordingEntry } from '../proof';
import { writeTx } from '../store/db';
import { editArticle, getArticle } from './articles';
import { localDate, stampNow, type Ctx } from './context';
import { readDraftFile } from './submission-import';

interface WordingRow {
  id: number;
  valid_from: string;
  entries: string;
  thousands: 'plain' | 'any';
  created_at: string;
}

const DEFAULT_VERSION: WordingVersion = { id: null, validFrom: null, entries: [...DEFAULT_WORDING], thousands: 'any', createdAt: null };

function toVersion(r: WordingRow): WordingVersion {
  let entries: WordingEntry[];
  try {
    entries = JSON.parse(r.entries) as WordingEntry[];
    if (!Array.isArray(entries)) throw new Error('not a list');
  } catch {
    throw new ApiError('DB_DAMAGED', `自 ${r.valid_from} 起的规范提法表在数据库中已损坏，无法校对。请从备份恢复数据库。`);
  }
  return { id: r.id, validFrom: r.valid_from, entries, thousands: r.thousands, createdAt: r.created_at };
}

/** The version in force on a date (today by default): the newest saved from that date or before, else the shipped set. */
export function wordingInForce(ctx: Ctx, date?: string): WordingVersion {
  const day = date ?? localDate(ctx.now());
  const row = ctx.db.prepare('SELECT * FROM proof_wording WHERE valid_from <= ? ORDER BY valid_from DESC LIMIT 1').get(day) as WordingRow | undefined;
  return row ? toVersion(row) : DEFAULT_VERSION;
}

export function proofOptions(ctx: Ctx): ProofOptions & { from: string | null } {
  const v = wordingInForce(ctx);
  return { wording: v.entries, thousands: v.thousands, from: v.validFrom };
}

/** Every saved version, newest first, then the shipped default set. */
export function listWording(ctx: Ctx): WordingVersion[] {
  const rows = ctx.db.prepare('SELECT * FROM proof_wording ORDER BY valid_from DESC').all() as WordingRow[];
  return [...rows.map(toVersion), DEFAULT_VERSION];
}

/** `不规范写法 => 规范提法 # 说明` one a line; blank lines and lines starting # are skipped. */
export function parseWordingLines(text: string): WordingEntry[] {
  const entries: WordingEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(.+?)\s*=>\s*(.+?)(?:\s*#\s*(.*))?$/.exec(line);
    const wrong = m?.[1]?.trim() ?? '';
    const right = m?.[2]?.trim() ?? '';
    if (!wrong || !right || wrong === right || wrong.length > 60 || right.length > 60) {
      throw new ApiError('INVALID_INPUT', `规范提法表第${i + 1}行写法有误：“${line.slice(0, 40)}”。每行写作“不规范写法 => 规范提法 # 说明”，两种写法不能相同、各不超过60个字。`);
    }
    entries.push({ wrong, right, ...(m?.[3] ? { note: m[3].trim().slice(0, 200) } : {}) });
  });
  if (entries.length > 500) throw new ApiError('INVALID_INPUT', '规范提法不能超过500条。');
  return entries;
}

export function addWording(ctx: Ctx, args: OpArgs<'proofWordingAdd'>): WordingVersion {
  const entries = args.entries ?? parseWordingLines(args.lines ?? '');
  return writeTx(ctx.db, () => {
    if (ctx.db.prepare('SELECT 1 FROM proof_wording WHERE valid_from = ?').get(args.validFrom)) {
      throw new ApiError('CONFLICT', `已有自 ${args.validFrom} 起的规范提法表。已保存的版本不能修改；如需调整，请另选一个生效日期保存为新版本。`);
    }
    const info = ctx.db
      .prepare('INSERT INTO proof_wording (valid_from, entries, thousands, created_at) VALUES (?, ?, ?, ?)')
        .run(args.validFrom, JSON.stringify(entries), args.thousands ?? 'any', stampNow(ctx));
    return toVersion(ctx.db.prepare('SELECT * FROM proof_wording WHERE id = ?').get(Number(info.lastInsertRowid)) as WordingRow);
  });
}

export function ignoredKeys(ctx: Ctx, articleId: number): Set<string> {
  const rows = ctx.db.prepare('SELECT key FROM proof_ignored WHERE article_id = ?').all(articleId) as { key: string }[];
  return new Set(rows.map((r) => r.key));
}

export function proofSetup(ctx: Ctx, args: OpArgs<'proofSetup'>): ProofSetup {
  if (args.id !== undefined) getArticle(ctx, { id: args.id });
  return { wording: wordingInForce(ctx), ignored: args.id === undefined ? [] : [...ignoredKeys(ctx, args.id)] };
}

export function ignoreFinding(ctx: Ctx, args: OpArgs<'proofIgnore'>): ProofSetup {
  return writeTx(ctx.db, () => {
    getArticle(ctx, { id: args.id });
    const rule = args.key.split('|')[0] ?? '';
    if (!(RULE_IDS as readonly string[]).includes(rule)) {
      throw new ApiError('INVALID_INPUT', '要忽略的校对结果标识有误（应来自校对结果的 key）。请重新校对后再忽略。');
    }
    if (args.restore) ctx.db.prepare('DELETE FROM proof_ignored WHERE article_id = ? AND key = ?').run(args.id, args.key);
    else ctx.db.prepare('INSERT OR IGNORE INTO proof_ignored (article_id, key, rule, created_at) VALUES (?, ?, ?, ?)').run(args.id, args.key, rule, stampNow(ctx));
    return proofSetup(ctx, { id: args.id });
  });
}

/** The unfixed 错误 of an item, for warnings at submit. */
export function articleErrors(ctx: Ctx, article: { id: number; title: string; paragraphs: readonly Paragraph[] }, options: ProofOptions = proofOptions(ctx)): Finding[] {
  return checkItem(article, options, ignoredKeys(ctx, article.id)).filter((f) => f.severity === '错误');
}

async function readFileText(file: string): Promise<{ title: string; paragraphs: Paragraph[] }> {
  try {
    const { bytes, format } = await readDraftFile(path.resolve(file));
    return format === 'docx' ? await readDocx(bytes) : readText(bytes);
  } catch (e) {
    if (e instanceof IntakeRefusal) throw new ApiError('INVALID_INPUT', `无法校对文件“${path.basename(file)}”：${e.message}`);
    throw e;
  }
}

function report(source: string, articleId: number | null, item: { title: string; paragraphs: readonly Paragraph[] }, options: ProofOptions & { from: string | null }, ignored: ReadonlySet<string>): ProofReport {
  const all = checkItem(item, options);
  const findings = ignored.size ? all.filter((f) => !ignored.has(f.key)) : all;
  const c = countFindings(findings);
  return { source, articleId, title: item.title, findings, errors: c.errors, suggestions: c.suggestions, ignored: all.length - findings.length, wordingFrom: options.from };
}

export async function proofCheck(ctx: Ctx, args: OpArgs<'proofCheck'>): Promise<ProofReport> {
  const options = proofOptions(ctx);
  if (args.file !== undefined) return report(path.basename(args.file), null, await readFileText(args.file), options, new Set());
  if (args.id === undefined) return report('未保存的文字', null, { title: args.title ?? '', paragraphs: parseBody(args.body ?? '') }, options, new Set());

  const article = getArticle(ctx, { id: args.id });
  const ignored = ignoredKeys(ctx, article.id);
  if (!args.fix) return report(`信息 #${article.id}`, article.id, article, options, ignored);

  // Only an item that may still change takes fixes: the same refusal as an edit gives.
  if (article.frozen || article.issue?.status === 'review') editArticle(ctx, { id: article.id });
  const only = args.rules ? new Set<string>(args.rules) : null;
  const fixed = fixItem(article, options, (f) => only === null || only.has(f.rule), ignored);
  let saved: Article = article;
  if (fixed.fixed > 0) {
    const paragraphs = fixed.paragraphs.filter((p) => p.text.trim() !== '');
    saved = editArticle(ctx, { id: article.id, ...(fixed.title !== article.title ? { title: fixed.title } : {}), paragraphs });
  }
  return { ...report(`信息 #${saved.id}`, saved.id, saved, options, ignored), fixed: fixed.fixed, article: saved };
}

/**
 * Proofreading at the doors (issue 18): checks an item, a file or unsaved text with the pure
 * checker in src-main/proof (the renderer runs the same checker as the user types), writes
 * certain fixes to an item that may still change, keeps ignored findings with the item, and
 * keeps the office's 规范提法 list as dated versions like the scoring rules.
 */
import path from 'node:path';
import type { OpArgs } from '../api/contract';
import { ApiError } from '../api/errors';
import type { ProofReport, ProofSetup } from '../api/ops/proof';
import { parseBody, type Paragraph } from '../api/text';
import type { Article } from '../api/types';
import { IntakeRefusal } from '../intake/formats';
import { readDocx } from '../intake/read-docx';
import { readText } from '../intake/read-text';
import { RULE_IDS, checkItem, countFindings, fixItem, type Finding, type ProofOptions } from '../proof';
import { writeTx } from '../store/db';
import { editArticle, getArticle } from './articles';
import { stampNow, type Ctx } from './context';
import { readDraftFile } from './submission-import';
import { proofOptions, wordingInForce } from './proof-wording';

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

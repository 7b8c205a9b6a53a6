/**
 * The Word file of an issue. At sign-off it is rendered and stored with its SHA-256 inside the
 * signing transaction; from then on, exporting a signed issue writes those stored bytes, so a
 * reprint years later is identical whatever the layout code has become. Unsigned issues export
 * as a preview (第　期, 送审稿) that is never stored.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { DocxFile, ExportResult, Issue } from '../api/types';
import { chineseQuotes } from '../api/text';
import type { IssueDocModel } from '../export/model';
import { stampNow, type Ctx } from './context';
import { writeAtomically } from './output-files';
import { safeFileName } from '../export/file-names';
import { reviewCopyName } from '../api/display';
import { findIssueRow, issueArticles, issueLabel, type IssueRow } from './issues';
import { previewNextNumber, signIssue } from './issue-workflow';
import { findSeriesRow } from './series';
import { effectivePrintSettings } from './print-settings';
import { printedPictures } from './draft-pictures';

/** The Word writer (and the docx package under it), loaded at first use rather than at start (issue 14). */
const wordWriter = () => import('../export/docx-issue');

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

interface Printed {
  number: number | null;
  totalNumber: number | null;
  date: string;
  signedBy: string | null;
}

/** Everything the renderer prints for an issue, read from the database as it is now. */
export function buildIssueModel(ctx: Ctx, issueId: number, printed?: Printed): IssueDocModel {
  const issue = findIssueRow(ctx, issueId);
  const series = findSeriesRow(ctx, issue.series_id);
  const p = printed ?? { number: issue.number, totalNumber: issue.total_number, date: issue.date, signedBy: issue.signed_by };
  const settings = effectivePrintSettings(series, series.print_settings);
  // Quotes are converted here, where the issue's model is built, so the Word file, the
  // pagination model and the preview all print the same text; the stored item is untouched.
  const q = settings.chineseQuotes ? chineseQuotes : (t: string) => t;
  return {
    settings,
    number: p.number,
    totalNumber: p.totalNumber,
    supplement: issue.supplement === 1,
    date: p.date,
    signedBy: p.signedBy,
    extraRecipients: [],
    copySerial: null,
    articles: issueArticles(ctx, issueId).map((a) => ({
      title: q(a.title),
      // Tables and notes (issue 19) go to print with the paragraph; a table's cells are printed as typed.
      paragraphs: a.paragraphs.map((para) => ({ ...para, text: q(para.text) })),
      source: a.unit,
      // Issue 19: placed pictures print only where the series allows them.
      pictures: printedPictures(ctx, series.id, a.paragraphs),
    })),
  };
}

class StaleRender extends Error {}

/**
 * Rendering is asynchronous and a SQLite transaction is not, so the file is rendered first for
 * the number the issue will get, then checked inside the signing transaction against what that
 * transaction actually assigns and prints; if anything moved in between, render again.
 */
export async function signAndArchive(ctx: Ctx, args: OpArgs<'issueSign'>): Promise<Issue> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const next = previewNextNumber(ctx, { id: args.id, date: args.date });
    const row = findIssueRow(ctx, args.id);
    const printed: Printed = { number: next.number, totalNumber: next.totalNumber, date: args.date ?? row.date, signedBy: args.signedBy };
    const expected = buildIssueModel(ctx, args.id, printed);
    const bytes = await (await wordWriter()).renderIssueDocx(expected);
    try {
      return signIssue(ctx, args, (signed) => {
        const actual = buildIssueModel(ctx, signed.id);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new StaleRender();
        ctx.db
          .prepare('INSERT INTO issue_files (issue_id, docx, sha256, size, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(signed.id, Buffer.from(bytes), sha256(bytes), bytes.length, stampNow(ctx));
      });
    } catch (e) {
      if (!(e instanceof StaleRender)) throw e;
    }
  }
  throw new ApiError('BUSY', '签发时本期内容或期号被同时修改，请稍后再试一次。');
}

export interface ArchivedFile {
  bytes: Buffer;
  sha256: string;
}

export function archivedFile(ctx: Ctx, issueId: number): ArchivedFile | null {
  const row = ctx.db.prepare('SELECT docx, sha256 FROM issue_files WHERE issue_id = ?').get(issueId) as
    | { docx: Buffer; sha256: string }
    | undefined;
  if (!row) return null;
  if (sha256(row.docx) !== row.sha256) {
    throw new ApiError('DB_DAMAGED', `第 ${issueId} 号期次的存档文件校验不符，可能已损坏。请从备份恢复数据库。`);
  }
  return { bytes: row.docx, sha256: row.sha256 };
}

/** The file name an office would give it, e.g. 城关县政务信息2026年第12期.docx. */
export function issueFileName(issue: Pick<IssueRow, 'series' | 'year' | 'number' | 'supplement' | 'id'> & { date?: string }): string {
  const label = issueLabel(issue).replace(/[《》]/g, '');
  if (issue.number === null) return `${safeFileName(issue.date ? reviewCopyName(issue.series, issue.date) : `${label}（送审稿）`)}.docx`;
  return `${safeFileName(label)}.docx`;
}

/** The bytes an export writes: the archived original once signed, a fresh preview before. */
async function issueBytes(ctx: Ctx, row: IssueRow): Promise<{ bytes: Uint8Array; archived: boolean }> {
  const stored = row.status === 'signed' || row.status === 'voided' ? archivedFile(ctx, row.id) : null;
  if (stored) return { bytes: stored.bytes, archived: true };
  // A preview, or an issue signed before archiving existed: rendered from what was signed.
  return { bytes: await (await wordWriter()).renderIssueDocx(buildIssueModel(ctx, row.id)), archived: false };
}

export async function exportIssue(ctx: Ctx, args: OpArgs<'issueExport'>): Promise<ExportResult> {
  const row = findIssueRow(ctx, args.id);
  let target = path.resolve(args.out);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target = path.join(target, issueFileName(row));
  else if (!/\.docx$/i.test(target)) target += '.docx';
  if (!fs.existsSync(path.dirname(target))) throw new ApiError('INVALID_INPUT', `文件夹“${path.dirname(target)}”不存在。`);
  const { bytes, archived } = await issueBytes(ctx, row);
  writeAtomically(target, bytes);
  return { path: target, sha256: sha256(bytes), size: bytes.length, archived };
}

export async function issueDocx(ctx: Ctx, args: OpArgs<'issueDocx'>): Promise<DocxFile> {
  const row = findIssueRow(ctx, args.id);
  const { bytes, archived } = await issueBytes(ctx, row);
  return { fileName: issueFileName(row), base64: Buffer.from(bytes).toString('base64'), sha256: sha256(bytes), archived };
}

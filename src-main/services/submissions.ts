/**
 * The intake register: reading drafts, typed-in entries, corrections, states, the original file,
 * and 编辑成信息. Imports from files are in submission-import.ts; both register a draft through
 * `registerDraft` below, so every way in checks duplicates the same way, in the same transaction.
 */
import { checkItem, countFindings } from '../proof';
import { proofOptions } from './proof-wording';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import { paragraphs as paragraphsSchema, type Category, type IssueStatus } from '../api/schemas';
import { countChars, parseBody, type Paragraph } from '../api/text';
import type {
  OriginalFile,
  OriginalFormat,
  Submission,
  SubmissionEditResult,
  SubmissionCounts,
  SubmissionState,
  SubmissionSummary,
} from '../api/ops/submissions';
import { guessCategory } from '../intake/category-guess';
import { bigrams, simhash } from '../intake/fingerprint';
import { writeTx } from '../store/db';
import { Where } from '../store/where';
import { orderBy, pageParams, type OrderSpec } from '../store/order';
import type { Page } from '../api/paging';
import { reindex } from '../store/search-index';
import { sha256 } from './archive';
import { addArticle, getArticle } from './articles';
import { localDate, stampNow, type Ctx } from './context';
import { findUnitRow } from './units';
import { findDuplicate, type DuplicateFound } from './submission-duplicates';
import { printedSeriesName } from '../store/printed-series';
import type { DraftPicture } from '../intake/draft';
import { keepDraftPictures } from './draft-pictures';

export interface SubmissionRow {
  id: number;
  unit_id: number | null;
  unit: string | null;
  liaison_name: string;
  liaison_phone: string;
  received_date: string;
  title: string;
  paragraphs: string;
  original_name: string;
  original_format: OriginalFormat;
  original_encoding: string | null;
  original_size: number | null;
  original_sha256: string | null;
  duplicate_of: number | null;
  dup_title: string | null;
  dup_unit: string | null;
  dup_date: string | null;
  state: SubmissionState;
  state_reason: string | null;
  article_id: number | null;
  category: Category | null;
  issue_id: number | null;
  series_id: number | null;
  series: string | null;
  issue_status: IssueStatus | null;
  issue_year: number | null;
  issue_number: number | null;
  issue_date: string | null;
  created_at: string;
  updated_at: string;
  packet_id: number | null;
  packet_file: string | null;
  packet_sender: string | null;
  packet_imported_at: string | null;
  packet_issue_title: string | null;
}

// The state comes from the view: 'used' is derived from the signed issue, never stored.
const SELECT = `
  SELECT sb.id, sb.unit_id, u.name AS unit, sb.liaison_name, sb.liaison_phone, sb.received_date, sb.title,
         sb.paragraphs, sb.original_name, sb.original_format, sb.original_encoding,
         length(sb.original_file) AS original_size, sb.original_sha256,
         sb.duplicate_of, d.title AS dup_title, du.name AS dup_unit, d.received_date AS dup_date,
         sb.state, sb.state_reason, sb.article_id, sb.category,
         i.id AS issue_id, i.series_id, ${printedSeriesName('i', 'se')} AS series, i.status AS issue_status, i.year AS issue_year,
         i.number AS issue_number, i.date AS issue_date, sb.created_at, sb.updated_at,
         rp.id AS packet_id, rp.file_name AS packet_file, rp.sender_office AS packet_sender, rp.imported_at AS packet_imported_at,
         ri.issue_title AS packet_issue_title
  FROM submission_states sb
  LEFT JOIN units u ON u.id = sb.unit_id
  LEFT JOIN submissions d ON d.id = sb.duplicate_of
  LEFT JOIN units du ON du.id = d.unit_id
  LEFT JOIN issue_articles ia ON ia.article_id = sb.article_id AND ia.live = 1
  LEFT JOIN issues i ON i.id = ia.issue_id
  LEFT JOIN series se ON se.id = i.series_id
  LEFT JOIN received_items ri ON ri.submission_id = sb.id
  LEFT JOIN received_packets rp ON rp.id = ri.packet_id`;

function toSummary(r: SubmissionRow, paragraphs: Paragraph[]): SubmissionSummary {
  return {
    id: r.id,
    unitId: r.unit_id,
    unit: r.unit,
    liaisonName: r.liaison_name,
    liaisonPhone: r.liaison_phone,
    receivedDate: r.received_date,
    title: r.title,
    chars: countChars(paragraphs),
    originalName: r.original_name,
    originalFormat: r.original_format,
    originalEncoding: r.original_encoding,
    originalSize: r.original_size,
    originalSha256: r.original_sha256,
    duplicateOf:
      r.duplicate_of === null ? null : { id: r.duplicate_of, title: r.dup_title ?? '', unit: r.dup_unit, receivedDate: r.dup_date ?? '' },
    state: r.state,
    stateReason: r.state_reason,
    articleId: r.article_id,
    category: r.category,
    issue:
      r.issue_id === null
        ? null
        : {
            issueId: r.issue_id,
            seriesId: r.series_id!,
            series: r.series!,
            status: r.issue_status!,
            year: r.issue_year!,
            number: r.issue_number,
            date: r.issue_date!,
          },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.packet_id === null
      ? {}
      : {
          receivedPacket: {
            id: r.packet_id,
            fileName: r.packet_file!,
            senderOffice: r.packet_sender!,
            importedAt: r.packet_imported_at!,
            issueTitle: r.packet_issue_title,
          },
        }),
  };
}

function toSubmission(r: SubmissionRow): Submission {
  const paragraphs = JSON.parse(r.paragraphs) as Paragraph[];
  return { ...toSummary(r, paragraphs), paragraphs };
}

export function findRow(ctx: Ctx, id: number): SubmissionRow {
  const row = ctx.db.prepare(`${SELECT} WHERE sb.id = ?`).get(id) as SubmissionRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的来稿。`);
  return row;
}

export function loadSubmission(ctx: Ctx, id: number): Submission {
  return toSubmission(findRow(ctx, id));
}

export function getSubmission(ctx: Ctx, args: OpArgs<'submissionGet'>): Submission {
  return loadSubmission(ctx, args.id);
}

/** Newest received first, read off submissions_list (migration 6). */
const SUBMISSION_ORDER: OrderSpec = {
  columns: {
    receivedDate: 'sb.received_date',
    title: 'sb.title',
    unit: 'u.name',
    state: 'sb.state',
    liaisonName: 'sb.liaison_name',
    category: 'sb.category',
  },
  fallback: 'sb.received_date DESC, sb.id DESC',
  tiebreak: 'sb.id',
};

export function listSubmissions(ctx: Ctx, args: OpArgs<'submissionList'>): Page<SubmissionSummary> {
  const w = new Where()
    .when(args.unit === undefined ? undefined : findUnitRow(ctx, args.unit).id, 'sb.unit_id = ?')
    .when(args.state, 'sb.state = ?')

    .when(args.from, 'sb.received_date >= ?')
    .when(args.to, 'sb.received_date <= ?')
    .when(args.text || undefined, 'instr(sb.title, ?) > 0')
    .when(args.category, 'sb.category = ?');
  if (args.withoutCategory === true) w.add('sb.category IS NULL');
  if (args.withoutUnit === true) w.add('sb.unit_id IS NULL');
  if (args.withoutUnit === false) w.add('sb.unit_id IS NOT NULL');
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM submission_states sb ${w}`).get(...w.params) as { n: number }).n;
  const sql = `${SELECT} ${w} ${orderBy(SUBMISSION_ORDER, args.sort, args.dir)} LIMIT ? OFFSET ?`;
  const rows = ctx.db.prepare(sql).all(...w.params, ...pageParams(args)) as SubmissionRow[];
  // Each draft shows its count of findings, so the editor sees which need most work.
  const options = proofOptions(ctx);
  return {
    rows: rows.map((r) => {
      const paragraphs = JSON.parse(r.paragraphs) as Paragraph[];
      const c = countFindings(checkItem({ title: r.title, paragraphs }, options));
      return { ...toSummary(r, paragraphs), proof: { errors: c.errors, suggestions: c.suggestions } };
    }),
    total,
  };
}

export function countSubmissions(ctx: Ctx): SubmissionCounts {
  const r = ctx.db.prepare('SELECT count(*) AS total, count(*) FILTER (WHERE unit_id IS NULL) AS withoutUnit FROM submissions').get() as SubmissionCounts;
  return { total: r.total, withoutUnit: r.withoutUnit };
}

export function resolveUnitId(ctx: Ctx, unit: number | string | null | undefined): number | null | undefined {
  if (unit === undefined || unit === null) return unit;
  return findUnitRow(ctx, unit).id;
}

/** What a new draft brings into the register, however it arrived. */
export interface NewDraft {
  title: string;
  paragraphs: Paragraph[];
  unitId: number | null;
  liaisonName: string;
  liaisonPhone: string;
  receivedDate: string | undefined;
  original: { name: string; format: 'docx' | 'txt'; encoding: string | null; bytes: Buffer } | null;
  allowDuplicate: boolean;
  /** Issue 19: the pictures read from the Word file, kept in the same transaction. */
  pictures?: readonly DraftPicture[];
  /** As given; when not given, the one the wording points to (null when not clear: 未定, asked later). */
  category?: Category | null;
}

export type RegisterOutcome = { status: 'imported'; submission: Submission } | { status: 'duplicate'; duplicate: DuplicateFound };

/**
 * Checks for a repeat and inserts, in one write transaction, so two imports of the same draft
 * running at once cannot both miss each other. A repeat is not inserted unless allowed, and
 * then it is inserted pointing at the draft it repeats.
 */
export function registerDraft(ctx: Ctx, d: NewDraft): RegisterOutcome {
  const features = bigrams(d.title, d.paragraphs);
  const fingerprint = simhash(features);
  const fileSha = d.original ? sha256(d.original.bytes) : null;
  const category = d.category === undefined ? guessCategory(d.title, d.paragraphs.map((p) => p.text).join('\n')) : d.category;
  return writeTx(ctx.db, () => {
    const duplicate = findDuplicate(ctx, { unitId: d.unitId, title: d.title, sha256: fileSha, fingerprint, features });
    if (duplicate && !d.allowDuplicate) return { status: 'duplicate', duplicate };
    const now = stampNow(ctx);
    const info = ctx.db
      .prepare(
        `INSERT INTO submissions (unit_id, liaison_name, liaison_phone, received_date, title, paragraphs, original_name,
           original_format, original_encoding, original_file, original_sha256, fingerprint, duplicate_of, state, category, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?)`,
      )
      .run(
        d.unitId,
        d.liaisonName,
        d.liaisonPhone,
        d.receivedDate ?? localDate(ctx.now()),
        d.title,
        JSON.stringify(d.paragraphs),
        d.original?.name ?? '',
        d.original?.format ?? 'typed',
        d.original?.encoding ?? null,
        d.original?.bytes ?? null,
        fileSha,
        fingerprint,
        duplicate?.ref.id ?? null,
        category,
        now,
        now,
      );
    const id = Number(info.lastInsertRowid);
    if (d.pictures?.length) keepDraftPictures(ctx, id, d.pictures);
    reindex(ctx.db, { submissions: [id] });
    return { status: 'imported', submission: loadSubmission(ctx, id) };
  });
}

export function addSubmission(ctx: Ctx, args: OpArgs<'submissionAdd'>): Submission {
  // Text typed as one block is held to the same paragraph limits as text given as paragraphs,
  // so 编辑成信息 never makes an item the editor could not have saved.
  const checked = paragraphsSchema.safeParse(args.paragraphs ?? parseBody(args.body ?? ''));
  if (!checked.success) throw new ApiError('INVALID_INPUT', `输入有误：${checked.error.issues[0]?.message ?? '正文不符合要求'}`);
  const paragraphs = checked.data;
  const outcome = registerDraft(ctx, {
    title: args.title,
    paragraphs,
    unitId: resolveUnitId(ctx, args.unit) ?? null,
    liaisonName: args.liaisonName ?? '',
    liaisonPhone: args.liaisonPhone ?? '',
    receivedDate: args.receivedDate,
    original: null,
    allowDuplicate: args.allowDuplicate ?? false,
    category: args.category,
  });
  if (outcome.status === 'duplicate') {
    throw new ApiError('CONFLICT', `${outcome.duplicate.reason}。未登记；如确需再次登记，请选择“重复也登记”。`);
  }
  return outcome.submission;
}

export function usedIn(r: SubmissionRow): string {
  return `《${r.series}》${r.issue_year}年第${r.issue_number}期`;
}

export function setSubmissionState(ctx: Ctx, args: OpArgs<'submissionSetState'>): Submission {
  return writeTx(ctx.db, () => {
    const row = findRow(ctx, args.id);
    if (row.state === 'used') {
      throw new ApiError('FROZEN', `来稿 ${row.id} 已被${usedIn(row)}采用，状态不能再改。如该期作废，状态会自动恢复。`);
    }
    if (args.state === 'unused' && row.issue_id !== null) {
      throw new ApiError(
        'INVALID_STATE',
        `来稿 ${row.id} 编成的信息已编入《${row.series}》的草稿（期编号 ${row.issue_id}），不能标记为未采用。请先从该期移出。`,
      );
    }
    const reason = args.state === 'received' ? null : args.reason || null;
    ctx.db
      .prepare('UPDATE submissions SET state = ?, state_reason = ?, updated_at = ? WHERE id = ?')
      .run(args.state, reason, stampNow(ctx), row.id);
    reindex(ctx.db, { submissions: [row.id] });
    return loadSubmission(ctx, row.id);
  });
}

/**
 * 编辑成信息: the draft's text becomes a new item (public; of the category given, else the
 * draft's own, else 动态), linked to the draft, which keeps its own text and original file
 * untouched. A draft whose category was 未定 keeps the one chosen. Done once: later calls
 * return that item.
 */
export function editSubmission(ctx: Ctx, args: OpArgs<'submissionEdit'>): SubmissionEditResult {
  return writeTx(ctx.db, () => {
    const row = findRow(ctx, args.id);
    let articleId = row.article_id;
    if (articleId === null) {
      const paragraphs = JSON.parse(row.paragraphs) as Paragraph[];
      if (paragraphs.length === 0) throw new ApiError('INVALID_STATE', `来稿 ${row.id} 没有正文，无法编辑成信息。`);
      const category = args.category ?? row.category ?? 'news';
      articleId = addArticle(ctx, { title: row.title, paragraphs, unit: row.unit_id, category }).id;
      if (row.category === null && row.state !== 'used') {
        ctx.db.prepare('UPDATE submissions SET category = ? WHERE id = ?').run(category, row.id);
      }
    }
    if (row.state !== 'used' && (row.state !== 'editing' || row.article_id === null)) {
      ctx.db
        .prepare("UPDATE submissions SET article_id = ?, state = 'editing', state_reason = NULL, updated_at = ? WHERE id = ?")
        .run(articleId, stampNow(ctx), row.id);
      reindex(ctx.db, { submissions: [row.id], articles: [articleId] });
    }
    return { submission: loadSubmission(ctx, row.id), article: getArticle(ctx, { id: articleId }) };
  });
}

export function submissionOriginal(ctx: Ctx, args: OpArgs<'submissionOriginal'>): OriginalFile {
  const row = ctx.db.prepare('SELECT original_name, original_file, original_sha256 FROM submissions WHERE id = ?').get(args.id) as
    | { original_name: string; original_file: Buffer | null; original_sha256: string | null }
    | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `没有编号为 ${args.id} 的来稿。`);
  if (row.original_file === null) throw new ApiError('NOT_FOUND', `来稿 ${args.id} 是手工录入的，没有原件。`);
  if (sha256(row.original_file) !== row.original_sha256) {
    throw new ApiError('DB_DAMAGED', `来稿 ${args.id} 的原件校验不符，可能已损坏。请从备份恢复数据库。`);
  }
  return { fileName: row.original_name, base64: row.original_file.toString('base64'), sha256: row.original_sha256 };
}

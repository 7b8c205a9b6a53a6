/**
 * Packets for the city office (上报包): what may go, building and writing the zip, and the
 * register. The rules are checked before anything is written (涉密 never goes; 内部 only when
 * asked; only signed issues), so a refusal leaves no file and no row. The zip is built outside
 * the transaction (rendering is asynchronous), then the transaction re-reads what it was built
 * from, registers it and gives the file its name; if anything changed meanwhile it starts again.
 */
import { orderBy, pageParams, type OrderSpec } from '../store/order';
import type { Page } from '../api/paging';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { PacketExportResult, PacketFileResult, PacketSummary, PacketVerifyResult, SenderSettings } from '../api/ops/packets';
import { countChars } from '../api/text';
import type { PacketPlan, PlanArticle, PlanIssue } from '../packet/build';
import type { Manifest, ManifestItem } from '../packet/manifest';
import { freeFileName, packetFileName } from '../packet/names';
import { verifyPacket } from '../packet/verify';
import { commitTemp, discardTemp, writeZipTemp } from '../packet/zip-write';
import { writeTx } from '../store/db';
import { databaseIdentity } from '../store/seal';
import { ensurePacketUuids } from './packet-uuids';
import { getArticle } from './articles';
import { archivedFile, buildIssueModel, sha256 } from './archive';
import { localDate, type Ctx } from './context';
import { findIssueRow, issueArticles, issueLabel } from './issues';
import { beginTask, endTask, yieldToLoop, type Task } from './long-tasks';
import { existingFolder } from './output-files';
import { readSender } from './settings';
import { withSourceFile } from './uploaded-file';
import { withoutPictures } from '../api/body-pictures';

/** A packet file handed back through JSON (browser download) is read whole into memory. */
const MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024;

class StalePlan extends Error {}

function quoted(id: number, title: string): string {
  return `#${id}“${title}”`;
}

/** The sender every packet names; the city office needs someone to call back. */
function requireSender(ctx: Ctx): SenderSettings {
  const sender = readSender(ctx);
  const missing = [!sender.office && '报送单位名称', !sender.contactPerson && '联系人', !sender.phone && '联系电话'].filter(Boolean);
  if (missing.length) {
    throw new ApiError(
      'INVALID_STATE',
      `还没有填写${missing.join('、')}，上报包必须写明报送单位和联系方式。请在“上报”页的报送单位设置中填写，` +
        '或用命令 bulletin settings set --office … --contact … --phone … 设置。',
    );
  }
  return { ...sender, shortName: sender.shortName || sender.office };
}

function requireFolder(out: string): string {
  return existingFolder(out, {
    missing: (dir) => `文件夹“${dir}”不存在。请先插入 U 盘或新建该文件夹，再重试。`,
    notFolder: (dir) => `“${dir}”不是文件夹。请给出保存上报包的文件夹。`,
  });
}

interface Problems {
  classified: string[];
  internal: string[];
  unsigned: string[];
}

function refuse(p: Problems): void {
  const lines: string[] = [];
  if (p.classified.length) lines.push(`涉密信息不上网，以下内容含涉密信息，不能放入上报包：${p.classified.join('；')}。`);
  if (p.unsigned.length) lines.push(`只有已签发的期次才能上报：${p.unsigned.join('；')}。`);
  if (p.internal.length) {
    lines.push(`以下为内部信息，只有勾选“包含内部信息”（命令行加 --include-internal）才能上报：${p.internal.join('；')}。`);
  }
  if (lines.length) throw new ApiError('INVALID_STATE', `未生成上报包，没有写入任何文件。${lines.join('')}`);
}

function planIssues(ctx: Ctx, ids: readonly number[], includeInternal: boolean, problems: Problems): Omit<PlanIssue, 'docx'>[] {
  return ids.map((id) => {
    const row = findIssueRow(ctx, id);
    const label = issueLabel(row);
    if (row.status === 'draft' || row.status === 'review') problems.unsigned.push(`${label}尚未签发`);
    if (row.status === 'voided') problems.unsigned.push(`${label}已作废（${row.void_reason ?? ''}）`);
    // As printed: the snapshot taken at sign-off, not the item as it may be edited since.
    const items: ManifestItem[] = issueArticles(ctx, id).map((a) => ({
      position: a.position,
      id: a.id,
      title: a.title,
      unit: a.unit,
      category: a.category,
      classification: a.classification,
      chars: countChars(a.paragraphs),
      // Issue 19: pictures stay on this desk; the packet carries the text.
      paragraphs: withoutPictures(a.paragraphs),
    }));
    for (const it of items) {
      if (it.classification === 'classified') problems.classified.push(`${label}中的${quoted(it.id, it.title)}`);
      if (it.classification === 'internal' && !includeInternal) problems.internal.push(`${label}中的${quoted(it.id, it.title)}`);
    }
    return {
      id,
      series: row.series,
      year: row.year,
      number: row.number ?? 0,
      totalNumber: row.total_number,
      supplement: row.supplement === 1,
      date: row.date,
      signedBy: row.signed_by ?? '',
      items,
    };
  });
}

function planArticles(ctx: Ctx, ids: readonly number[], includeInternal: boolean, problems: Problems): PlanArticle[] {
  return ids.map((id) => {
    const a = getArticle(ctx, { id });
    if (a.classification === 'classified') problems.classified.push(quoted(a.id, a.title));
    if (a.classification === 'internal' && !includeInternal) problems.internal.push(quoted(a.id, a.title));
    const printed = a.issue && a.issue.status === 'signed' && a.issue.number !== null ? a.issue : null;
    return {
      id: a.id,
      title: a.title,
      unit: a.unit,
      category: a.category,
      classification: a.classification,
      chars: a.chars,
      issue: printed ? { id: printed.issueId, title: `《${printed.series}》${printed.year}年第${printed.number}期` } : null,
      // Issue 19: pictures stay on this desk; the packet carries the text.
      paragraphs: withoutPictures(a.paragraphs),
    };
  });
}

/** The archived file of a signed issue; one signed before archiving existed is rendered from its snapshot, as issue export does. */
async function issueDocx(ctx: Ctx, id: number): Promise<Buffer> {
  const stored = archivedFile(ctx, id);
  return stored ? stored.bytes : (await import('../export/docx-issue')).renderIssueDocx(buildIssueModel(ctx, id));
}

interface Draft {
  sender: SenderSettings;
  issues: Omit<PlanIssue, 'docx'>[];
  articles: PlanArticle[];
  /** Archived files' hashes: part of what the transaction re-checks. */
  issueHashes: string[];
}

/** Reads and checks everything the packet is made of; throws the refusal before anything is written. */
function draftPacket(ctx: Ctx, args: OpArgs<'packetExport'>): Draft {
  const includeInternal = args.includeInternal === true;
  const problems: Problems = { classified: [], internal: [], unsigned: [] };
  const issues = planIssues(ctx, args.issueIds ?? [], includeInternal, problems);
  const articles = planArticles(ctx, args.articleIds ?? [], includeInternal, problems);
  refuse(problems);
  const sender = requireSender(ctx);
  const issueHashes = issues.map((i) => archivedFile(ctx, i.id)?.sha256 ?? '');
  return { sender, issues, articles, issueHashes };
}

/**
 * Progress counts the files of the packet: each issue's archived file read, each item rendered,
 * the list, and the zip written (exportProgress, kind packetExport). The refusals come first,
 * so a refused packet never shows as running.
 */
export async function exportPacket(ctx: Ctx, args: OpArgs<'packetExport'>): Promise<PacketExportResult> {
  draftPacket(ctx, args);
  requireFolder(args.out);
  const task = beginTask(ctx, 'packetExport', (args.issueIds?.length ?? 0) + (args.articleIds?.length ?? 0) + 2);
  try {
    return await exportPacketOnce(ctx, args, task);
  } finally {
    endTask(ctx, task);
  }
}

async function exportPacketOnce(ctx: Ctx, args: OpArgs<'packetExport'>, task: Task): Promise<PacketExportResult> {
  const step = (file: string) => {
    task.done++;
    task.current = file;
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    task.done = 0;
    const draft = draftPacket(ctx, args);
    const dir = requireFolder(args.out);
    const now = ctx.now();
    const day = localDate(now);
    const name = freeFileName(
      packetFileName(draft.sender.shortName, draft.sender.office, draft.issues.map((i) => ({ ...i })), draft.articles.length, day),
      (n) => fs.existsSync(path.join(dir, n)),
    );
    // Made before the zip is built and kept even if the export then fails: a UUID is the item's
    // for good, not the packet's.
    const uuids = ensurePacketUuids(ctx, [
      ...draft.issues.flatMap((i) => [{ kind: 'issue' as const, id: i.id }, ...i.items.map((it) => ({ kind: 'article' as const, id: it.id }))]),
      ...draft.articles.map((a) => ({ kind: 'article' as const, id: a.id })),
    ]);
    const uuidOf = (kind: 'issue' | 'article', id: number) => uuids.get(`${kind}:${id}`)!;
    const plan: PacketPlan = {
      sender: draft.sender,
      senderIdentity: databaseIdentity(ctx.db) ?? '',
      createdAt: now.toISOString(),
      localDate: day,
      includeInternal: args.includeInternal === true,
      fileName: name,
      issues: [],
      articles: draft.articles.map((a) => ({ ...a, uuid: uuidOf('article', a.id) })),
    };
    for (const i of draft.issues) {
      const items = i.items.map((it) => ({ ...it, uuid: uuidOf('article', it.id) }));
      plan.issues.push({ ...i, uuid: uuidOf('issue', i.id), items, docx: await issueDocx(ctx, i.id) });
      step(`${i.series}${i.year}年第${i.number}期`);
      // Hundreds of issues: let the door answer a progress request between them.
      await yieldToLoop();
    }
    // The Word writer (docx) is loaded at first use rather than at start (issue 14).
    const built = await (await import('../packet/build')).buildPacket(plan, step);
    task.current = name;
    const written = await writeZipTemp(dir, name, built.entries, now);
    step(name);
    const target = path.join(dir, name);
    let committed = false;
    try {
      return writeTx(ctx.db, () => {
        if (JSON.stringify(draftPacket(ctx, args)) !== JSON.stringify(draft)) throw new StalePlan();
        const id = register(ctx, args, built.manifest, name, target, written.sha256, written.size);
        commitTemp(written.tempPath, target);
        committed = true;
        return { id, path: target, fileName: name, sha256: written.sha256, size: written.size, manifest: built.manifest };
      });
    } catch (e) {
      discardTemp(written.tempPath);
      // The file got its name but the register did not commit: it must not look like a sent packet.
      if (committed) fs.rmSync(target, { force: true });
      if (!(e instanceof StalePlan)) throw e;
    }
  }
  throw new ApiError('BUSY', '生成上报包时所选内容被同时修改，请稍后再试一次。');
}

function register(ctx: Ctx, args: OpArgs<'packetExport'>, m: Manifest, fileName: string, target: string, hash: string, size: number): number {
  const info = ctx.db
    .prepare(
      `INSERT INTO packets (created_at, created_by, file_name, path, sha256, size, manifest, issue_count, article_count, include_internal)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(m.createdAt, args.by || m.sender.contactPerson, fileName, target, hash, size, JSON.stringify(m), m.issues.length, m.articles.length, m.includeInternal ? 1 : 0);
  const id = Number(info.lastInsertRowid);
  const item = ctx.db.prepare('INSERT INTO packet_items (packet_id, kind, ref_id, sha256) VALUES (?, ?, ?, ?)');
  for (const i of m.issues) item.run(id, 'issue', i.id, i.sha256);
  for (const a of m.articles) item.run(id, 'article', a.id, a.sha256);
  return id;
}

interface PacketRow {
  id: number;
  created_at: string;
  created_by: string;
  file_name: string;
  path: string;
  sha256: string;
  size: number;
  manifest: string;
  include_internal: number;
}

function toSummary(r: PacketRow): PacketSummary {
  const m = JSON.parse(r.manifest) as Manifest;
  return {
    id: r.id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    fileName: r.file_name,
    path: r.path,
    sha256: r.sha256,
    size: r.size,
    includeInternal: r.include_internal === 1,
    issues: m.issues.map((i) => ({ id: i.id, title: i.title })),
    articles: m.articles.map((a) => ({ id: a.id, title: a.title })),
  };
}

/** Newest first: the rowid's own order. */
const PACKET_ORDER: OrderSpec = {
  columns: { createdAt: 'created_at', fileName: 'file_name', size: 'size', createdBy: 'created_by' },
  fallback: 'id DESC',
  tiebreak: 'id',
};

export function listPackets(ctx: Ctx, args: OpArgs<'packetList'>): Page<PacketSummary> {
  const total = (ctx.db.prepare('SELECT count(*) AS n FROM packets').get() as { n: number }).n;
  const sql = `SELECT * FROM packets ${orderBy(PACKET_ORDER, args.sort, args.dir)} LIMIT ? OFFSET ?`;
  return { rows: (ctx.db.prepare(sql).all(...pageParams(args)) as PacketRow[]).map(toSummary), total };
}

function findPacket(ctx: Ctx, id: number): PacketRow {
  const row = ctx.db.prepare('SELECT * FROM packets WHERE id = ?').get(id) as PacketRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `登记簿中没有编号为 ${id} 的上报包。`);
  return row;
}

/** The file as registered, read back from where it was written and checked against its SHA-256. */
export function packetFile(ctx: Ctx, args: OpArgs<'packetFile'>): PacketFileResult {
  const row = findPacket(ctx, args.id);
  let bytes: Buffer;
  try {
    if (fs.statSync(row.path).size > MAX_DOWNLOAD_BYTES) throw new ApiError('INVALID_INPUT', `上报包“${row.file_name}”过大，请直接从文件夹“${path.dirname(row.path)}”中复制。`);
    bytes = fs.readFileSync(row.path);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('NOT_FOUND', `上报包文件已不在“${row.path}”（可能已移走或删除）。登记的 SHA-256 为 ${row.sha256}，可用“校验上报包”核对移走后的文件。`);
  }
  if (sha256(bytes) !== row.sha256) {
    throw new ApiError('INVALID_STATE', `“${row.path}”与登记时的 SHA-256 不符，文件在导出后被改动过，不能作为该上报包下载。请重新生成上报包。`);
  }
  return { fileName: row.file_name, base64: bytes.toString('base64'), sha256: row.sha256, size: bytes.length };
}

export async function verifyPacketFile(ctx: Ctx, args: OpArgs<'packetVerify'>): Promise<PacketVerifyResult> {
  const report = await withSourceFile(args, '上报包.zip', async (file, shown) => ({ ...(await verifyPacket(file)), path: shown }));
  const row = report.sha256
    ? (ctx.db.prepare('SELECT id, created_at, file_name FROM packets WHERE sha256 = ? ORDER BY id LIMIT 1').get(report.sha256) as
        | { id: number; created_at: string; file_name: string }
        | undefined)
    : undefined;
  return { ...report, registered: row ? { id: row.id, createdAt: row.created_at, fileName: row.file_name } : null };
}

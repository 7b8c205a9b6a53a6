/**
 * Adoption notices back (the city side, issue 17): for one sending unit and a period, the items
 * received from it through packets that the city printed in a signed issue, as a zip for the
 * unit to import — manifest.json addressed to its database, 采用情况通报.docx, SHA256SUMS.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { NoticeExportResult } from '../api/ops/packet-loop';
import { MANIFEST_NAME, SUMS_NAME } from '../packet/manifest';
import { NOTICE_DOCX_NAME, NOTICE_FORMAT, NOTICE_VERSION, type NoticeAdoption, type NoticeManifest } from '../packet/notice-manifest';
import { freeFileName } from '../packet/names';
import { commitTemp, writeZipTemp } from '../packet/zip-write';
import { printedSeriesName } from '../store/printed-series';
import { databaseIdentity } from '../store/seal';
import { localDate, type Ctx } from './context';
import { existingFolder } from './output-files';
import { readSender } from './settings';
import { findUnitRow } from './units';
import fs from 'node:fs';

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** 2026, 2026-11, or 2026-11-01..2026-11-30: both ends included. */
export function parsePeriod(p: string): { from: string; to: string } {
  const y = /^(\d{4})$/.exec(p);
  if (y) return { from: `${y[1]}-01-01`, to: `${y[1]}-12-31` };
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
  }
  const r = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(p);
  if (r && r[1]! <= r[2]!) return { from: r[1]!, to: r[2]! };
  throw new ApiError('INVALID_INPUT', `期间“${p}”看不懂。请写成 2026（全年）、2026-11（一个月）或 2026-11-01..2026-11-30。`);
}

interface AdoptedRow {
  item_uuid: string;
  sender_identity: string | null;
  article_id: number;
  title: string;
  publication: string;
  year: number;
  number: number;
  supplement: number;
  date: string;
  brief: number;
  units: number;
}

export async function exportNotice(ctx: Ctx, args: OpArgs<'noticeExport'>): Promise<NoticeExportResult> {
  const unit = findUnitRow(ctx, args.unit);
  const period = parsePeriod(args.period);
  const dir = existingFolder(args.out, {
    missing: (d) => `文件夹“${d}”不存在。请先插入 U 盘或新建该文件夹，再重试。`,
    notFolder: (d) => `“${d}”不是文件夹。请给出保存通报的文件夹。`,
  });
  const own = databaseIdentity(ctx.db);
  const sender = readSender(ctx);
  if (!own || !sender.office) throw new ApiError('INVALID_STATE', '还没有填写报送单位名称（本室名称）。请先用 bulletin settings set --office … 设置。');
  // One row per received item printed in a signed issue of the period; the first receipt of an item.
  const rows = ctx.db
    .prepare(
      `SELECT r.item_uuid, rp.sender_identity, a.id AS article_id, coalesce(json_extract(ia.snapshot, '$.title'), a.title) AS title,
              ${printedSeriesName('i', 'se')} AS publication, i.year, i.number, i.supplement, i.date, ia.brief,
              -- its own unit and the further units of a combined item (article_units holds only those)
              (a.unit_id IS NOT NULL) + (SELECT count(*) FROM article_units au WHERE au.article_id = a.id) AS units
       FROM received_items r
       JOIN received_packets rp ON rp.id = r.packet_id
       JOIN submissions s ON s.id = r.submission_id
       JOIN articles a ON a.id = s.article_id
       JOIN issue_articles ia ON ia.article_id = a.id AND ia.live = 1
       JOIN issues i ON i.id = ia.issue_id AND i.status = 'signed'
       JOIN series se ON se.id = i.series_id
       WHERE rp.unit_id = ? AND i.date BETWEEN ? AND ? AND r.duplicate_of IS NULL
       ORDER BY i.date, i.number, ia.position`,
    )
    .all(unit.id, period.from, period.to) as AdoptedRow[];
  if (!rows.length) {
    throw new ApiError('INVALID_STATE', `${period.from}至${period.to}没有采用“${unit.name}”经上报包报送的信息，未生成通报，没有写入任何文件。`);
  }
  const recipients = new Set(rows.map((r) => r.sender_identity));
  const recipient = [...recipients][0];
  if (recipients.size > 1 || !recipient) {
    throw new ApiError('INVALID_STATE', `“${unit.name}”的上报包来自不止一个数据库（或没有数据库标识），无法确定通报发给谁。未生成通报。`);
  }
  const instructions = ctx.db.prepare("SELECT leader, date, text FROM instructions WHERE article_id = ? ORDER BY date, id");
  const adoptions: NoticeAdoption[] = rows.map((r) => ({
    uuid: r.item_uuid,
    title: r.title,
    publication: r.publication,
    issue: `${r.year}年${r.supplement ? '增刊' : ''}第${r.number}期`,
    date: r.date,
    kind: r.units > 1 ? '综合' : r.brief ? '简讯' : '全文',
    instructions: instructions.all(r.article_id) as NoticeAdoption['instructions'],
  }));
  const now = ctx.now();
  const today = localDate(now);
  const manifest: NoticeManifest = {
    format: NOTICE_FORMAT,
    version: NOTICE_VERSION,
    createdAt: now.toISOString(),
    senderIdentity: own,
    senderOffice: sender.office,
    recipientIdentity: recipient,
    recipientOffice: unit.name,
    period,
    adoptions,
    notice: { file: NOTICE_DOCX_NAME, sha256: '', size: 0 },
  };
  const docx = await (await import('../export/notice-docx')).renderNoticeDocx(manifest, today);
  manifest.notice = { file: NOTICE_DOCX_NAME, sha256: sha(docx), size: docx.length };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const sums = Buffer.from(`${sha(manifestBytes)}  ${MANIFEST_NAME}\n${sha(docx)}  ${NOTICE_DOCX_NAME}\n`, 'utf8');
  const base = `${(sender.shortName || sender.office).replace(/[<>:"/\\|?*]/g, '')}_采用情况通报_${unit.name.replace(/[<>:"/\\|?*]/g, '')}_${period.from.replace(/-/g, '')}-${period.to.replace(/-/g, '')}.zip`;
  const name = freeFileName(base, (n) => fs.existsSync(path.join(dir, n)));
  const written = await writeZipTemp(
    dir,
    name,
    [
      { name: MANIFEST_NAME, data: manifestBytes, compress: true },
      { name: SUMS_NAME, data: sums, compress: true },
      { name: NOTICE_DOCX_NAME, data: docx, compress: false },
    ],
    now,
  );
  const target = path.join(dir, name);
  commitTemp(written.tempPath, target);
  return { path: target, fileName: name, sha256: written.sha256, size: written.size, unit: unit.name, adoptions: adoptions.length };
}

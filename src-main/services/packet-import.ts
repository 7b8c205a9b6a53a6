/**
 * Receiving a packet (the city side, issue 17): the zip is verified exactly as `packet verify`
 * does and refused whole on any fault; then, in one transaction, every single item and every
 * item of every issue becomes a draft (来稿) from the sending unit, with the Word file it came
 * in kept byte for byte as the draft's original. The same zip twice registers nothing; an item
 * already received through another packet is registered but marked as repeating the first.
 */
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { PacketImportResult, ReceivedPacketSummary } from '../api/ops/packet-loop';
import type { Paragraph } from '../api/text';
import { bigrams, simhash } from '../intake/fingerprint';
import type { Manifest } from '../packet/manifest';
import { describeReport, verifyPacket } from '../packet/verify';
import { readZip } from '../packet/zip-read';
import { writeTx } from '../store/db';
import { reindex } from '../store/search-index';
import { sha256 } from './archive';
import { localDate, stampNow, type Ctx } from './context';
import { findUnitRow, writeOtherNames } from './units';
import { withSourceFile } from './uploaded-file';

/** 县/区 are kept as 'other' (the unit kinds are a county's: 镇、街道、部门), 部门 as 'department'. */
const KIND_OF = { county: 'other', department: 'department' } as const;

interface Incoming {
  uuid: string;
  title: string;
  paragraphs: Paragraph[];
  file: string;
  issueTitle: string | null;
}

function incomingItems(m: Manifest): Incoming[] {
  const out: Incoming[] = [];
  for (const i of m.issues) {
    for (const it of i.items) out.push({ uuid: it.uuid!, title: it.title, paragraphs: it.paragraphs as Paragraph[], file: i.file, issueTitle: i.title });
  }
  for (const a of m.articles) out.push({ uuid: a.uuid!, title: a.title, paragraphs: a.paragraphs as Paragraph[], file: a.file, issueTitle: null });
  return out;
}

/** The unit the sender is: by its database identity first (an earlier packet), then by name. */
function findSenderUnit(ctx: Ctx, m: Manifest): number | null {
  const bySender = ctx.db
    .prepare('SELECT unit_id FROM received_packets WHERE sender_identity = ? ORDER BY id DESC LIMIT 1')
    .get(m.senderIdentity) as { unit_id: number } | undefined;
  if (bySender) return bySender.unit_id;
  for (const name of [m.sender.office, m.sender.shortName]) {
    const row = ctx.db.prepare('SELECT unit_id FROM unit_names WHERE name = ?').get(name.trim()) as { unit_id: number } | undefined;
    if (row) return row.unit_id;
  }
  return null;
}

function createSenderUnit(ctx: Ctx, m: Manifest, kind: 'county' | 'department'): number {
  const now = stampNow(ctx);
  const info = ctx.db.prepare('INSERT INTO units (name, kind, created_at, updated_at) VALUES (?, ?, ?, ?)').run(m.sender.office, KIND_OF[kind], now, now);
  const id = Number(info.lastInsertRowid);
  const short = m.sender.shortName.trim();
  const taken = ctx.db.prepare('SELECT 1 FROM unit_names WHERE name = ?').get(short);
  if (short && short !== m.sender.office && !taken) writeOtherNames(ctx, id, short, []);
  return id;
}

function firstImport(ctx: Ctx, hash: string): ReceivedPacketSummary | null {
  const row = ctx.db.prepare('SELECT * FROM received_packets WHERE sha256 = ?').get(hash) as ReceivedRow | undefined;
  return row ? toSummary(ctx, row) : null;
}

interface ReceivedRow {
  id: number;
  sha256: string;
  file_name: string;
  sender_identity: string | null;
  sender_office: string;
  unit_id: number;
  imported_at: string;
  imported_by: string;
}

function toSummary(ctx: Ctx, r: ReceivedRow): ReceivedPacketSummary {
  const unit = (ctx.db.prepare('SELECT name FROM units WHERE id = ?').get(r.unit_id) as { name: string }).name;
  const drafts = ctx.db.prepare('SELECT submission_id FROM received_items WHERE packet_id = ? ORDER BY submission_id').all(r.id) as { submission_id: number }[];
  return {
    id: r.id,
    sha256: r.sha256,
    fileName: r.file_name,
    senderIdentity: r.sender_identity,
    senderOffice: r.sender_office,
    unit,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    submissionIds: drafts.map((d) => d.submission_id),
  };
}

export async function importPacket(ctx: Ctx, args: OpArgs<'packetImport'>): Promise<PacketImportResult> {
  // An unknown unit is the caller's mistake, not the packet's: refused before the file is read.
  const chosen = args.unit === undefined ? null : findUnitRow(ctx, args.unit).id;
  return withSourceFile(args, '上报包.zip', (file, shown) => importPacketFile(ctx, args, file, shown, chosen));
}

async function importPacketFile(ctx: Ctx, args: OpArgs<'packetImport'>, file: string, shown: string, chosen: number | null): Promise<PacketImportResult> {
  const report = await verifyPacket(file);
  if (!report.ok || !report.manifest || !report.sha256) {
    throw new ApiError('INVALID_INPUT', `上报包未接收，没有登记任何来稿。${describeReport({ ...report, path: shown })}`);
  }
  const m = report.manifest;
  if (m.version < 2 || !m.senderIdentity) {
    throw new ApiError(
      'INVALID_INPUT',
      `上报包未接收：它由旧版编印台生成（清单版本 ${m.version}），没有信息标识，接收后无法回告采用情况。请对方升级编印台后重新生成上报包。`,
    );
  }
  const first = firstImport(ctx, report.sha256);
  if (first) return { status: 'already', packet: first, imported: 0, duplicates: 0 };
  // The Word files: read again from the zip already verified, byte for byte.
  const read = await readZip(file);
  const bytesOf = new Map(read.entries.map((e) => [e.name, e.data]));
  const items = incomingItems(m);
  const hash = report.sha256;

  return writeTx(ctx.db, () => {
    const again = firstImport(ctx, hash);
    if (again) return { status: 'already' as const, packet: again, imported: 0, duplicates: 0 };
    let unitId = chosen ?? findSenderUnit(ctx, m);
    if (unitId === null) {
      if (!args.newUnitKind) {
        throw new ApiError(
          'NOT_FOUND',
          `报送单位“${m.sender.office}”不在单位名单中，上报包未接收。请把它新建为单位后再接收` +
            `（命令行加 --new-unit 县区 或 --new-unit 部门；界面中选择“新建为单位”），或用 --unit 指定已有单位。`,
        );
      }
      unitId = createSenderUnit(ctx, m, args.newUnitKind);
    }
    const now = stampNow(ctx);
    const packetId = Number(
      ctx.db
        .prepare(
          `INSERT INTO received_packets (sha256, file_name, sender_identity, sender_office, unit_id, manifest, imported_at, imported_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(hash, report.fileName, m.senderIdentity, m.sender.office, unitId, JSON.stringify(m), now, args.by ?? '').lastInsertRowid,
    );
    const insertDraft = ctx.db.prepare(
      `INSERT INTO submissions (unit_id, liaison_name, liaison_phone, received_date, title, paragraphs, original_name,
         original_format, original_encoding, original_file, original_sha256, fingerprint, duplicate_of, state, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'docx', NULL, ?, ?, ?, ?, 'received', ?, ?)`,
    );
    const insertItem = ctx.db.prepare('INSERT INTO received_items (submission_id, packet_id, item_uuid, issue_title, duplicate_of) VALUES (?, ?, ?, ?, ?)');
    const earlier = ctx.db.prepare('SELECT submission_id FROM received_items WHERE item_uuid = ? ORDER BY submission_id LIMIT 1');
    const ids: number[] = [];
    let duplicates = 0;
    for (const it of items) {
      const bytes = bytesOf.get(it.file)!;
      const dup = (earlier.get(it.uuid) as { submission_id: number } | undefined)?.submission_id ?? null;
      if (dup !== null) duplicates++;
      const id = Number(
        insertDraft.run(
          unitId,
          m.sender.contactPerson,
          m.sender.phone,
          localDate(ctx.now()),
          it.title,
          JSON.stringify(it.paragraphs),
          it.file,
          bytes,
          sha256(bytes),
          simhash(bigrams(it.title, it.paragraphs)),
          dup,
          now,
          now,
        ).lastInsertRowid,
      );
      insertItem.run(id, packetId, it.uuid, it.issueTitle, dup);
      ids.push(id);
    }
    reindex(ctx.db, { submissions: ids });
    const row = ctx.db.prepare('SELECT * FROM received_packets WHERE id = ?').get(packetId) as ReceivedRow;
    return { status: 'imported' as const, packet: toSummary(ctx, row), imported: ids.length, duplicates };
  });
}

export function listReceivedPackets(ctx: Ctx): ReceivedPacketSummary[] {
  return (ctx.db.prepare('SELECT * FROM received_packets ORDER BY id DESC').all() as ReceivedRow[]).map((r) => toSummary(ctx, r));
}

/**
 * Receiving an adoption notice (the county side, issue 17): the zip is checked (every file
 * against SHA256SUMS and the manifest, addressed to this database), then each adoption is
 * recorded against our item by its UUID as a city-level adoption of the kind the rules score it
 * under (and each instruction as a city-level instruction), in one transaction. Points follow from the rules as for any adoption.
 * A UUID that is not ours is listed, never guessed; the same notice twice records nothing.
 */
import crypto from 'node:crypto';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { NoticeFault, NoticeImportItem, NoticeImportResult } from '../api/ops/packet-loop';
import { MANIFEST_NAME, SUMS_NAME } from '../packet/manifest';
import { NOTICE_DOCX_NAME, NOTICE_FORMAT, noticeManifestSchema, type NoticeManifest } from '../packet/notice-manifest';
import type { Category } from '../api/schemas';
import type { AdoptionKind } from '../scoring/rules';
import { readZip } from '../packet/zip-read';
import { writeTx } from '../store/db';
import { databaseIdentity } from '../store/seal';
import { stampNow, type Ctx } from './context';
import { articleByUuid } from './packet-uuids';
import { withSourceFile } from './uploaded-file';

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

function refuse(faults: NoticeFault[]): never {
  throw new ApiError('INVALID_INPUT', `采用情况通报未导入，没有登记任何采用。${faults.map((f) => `${f.message}（${f.code}）`).join('')}`);
}

/** The notice's manifest once every check holds; the refusal naming each fault otherwise. */
async function checkedNotice(ctx: Ctx, file: string): Promise<NoticeManifest> {
  const read = await readZip(file);
  const faults: NoticeFault[] = read.faults.map((f) => ({ code: f.code, message: f.message }));
  if (!read.readable) refuse(faults.length ? faults : [{ code: 'NOTICE_UNREADABLE', message: '文件不是可读的 zip。' }]);
  const byName = new Map(read.entries.map((e) => [e.name, e.data]));
  const names = [...byName.keys()].sort();
  if (names.join('|') !== [MANIFEST_NAME, SUMS_NAME, NOTICE_DOCX_NAME].sort().join('|')) {
    faults.push({ code: 'NOTICE_ENTRIES', message: `通报包应当只有 ${MANIFEST_NAME}、${SUMS_NAME} 和 ${NOTICE_DOCX_NAME} 三个文件，实际为：${names.join('、')}。` });
    refuse(faults);
  }
  const sums = new Map(
    byName
      .get(SUMS_NAME)!
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(66), l.slice(0, 64)] as const),
  );
  for (const n of [MANIFEST_NAME, NOTICE_DOCX_NAME]) {
    if (sums.get(n) !== sha(byName.get(n)!)) faults.push({ code: 'NOTICE_CHECKSUM', message: `“${n}”与 ${SUMS_NAME} 中的 SHA-256 不符：通报在生成后被改动过。` });
  }
  let json: unknown = null;
  try {
    json = JSON.parse(byName.get(MANIFEST_NAME)!.toString('utf8'));
  } catch {
    faults.push({ code: 'NOTICE_INVALID', message: `${MANIFEST_NAME} 不是有效的 JSON。` });
  }
  const parsed = noticeManifestSchema.safeParse(json);
  if (!parsed.success) {
    if (json !== null) faults.push({ code: 'NOTICE_INVALID', message: `${MANIFEST_NAME} 不是编印台“${NOTICE_FORMAT}”格式的采用情况通报清单。` });
    refuse(faults);
  }
  const m = parsed.data;
  const docx = byName.get(NOTICE_DOCX_NAME)!;
  if (m.notice.sha256 !== sha(docx) || m.notice.size !== docx.length) {
    faults.push({ code: 'NOTICE_CHECKSUM', message: `“${NOTICE_DOCX_NAME}”与清单中的 SHA-256 不符。` });
  }
  const own = databaseIdentity(ctx.db);
  if (m.recipientIdentity !== own) {
    faults.push({
      code: 'NOTICE_WRONG_RECIPIENT',
      message: `这份通报是发给“${m.recipientOffice}”的另一个数据库（标识 ${m.recipientIdentity}），不是本数据库（${own ?? '无标识'}），不能导入。请确认是否拿错了通报。`,
    });
  }
  if (faults.length) refuse(faults);
  return m;
}

/**
 * The row of the rules' table a city adoption scores under. The city level of the table has 单条
 * and 综合调研 (research/comprehensive, DOMAIN.md) and no brief row. What decides it is the piece we
 * sent: a 调研 item adopted upward is 综合调研, anything else a single item — whether the city
 * printed it whole (全文), as a brief (简讯) or combined it with other units' material (综合), as
 * the county's own rule gives a combined item's units the full item's points. The notice's kind
 * stays on record in the import's result; it never raises the points by itself.
 */
export function cityAdoptionKind(category: Category | undefined): Extract<AdoptionKind, 'single' | 'research'> {
  return category === 'research' ? 'research' : 'single';
}

export async function importNotice(ctx: Ctx, args: OpArgs<'noticeImport'>): Promise<NoticeImportResult> {
  const m = await withSourceFile(args, '采用情况通报.zip', (file) => checkedNotice(ctx, file));
  return writeTx(ctx.db, () => {
    const now = stampNow(ctx);
    const adoption = ctx.db.prepare(
      "INSERT INTO adoptions (article_id, publication, level, kind, date, issue_ref, created_at) VALUES (?, ?, 'city', ?, ?, ?, ?)",
    );
    // One adoption per item, publication and issue, whatever kind it was recorded as (an
    // earlier import recorded every one as 单条): the same notice twice records nothing.
    const hasAdoption = ctx.db.prepare("SELECT 1 FROM adoptions WHERE article_id = ? AND publication = ? AND issue_ref = ? AND level = 'city'");
    const hasInstruction = ctx.db.prepare("SELECT 1 FROM instructions WHERE article_id = ? AND level = 'city' AND leader = ? AND date = ? AND text = ?");
    const instruction = ctx.db.prepare("INSERT INTO instructions (article_id, level, leader, date, text, created_at) VALUES (?, 'city', ?, ?, ?, ?)");
    const categoryOf = ctx.db.prepare<[number], { category: string }>('SELECT category FROM articles WHERE id = ?');
    let recorded = 0;
    let instructions = 0;
    const unknown: { uuid: string; title: string }[] = [];
    const items: NoticeImportItem[] = [];
    for (const a of m.adoptions) {
      const articleId = articleByUuid(ctx, a.uuid);
      if (articleId === null) {
        unknown.push({ uuid: a.uuid, title: a.title });
        continue;
      }
      const kind = cityAdoptionKind(categoryOf.get(articleId)?.category as Category | undefined);
      const isNew = !hasAdoption.get(articleId, a.publication, a.issue);
      if (isNew) recorded += adoption.run(articleId, a.publication, kind, a.date, a.issue, now).changes;
      items.push({ articleId, title: a.title, publication: a.publication, issue: a.issue, date: a.date, kind, recorded: isNew });
      for (const i of a.instructions) {
        if (hasInstruction.get(articleId, i.leader, i.date, i.text)) continue;
        instruction.run(articleId, i.leader, i.date, i.text, now);
        instructions++;
      }
    }
    return { sender: m.senderOffice, period: m.period, adoptions: m.adoptions.length, recorded, instructions, items, unknown };
  });
}

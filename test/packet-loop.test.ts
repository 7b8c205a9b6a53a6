/**
 * The loop with the city office (issue 17), parts 1–2, two databases through the CLI: the county
 * exports a packet whose items carry UUIDs kept for good; the city receives it as drafts with
 * the Word files byte for byte; the same packet twice registers nothing; an item received
 * through another packet is marked as a repeat; a packet with a bad checksum or from an unknown
 * sender is refused in Chinese and leaves the city's database as it was. Then the notice back:
 * the city makes items of two drafts, signs an issue, exports a notice; the county imports it and
 * its score ledger shows the two city adoptions with the rules' points; a second import, a
 * tampered notice and one addressed to another county change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { openTestDb, publish, snapshotAll, type TestDb } from './helpers/db';
import { BIN, countyAndCity, entriesOf, listDir, run, sha256, SENDER, sumsFor, writeZip, type County } from './helpers/packet';

let c: County;
let city: TestDb;
countyAndCity((two) => ({ c, city } = two));

async function exportPacket(args: string[]): Promise<string> {
  const before = new Set(listDir(c.out));
  const r = await cli(c.t.file, 'packet', 'export', '--out', c.out, ...args);
  expect(r.stderr).toBe('');
  const name = listDir(c.out).find((n) => !before.has(n))!;
  return path.join(c.out, name);
}

interface Manifest {
  version: number;
  senderIdentity: string;
  issues: { uuid: string; file: string; items: { id: number; uuid: string; title: string }[] }[];
  articles: { id: number; uuid: string; title: string; file: string }[];
}

async function manifestOf(zip: string): Promise<Manifest> {
  const m = (await entriesOf(zip)).find((e) => e.name === 'manifest.json')!;
  return JSON.parse(m.data.toString('utf8')) as Manifest;
}

describe('a packet received at the city', () => {
  it('carries the sender identity and UUIDs made once; the city registers every item as a draft with its Word file byte for byte', async () => {
    const zip = await exportPacket(['--issue', String(c.issues[0]), '--article', String(c.singles[0]), '--article', String(c.singles[1])]);
    const m = await manifestOf(zip);
    const countyId = (c.t.db.prepare('SELECT uuid FROM database_identity').get() as { uuid: string }).uuid;
    expect(m.version).toBe(2);
    expect(m.senderIdentity).toBe(countyId);
    const uuids = [...m.issues.flatMap((i) => [i.uuid, ...i.items.map((it) => it.uuid)]), ...m.articles.map((a) => a.uuid)];
    expect(new Set(uuids).size).toBe(5);
    for (const u of uuids) expect(u).toMatch(/^[0-9a-f-]{36}$/);

    // kept for good: the same item in a later packet has the same UUID, and the row cannot change
    const again = await manifestOf(await exportPacket(['--article', String(c.singles[0])]));
    expect(again.articles[0]!.uuid).toBe(m.articles[0]!.uuid);
    expect(() => c.t.db.prepare("UPDATE packet_uuids SET uuid = '00000000-0000-0000-0000-000000000000'").run()).toThrow(/FROZEN/);
    expect(() => c.t.db.prepare('DELETE FROM packet_uuids').run()).toThrow(/FROZEN/);

    // an unknown sender is refused with how to proceed, and nothing changes
    const before = snapshotAll(city.db);
    const unknown = await cli(city.file, 'packet', 'import', zip);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('报送单位“城关县人民政府办公室”不在单位名单中');
    expect(unknown.stderr).toContain('--new-unit 县区');
    expect(snapshotAll(city.db)).toEqual(before);

    // through the real binary, creating the sender as a unit
    const got = await run(process.execPath, [BIN, '--db', city.file, 'packet', 'import', zip, '--new-unit', '县区']);
    expect(got.stdout).toContain('登记来稿 4 条');
    const unit = city.db.prepare('SELECT id, name, kind FROM units').get() as { id: number; name: string; kind: string };
    expect(unit).toMatchObject({ name: SENDER.office, kind: 'other' });

    const entries = new Map((await entriesOf(zip)).map((e) => [e.name, e.data]));
    const drafts = city.db
      .prepare('SELECT s.title, s.unit_id, s.original_name, s.original_file, s.original_sha256, r.item_uuid, r.issue_title, r.duplicate_of FROM submissions s JOIN received_items r ON r.submission_id = s.id ORDER BY s.id')
      .all() as { title: string; unit_id: number; original_name: string; original_file: Buffer; original_sha256: string; item_uuid: string; issue_title: string | null; duplicate_of: number | null }[];
    expect(drafts.map((d) => d.item_uuid)).toEqual([...m.issues[0]!.items.map((it) => it.uuid), ...m.articles.map((a) => a.uuid)]);
    expect(drafts.map((d) => d.title)).toEqual([...m.issues[0]!.items.map((it) => it.title), ...m.articles.map((a) => a.title)]);
    for (const d of drafts) {
      expect(d.unit_id).toBe(unit.id);
      expect(d.original_file.equals(entries.get(d.original_name)!)).toBe(true);
      expect(d.original_sha256).toBe(sha256(entries.get(d.original_name)!));
      expect(d.duplicate_of).toBeNull();
    }
    expect(drafts[0]!.issue_title).toContain('《城关县政务信息》2026年第1期');
    const received = await cli(city.file, 'packet', 'received');
    expect(received.stdout).toContain(path.basename(zip));
    expect(received.stdout).toContain('来稿 4 条');

    // the same packet twice: nothing new, and the message names the first import
    const snap = snapshotAll(city.db);
    const twice = await cli(city.file, 'packet', 'import', zip);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toContain('接收过（第 1 号接收记录');
    expect(twice.stdout).toContain('没有登记任何新来稿');
    expect(snapshotAll(city.db)).toEqual(snap);

    // the sender is found again by its database identity; an item already received is a repeat
    const second = await exportPacket(['--article', String(c.singles[1]), '--article', String(c.singles[2])]);
    const r2 = await cli(city.file, 'packet', 'import', second);
    expect(r2.stdout).toContain('登记来稿 2 条');
    expect(r2.stdout).toContain('其中 1 条此前已随其他上报包收到，已标为重复');
    const repeat = city.db
      .prepare('SELECT r.duplicate_of, s.duplicate_of AS s_dup FROM received_items r JOIN submissions s ON s.id = r.submission_id WHERE r.item_uuid = ? AND r.packet_id = 2')
      .get(m.articles[1]!.uuid) as { duplicate_of: number; s_dup: number };
    expect(repeat.duplicate_of).toBe(4);
    expect(repeat.s_dup).toBe(4);
    expect(city.db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 1 });
  });

  it('refuses a packet with a bad checksum whole, in Chinese, and changes nothing', async () => {
    const zip = await exportPacket(['--article', String(c.singles[0])]);
    const entries = await entriesOf(zip);
    const docx = entries.find((e) => e.name.endsWith('.docx') && e.name.startsWith('信息'))!;
    docx.data = Buffer.concat([docx.data, Buffer.from('x')]);
    const sums = entries.find((e) => e.name === 'SHA256SUMS')!;
    sums.data = sumsFor(entries); // SHA256SUMS made to match: the manifest still catches it
    const bad = path.join(c.out, '被改动的上报包.zip');
    await writeZip(bad, entries);
    const before = snapshotAll(city.db);
    const r = await cli(city.file, 'packet', 'import', bad, '--new-unit', '县区');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('上报包未接收，没有登记任何来稿');
    expect(r.stderr).toContain('SHA-256 与清单不符');
    expect(snapshotAll(city.db)).toEqual(before);
    expect(fs.existsSync(bad)).toBe(true);
  });
});

interface Ledger {
  articleId: number | null;
  type: string;
  points: number;
  rule: string | null;
  label: string;
}

describe('the adoption notice back to the county', () => {
  it('records the city adoptions and instruction by UUID, with the rules\' points; twice changes nothing; tampered or misaddressed notices are refused', async () => {
    const zip = await exportPacket(['--issue', String(c.issues[0]), '--article', String(c.singles[0])]);
    expect((await cli(city.file, 'packet', 'import', zip, '--new-unit', '县区')).code).toBe(0);
    await city.call('settingsSet', { sender: { office: '某市人民政府办公室', shortName: '市政府办', contactPerson: '赵某某', phone: '0000-7654321' } });
    const series = await city.call('seriesAdd', { name: '政务信息快报', org: '某市人民政府办公室' });
    // two of the three drafts become items; the third is left as a draft
    const drafts = city.db.prepare('SELECT submission_id AS id FROM received_items ORDER BY submission_id').all() as { id: number }[];
    expect(drafts).toHaveLength(3);
    const a1 = (await city.call('submissionEdit', { id: drafts[0]!.id })).article.id;
    const a2 = (await city.call('submissionEdit', { id: drafts[2]!.id })).article.id;
    await publish(city, series.id, [a1, a2], '2026-11-25');
    await city.call('instructionAdd', { articleId: a1, level: 'county', leader: '市长', date: '2026-11-26', text: '请各地借鉴。' });

    // nothing adopted in October: refused, no file written
    const outDir = path.join(city.dir, '通报');
    fs.mkdirSync(outDir);
    const none = await cli(city.file, 'notice', 'export', '--unit', SENDER.office, '--period', '2026-10', '--out', outDir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有采用');
    expect(listDir(outDir)).toEqual([]);

    const made = await cli(city.file, 'notice', 'export', '--unit', SENDER.office, '--period', '2026-11', '--out', outDir);
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('采用 2 条');
    const [noticeName] = listDir(outDir);
    const notice = path.join(outDir, noticeName!);
    const entries = await entriesOf(notice);
    expect(entries.map((e) => e.name).sort()).toEqual(['SHA256SUMS', 'manifest.json', '采用情况通报.docx'].sort());
    const nm = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
    const m = await manifestOf(zip);
    expect(nm.recipientIdentity).toBe(m.senderIdentity);
    expect(nm.senderIdentity).toBe((city.db.prepare('SELECT uuid FROM database_identity').get() as { uuid: string }).uuid);
    expect(nm.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(nm.adoptions.map((a: { uuid: string }) => a.uuid)).toEqual([m.issues[0]!.items[0]!.uuid, m.articles[0]!.uuid]);
    expect(nm.adoptions[0]).toMatchObject({ publication: '政务信息快报', issue: '2026年第1期', date: '2026-11-25', kind: '全文' });
    expect(nm.adoptions[0].instructions).toEqual([{ leader: '市长', date: '2026-11-26', text: '请各地借鉴。' }]);
    const sums = await run('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: await unzipTo(notice) });
    expect(sums.stdout).not.toMatch(/FAILED/);

    // the county: refused copies first, each leaving the database as it was
    const countyBefore = snapshotAll(c.t.db);
    const tamperedEntries = entries.map((e) => ({ ...e }));
    const tm = tamperedEntries.find((e) => e.name === 'manifest.json')!;
    tm.data = Buffer.from(tm.data.toString('utf8').replace('2026年第1期', '2026年第9期'));
    const tampered = path.join(outDir, '被改动的通报.zip');
    await writeZip(tampered, tamperedEntries);
    const t1 = await cli(c.t.file, 'notice', 'import', tampered);
    expect(t1.code).toBe(2);
    expect(t1.stderr).toContain('通报在生成后被改动过。（NOTICE_CHECKSUM）');
    expect(snapshotAll(c.t.db)).toEqual(countyBefore);

    const other = openTestDb();
    try {
      const t2 = await cli(other.file, 'notice', 'import', notice);
      expect(t2.code).toBe(2);
      expect(t2.stderr).toContain('不是本数据库');
      expect(t2.stderr).toContain('NOTICE_WRONG_RECIPIENT');
    } finally {
      other.close();
    }
    expect(snapshotAll(c.t.db)).toEqual(countyBefore);

    // the real binary imports it; the ledger shows the two city adoptions and the instruction
    const got = await run(process.execPath, [BIN, '--db', c.t.file, 'notice', 'import', notice]);
    expect(got.stdout).toContain('本次新登记 2 条采用、1 条批示');
    const ledger = (await cli(c.t.file, '--json', 'score', 'ledger', '--from', '2026-11-01', '--to', '2026-11-30')).json() as Ledger[];
    const cityRows = ledger.filter((e) => e.rule?.startsWith('市级'));
    const itemIds = [m.issues[0]!.items[0]!.id, m.articles[0]!.id];
    expect(cityRows.filter((e) => e.rule === '市级单条').map((e) => [e.articleId, e.points]).sort()).toEqual(
      itemIds.map((id) => [id, 50]).sort(),
    );
    expect(cityRows.filter((e) => /批示/.test(e.rule ?? '')).map((e) => [e.articleId, e.points])).toEqual([[itemIds[0], 40]]);
    const score = await cli(c.t.file, 'score', '--from', '2026-11-01', '--to', '2026-11-30');
    expect(score.code).toBe(0);

    // twice: nothing changes
    const after = snapshotAll(c.t.db);
    const twice = await cli(c.t.file, 'notice', 'import', notice);
    expect(twice.stdout).toContain('本次新登记 0 条采用、0 条批示（此前已全部登记，没有改动）');
    expect(snapshotAll(c.t.db)).toEqual(after);
  });
});

async function unzipTo(zip: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(path.dirname(zip), 'x-'));
  await run('unzip', ['-q', zip, '-d', dir]);
  return dir;
}

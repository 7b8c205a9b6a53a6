/**
 * The loop with the city office (issue 17), parts 1–2, two databases through the CLI: the county
 * exports a packet whose items carry UUIDs kept for good; the city receives it as drafts with
 * the Word files byte for byte; the same packet twice registers nothing; an item received
 * through another packet is marked as a repeat; a packet with a bad checksum or from an unknown
 * sender is refused in Chinese and leaves the city's database as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';
import { BIN, county, entriesOf, listDir, run, sha256, SENDER, sumsFor, writeZip, type County } from './helpers/packet';

let c: County;
let city: TestDb;
beforeEach(async () => {
  c = await county();
  city = openTestDb();
});
afterEach(() => {
  c.t.close();
  city.close();
});

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

/**
 * The loop with the city office (issue 17), what the UI needs of it: packets and notices given as
 * uploaded bytes (browser mode) as well as by path, the draft naming the packet it came in, and
 * the row a city adoption is recorded under. The notice says 全文/简讯/综合 (how the city printed
 * it); the county's row follows the piece it sent: 综合调研 for a 调研 item, else 单条 — a 综合
 * (combined) printing scores like a full item, as the county's own rule has it. 50 / 100 points.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotAll, type TestDb } from './helpers/db';
import { countyAndCity, entriesOf, listDir, SENDER, type County } from './helpers/packet';

let c: County;
let city: TestDb;
countyAndCity((two) => ({ c, city } = two));

const upload = (file: string) => ({ base64: fs.readFileSync(file).toString('base64'), fileName: path.basename(file) });

describe('the loop given uploaded files, and the kinds of city adoptions', () => {
  it('receives an uploaded packet under its own name; the drafts name it; the notice kinds score as the rules say', async () => {
    const packet = await c.t.call('packetExport', { articleIds: c.singles, out: c.out });
    const verified = await city.call('packetVerify', upload(packet.path));
    expect(verified.ok).toBe(true);
    // the report names the file chosen, not the temporary copy it was read from
    expect(verified.path).toBe(packet.fileName);

    // path and bytes together, or neither: refused before anything is read, nothing changes
    const before = snapshotAll(city.db);
    const both = await city.refuse('packetImport', { path: packet.path, ...upload(packet.path) });
    expect(both.message).toContain('二者选一');
    const neither = await city.refuse('packetImport', { newUnitKind: 'county' });
    expect(neither.message).toContain('请给出上报包文件');
    // bytes that are no zip: refused in Chinese, nothing registered, the temporary copy gone
    const junk = await city.refuse('packetImport', { base64: Buffer.from('不是 zip').toString('base64'), fileName: '坏的.zip', newUnitKind: 'county' });
    expect(junk.message).toContain('上报包未接收，没有登记任何来稿');
    expect(junk.message).toContain('文件：坏的.zip');
    expect(junk.message).not.toContain('bulletin-upload-');
    // the unknown sender is refused as NOT_FOUND (the dialog then offers 县/区 or 部门)
    const unknown = await city.refuse('packetImport', upload(packet.path));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(snapshotAll(city.db)).toEqual(before);

    const got = await city.call('packetImport', { ...upload(packet.path), newUnitKind: 'county' });
    expect(got).toMatchObject({ status: 'imported', imported: 3, duplicates: 0 });
    expect(got.packet.fileName).toBe(packet.fileName);
    const again = await city.call('packetImport', upload(packet.path));
    expect(again).toMatchObject({ status: 'already', imported: 0 });

    const drafts = got.packet.submissionIds;
    const d0 = await city.call('submissionGet', { id: drafts[0]! });
    expect(d0.receivedPacket).toMatchObject({ id: got.packet.id, fileName: packet.fileName, senderOffice: SENDER.office, issueTitle: null });
    const listed = await city.call('submissionList', {});
    expect(listed.rows.every((r) => r.receivedPacket?.id === got.packet.id)).toBe(true);
    const typed = await city.call('submissionAdd', { title: '手工登记的来稿', body: '正文。' });
    expect(typed.receivedPacket).toBeUndefined();

    // the city: one item printed whole, one combined with another county's material, one as a brief
    await city.call('settingsSet', { sender: { office: '某市人民政府办公室', shortName: '市政府办', contactPerson: '赵某某', phone: '0000-7654321' } });
    const series = await city.call('seriesAdd', { name: '政务信息快报', org: '某市人民政府办公室' });
    const other = await city.call('unitAdd', { name: '河口县人民政府办公室' });
    const [a1, a2, a3] = await Promise.all(drafts.map(async (id) => (await city.call('submissionEdit', { id })).article.id));
    await city.call('articleSetUnits', { id: a2!, unitIds: [other.id] });
    const issue = await city.call('issueCreate', { series: series.id, date: '2026-11-25' });
    await city.call('issueAddArticles', { id: issue.id, articleIds: [a1!, a2!, a3!] });
    await city.call('issueMarkBrief', { id: issue.id, articleId: a3!, brief: true });
    await city.call('issueSubmit', { id: issue.id });
    await city.call('issueSign', { id: issue.id, signedBy: '张某某' });
    const outDir = path.join(city.dir, '通报');
    fs.mkdirSync(outDir);
    const notice = await city.call('noticeExport', { unit: SENDER.office, period: '2026-11', out: outDir });
    expect(listDir(outDir)).toEqual([notice.fileName]);
    const manifest = JSON.parse((await entriesOf(notice.path)).find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as {
      adoptions: { kind: string }[];
    };
    expect(manifest.adoptions.map((a) => a.kind)).toEqual(['全文', '综合', '简讯']);

    // the county: a notice uploaded; bytes that are no notice are refused and change nothing
    // the third item we sent is a 调研 piece: its city adoption is 综合调研 whatever the printing
    c.t.db.prepare("UPDATE articles SET category = 'research' WHERE id = ?").run(c.singles[2]);
    const countyBefore = snapshotAll(c.t.db);
    const bad = await c.t.refuse('noticeImport', { base64: Buffer.from('x').toString('base64'), fileName: '通报.zip' });
    expect(bad.message).toContain('采用情况通报未导入，没有登记任何采用');
    expect(snapshotAll(c.t.db)).toEqual(countyBefore);

    const imported = await c.t.call('noticeImport', upload(notice.path));
    expect(imported).toMatchObject({ adoptions: 3, recorded: 3, unknown: [] });
    expect(imported.items.map((i) => [i.articleId, i.kind, i.recorded])).toEqual([
      [c.singles[0], 'single', true],
      [c.singles[1], 'single', true],
      [c.singles[2], 'research', true],
    ]);
    const rows = c.t.db.prepare("SELECT article_id, kind FROM adoptions WHERE level = 'city' ORDER BY article_id").all();
    expect(rows).toEqual([
      { article_id: c.singles[0], kind: 'single' },
      { article_id: c.singles[1], kind: 'single' },
      { article_id: c.singles[2], kind: 'research' },
    ]);
    const ledger = await c.t.call('scoreLedger', { from: '2026-11-01', to: '2026-11-30' });
    const cityPoints = ledger.filter((e) => e.rule?.startsWith('市级')).map((e) => [e.articleId, e.rule, e.points]);
    expect(cityPoints.sort()).toEqual(
      [
        [c.singles[0], '市级单条', 50],
        [c.singles[1], '市级单条', 50],
        [c.singles[2], '市级综合调研', 100],
      ].sort(),
    );

    // twice: nothing changes, each item reported as recorded before
    const after = snapshotAll(c.t.db);
    const twice = await c.t.call('noticeImport', { path: notice.path });
    expect(twice.recorded).toBe(0);
    expect(twice.items.every((i) => !i.recorded)).toBe(true);
    expect(snapshotAll(c.t.db)).toEqual(after);
  });

  it('does not double an adoption an earlier import recorded as 单条 whatever its kind', async () => {
    const packet = await c.t.call('packetExport', { articleIds: [c.singles[0]!], out: c.out });
    const got = await city.call('packetImport', { path: packet.path, newUnitKind: 'department' });
    await city.call('settingsSet', { sender: { office: '某市人民政府办公室', shortName: '市政府办', contactPerson: '赵某某', phone: '0000-7654321' } });
    const series = await city.call('seriesAdd', { name: '政务信息快报', org: '某市人民政府办公室' });
    const other = await city.call('unitAdd', { name: '河口县人民政府办公室' });
    const a = (await city.call('submissionEdit', { id: got.packet.submissionIds[0]! })).article.id;
    await city.call('articleSetUnits', { id: a, unitIds: [other.id] });
    const issue = await city.call('issueCreate', { series: series.id, date: '2026-11-25' });
    await city.call('issueAddArticles', { id: issue.id, articleIds: [a] });
    await city.call('issueSubmit', { id: issue.id });
    await city.call('issueSign', { id: issue.id, signedBy: '张某某' });
    const notice = await city.call('noticeExport', { unit: SENDER.office, period: '2026', out: city.dir });
    // as the first version of the import recorded it
    c.t.db
      .prepare("INSERT INTO adoptions (article_id, publication, level, kind, date, issue_ref, created_at) VALUES (?, '政务信息快报', 'city', 'single', '2026-11-25', '2026年第1期', '2026-11-26T00:00:00Z')")
      .run(c.singles[0]);
    const before = snapshotAll(c.t.db);
    const r = await c.t.call('noticeImport', { path: notice.path });
    expect(r.recorded).toBe(0);
    expect(r.items).toMatchObject([{ kind: 'single', recorded: false }]);
    expect(snapshotAll(c.t.db)).toEqual(before);
  });
});

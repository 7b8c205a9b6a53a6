/**
 * Exporting a packet for the city office: what it holds, that outside tools (unzip, sha256sum)
 * accept it, the rules on 涉密 / 内部 / unsigned issues, and the register of what was sent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { snapshotAll, tempDir } from './helpers/db';
import { BIN, county, listDir, NOW, run, SENDER, type County } from './helpers/packet';

let c: County;
beforeEach(async () => {
  c = await county();
});
afterEach(() => c.t.close());

function archived(issueId: number): Buffer {
  return (c.t.db.prepare('SELECT docx FROM issue_files WHERE issue_id = ?').get(issueId) as { docx: Buffer }).docx;
}

describe('a packet of two issues and three items', () => {
  it('verifies with bulletin packet verify, unzip -t and sha256sum -c, and carries the archived issue files byte for byte', async () => {
    const args = ['packet', 'export', '--out', c.out, ...c.issues.flatMap((id) => ['--issue', String(id)]), ...c.singles.flatMap((id) => ['--article', String(id)])];
    const exported = await cli(c.t.file, ...args);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const [zipName] = listDir(c.out);
    expect(zipName).toMatch(/^城关县政府办_政务信息_2026第1、2期_信息3条_\d{8}\.zip$/);
    const zip = path.join(c.out, zipName!);
    expect(exported.stdout).toContain(`已生成上报包：${zip}`);

    // our own verifier, through the CLI in-process and as the real binary (exit code 0)
    const verified = await cli(c.t.file, 'packet', 'verify', zip);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('上报包校验通过');
    expect(verified.stdout).toContain('本机登记：第 1 号上报包');
    const bin = await run(process.execPath, [BIN, '--db', c.t.file, 'packet', 'verify', zip]);
    expect(bin.stdout).toContain('上报包校验通过');

    // outside tools: the names are UTF-8 and every checksum holds in the extracted folder
    const listed = await run('unzip', ['-l', zip]);
    for (const name of ['manifest.json', 'SHA256SUMS', '报送清单.docx', '城关县政务信息2026年第1期.docx', '城关县政务信息2026年第2期.docx', '信息01_第5条信息标题.docx']) {
      expect(listed.stdout).toContain(name);
    }
    const tested = await run('unzip', ['-t', zip]);
    expect(tested.stdout).toContain('No errors detected');
    const dir = tempDir('packet-extract-');
    try {
      await run('unzip', ['-q', zip, '-d', dir]);
      const sums = await run('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir });
      expect(sums.stdout.trim().split('\n')).toHaveLength(7); // manifest, list, 2 issues, 3 items
      expect(sums.stdout).not.toMatch(/FAILED/);

      expect(fs.readFileSync(path.join(dir, '城关县政务信息2026年第1期.docx')).equals(archived(c.issues[0]!))).toBe(true);
      expect(fs.readFileSync(path.join(dir, '城关县政务信息2026年第2期.docx')).equals(archived(c.issues[1]!))).toBe(true);

      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.format).toBe('bulletin-desk/packet');
      expect(manifest.version).toBe(2);
      expect(manifest.sender).toEqual(SENDER);
      expect(manifest.issues.map((i: { id: number }) => i.id)).toEqual(c.issues);
      expect(manifest.articles.map((a: { id: number }) => a.id)).toEqual(c.singles);
      expect(manifest.issues[0]).toMatchObject({ title: '《城关县政务信息》2026年第1期（总第1期）', classification: 'public', number: 1 });
      expect(manifest.issues[0].items[0]).toMatchObject({ position: 1, title: '第1条信息标题', unit: '城关镇', category: 'news', classification: 'public' });
      expect(manifest.articles[0]).toMatchObject({ title: '第5条信息标题', unit: '城关镇', file: '信息01_第5条信息标题.docx', issue: null });
      expect(manifest.articles[0].chars).toBeGreaterThan(0);
      expect(manifest.totals).toMatchObject({ issues: 2, articles: 3 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the manifest with --json, and refuses nothing it should not', async () => {
    const r = await cli(c.t.file, '--json', 'packet', 'export', '--issue', String(c.issues[0]), '--article', String(c.singles[0]), '--out', c.out, '--by', '李某某');
    expect(r.code).toBe(0);
    const result = r.json() as { path: string; sha256: string; manifest: { issues: unknown[]; articles: unknown[] } };
    expect(result.manifest.issues).toHaveLength(1);
    expect(result.manifest.articles).toHaveLength(1);
    expect(fs.existsSync(result.path)).toBe(true);
    const list = (await cli(c.t.file, '--json', 'packet', 'list')).json() as { createdBy: string; sha256: string }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ createdBy: '李某某', sha256: result.sha256 });
  });
});

describe('the rules', () => {
  it('refuses a classified item, naming each one, and writes nothing', async () => {
    // one classified item alone, and one printed in a signed issue
    const hidden = await c.t.call('articleAdd', { title: '涉密的第二条', body: '内容', classification: 'classified' });
    // A series that may print 涉密 items (the default, 内部, would refuse it at once).
    await c.t.call('seriesUpdate', { series: 1, maxClassification: 'classified' });
    const issue = await c.t.call('issueCreate', { series: 1, date: '2026-11-28' });
    await c.t.call('issueAddArticles', { id: issue.id, articleIds: [hidden.id] });
    await c.t.call('issueSubmit', { id: issue.id });
    await c.t.call('issueSign', { id: issue.id, signedBy: '张某某' });
    const before = snapshotAll(c.t.db);
    const e = await c.t.refuse('packetExport', { issueIds: [c.issues[0], issue.id], articleIds: [c.singles[0], c.classified], out: c.out });
    expect(e.code).toBe('INVALID_STATE');
    expect(e.message).toContain('涉密信息不上网');
    expect(e.message).toContain(`#${c.classified}“某项涉密工作进展”`);
    expect(e.message).toContain(`《城关县政务信息》2026年第3期中的#${hidden.id}“涉密的第二条”`);
    expect(e.message).toContain('没有写入任何文件');
    expect(listDir(c.out)).toEqual([]);
    expect(snapshotAll(c.t.db)).toEqual(before);

    const viaCli = await cli(c.t.file, 'packet', 'export', '--article', String(c.classified), '--include-internal', '--out', c.out);
    expect(viaCli.code).toBe(2);
    expect(viaCli.stderr).toContain('某项涉密工作进展');
    expect(listDir(c.out)).toEqual([]);
    expect(snapshotAll(c.t.db)).toEqual(before);
  });

  it('takes internal items only with the explicit flag', async () => {
    const before = snapshotAll(c.t.db);
    const e = await c.t.refuse('packetExport', { articleIds: [c.singles[0], c.internal], out: c.out });
    expect(e.message).toContain('包含内部信息');
    expect(e.message).toContain(`#${c.internal}“内部掌握的情况”`);
    expect(listDir(c.out)).toEqual([]);
    expect(snapshotAll(c.t.db)).toEqual(before);

    const ok = await c.t.call('packetExport', { articleIds: [c.singles[0]!, c.internal], includeInternal: true, out: c.out });
    expect(ok.manifest.includeInternal).toBe(true);
    expect(ok.manifest.articles.map((a) => a.classification)).toEqual(['public', 'internal']);
    const report = await c.t.call('packetVerify', { path: ok.path });
    expect(report.ok).toBe(true);
  });

  it('refuses unsigned and voided issues', async () => {
    const draft = await c.t.call('issueCreate', { series: 1, date: '2026-11-28' });
    await c.t.call('issueAddArticles', { id: draft.id, articleIds: [c.singles[0]!] });
    await c.t.call('issueVoid', { id: c.issues[0]!, reason: '数据有误' });
    const before = snapshotAll(c.t.db);
    const e = await c.t.refuse('packetExport', { issueIds: [draft.id, c.issues[0]], out: c.out });
    expect(e.message).toContain('只有已签发的期次才能上报');
    expect(e.message).toContain(`草稿（编号 ${draft.id}）尚未签发`);
    expect(e.message).toContain('2026年第1期已作废（数据有误）');
    expect(listDir(c.out)).toEqual([]);
    expect(snapshotAll(c.t.db)).toEqual(before);
  });

  it('refuses bad input, a missing folder, unknown ids and a missing sender without changing anything', async () => {
    const before = snapshotAll(c.t.db);
    const refusals: [unknown, RegExp][] = [
      [{ out: c.out }, /至少选择一期刊物或一条信息/],
      [{ issueIds: [], articleIds: [], out: c.out }, /至少选择/],
      [{ articleIds: [c.singles[0], c.singles[0]], out: c.out }, /重复/],
      [{ articleIds: [c.singles[0]], out: '' }, /保存上报包的文件夹/],
      [{ articleIds: [c.singles[0]], out: path.join(c.out, '不存在') }, /不存在。请先插入 U 盘/],
      [{ articleIds: [9999], out: c.out }, /没有编号为 9999 的信息/],
      [{ issueIds: [9999], out: c.out }, /没有编号为 9999 的期次/],
      [{ articleIds: [c.singles[0]], out: c.out, extra: 1 }, /不认识的参数/],
      [{ articleIds: Array.from({ length: 1001 }, (_, i) => i + 1), out: c.out }, /最多1000个信息/],
    ];
    for (const [input, message] of refusals) {
      const e = await c.t.refuse('packetExport', input);
      expect(e.message).toMatch(message);
    }
    await c.t.call('settingsSet', { sender: { phone: '' } });
    const noPhone = snapshotAll(c.t.db);
    const e = await c.t.refuse('packetExport', { articleIds: [c.singles[0]], out: c.out });
    expect(e.message).toContain('联系电话');
    expect(snapshotAll(c.t.db)).toEqual(noPhone);
    expect(listDir(c.out)).toEqual([]);
    expect(Object.keys(before)).toEqual(Object.keys(noPhone));
  });
});

describe('the register', () => {
  it('lists every export, never overwrites an earlier packet, and marks items 已上报 with the date', async () => {
    const first = await c.t.call('packetExport', { issueIds: [c.issues[1]!], out: c.out, by: '王某某' });
    const second = await c.t.call('packetExport', { issueIds: [c.issues[1]!], articleIds: [c.singles[1]!], out: c.out });
    const third = await c.t.call('packetExport', { issueIds: [c.issues[1]!], out: c.out });
    expect(first.fileName).toBe('城关县政府办_政务信息_2026第2期_20261121.zip');
    expect(third.fileName).toBe('城关县政府办_政务信息_2026第2期_20261121_2.zip');
    expect(listDir(c.out)).toEqual([first.fileName, second.fileName, third.fileName].sort());

    const list = await c.t.call('packetList', {});
    expect(list.rows.map((p) => p.id)).toEqual([third.id, second.id, first.id]);
    expect(list.rows[2]).toMatchObject({ fileName: first.fileName, sha256: first.sha256, size: first.size, createdAt: NOW.toISOString(), createdBy: '王某某' });
    expect(list.rows[1]!.articles).toEqual([{ id: c.singles[1], title: '第6条信息标题' }]);
    expect(list.rows[0]!.issues).toEqual([{ id: c.issues[1], title: '《城关县政务信息》2026年第2期（总第2期）' }]);

    const rows = c.t.db.prepare('SELECT kind, ref_id FROM packet_items WHERE packet_id = ? ORDER BY kind, ref_id').all(second.id);
    expect(rows).toEqual([{ kind: 'article', ref_id: c.singles[1] }, { kind: 'issue', ref_id: c.issues[1] }]);

    // an item sent alone, an item sent inside an issue, and one never sent
    const alone = await c.t.call('packetsForArticle', { id: c.singles[1]! });
    expect(alone.submittedAt).toBe(NOW.toISOString());
    expect(alone.packets).toEqual([expect.objectContaining({ packetId: second.id, via: 'article', issueId: null })]);
    const inIssue = await c.t.call('packetsForArticle', { id: 3 });
    expect(inIssue.packets.map((p) => [p.packetId, p.via, p.issueTitle])).toEqual([
      [first.id, 'issue', '《城关县政务信息》2026年第2期'],
      [second.id, 'issue', '《城关县政务信息》2026年第2期'],
      [third.id, 'issue', '《城关县政务信息》2026年第2期'],
    ]);
    const never = await c.t.call('packetsForArticle', { id: c.singles[2]! });
    expect(never).toEqual({ articleId: c.singles[2], submittedAt: null, packets: [] });

    const shown = await cli(c.t.file, 'packet', 'article', String(c.singles[1]));
    expect(shown.stdout).toMatch(/已上报（首次 2026年11月21日 \d\d:\d\d）/);
    expect((await cli(c.t.file, 'packet', 'article', String(c.singles[2]))).stdout).toContain('尚未上报');
    const listed = await cli(c.t.file, 'packet', 'list');
    for (const p of [first, second, third]) expect(listed.stdout).toContain(p.fileName);

    const candidates = await c.t.call('packetCandidates', {});
    expect(candidates.articles.find((a) => a.id === c.singles[1])!.submitted).toMatchObject({ count: 1, firstAt: NOW.toISOString() });
    expect(candidates.articles.find((a) => a.id === c.classified)!.blocked).toContain('涉密');
    expect(candidates.issues.find((i) => i.id === c.issues[1])!.submitted!.count).toBe(3);

    // the item's own page and the item list show 已上报 too
    expect((await c.t.call('articleGet', { id: c.singles[1]! })).submitted).toEqual({ count: 1, firstAt: NOW.toISOString(), lastAt: NOW.toISOString() });
    expect((await c.t.call('articleGet', { id: c.singles[2]! })).submitted).toBeNull();
    const items = await c.t.call('articleList', {});
    expect(items.rows.find((a) => a.id === 3)!.submitted!.count).toBe(3);
    expect(items.rows.find((a) => a.id === c.singles[2])!.submitted).toBeNull();
  });

  it('keeps registered exports and the items sent as they are: no change, no deletion', async () => {
    const p = await c.t.call('packetExport', { articleIds: [c.singles[0]!], out: c.out });
    const before = snapshotAll(c.t.db);
    const db = c.t.db;
    expect(() => db.prepare('UPDATE packets SET file_name = ? WHERE id = ?').run('x.zip', p.id)).toThrow(/FROZEN/);
    expect(() => db.prepare('DELETE FROM packets WHERE id = ?').run(p.id)).toThrow(/FROZEN/);
    expect(() => db.prepare('UPDATE packet_items SET sha256 = ? WHERE packet_id = ?').run('0'.repeat(64), p.id)).toThrow(/FROZEN/);
    expect(() => db.prepare('DELETE FROM packet_items WHERE packet_id = ?').run(p.id)).toThrow(/FROZEN/);
    const second = await c.t.call('packetExport', { articleIds: [c.singles[1]!], out: c.out });
    const afterSecond = snapshotAll(c.t.db);
    // items join only the packet being registered
    expect(() => db.prepare("INSERT INTO packet_items (packet_id, kind, ref_id, sha256) VALUES (?, 'article', ?, ?)").run(p.id, c.singles[2], '0'.repeat(64))).toThrow(/FROZEN/);
    const e = await c.t.refuse('articleDelete', { id: c.singles[0] });
    expect(e.code).toBe('FROZEN');
    expect(e.message).toMatch(/已于 2026-11-21 上报市政府办.*不能删除/);
    expect(snapshotAll(c.t.db)).toEqual(afterSecond);
    expect(Object.keys(before).length).toBe(Object.keys(afterSecond).length);
    expect(second.id).toBe(p.id + 1);
  });

  it('hands a registered packet back for download, and refuses one that was changed or moved', async () => {
    const p = await c.t.call('packetExport', { articleIds: [c.singles[0]!], out: c.out });
    const file = await c.t.call('packetFile', { id: p.id });
    expect(file.fileName).toBe(p.fileName);
    expect(Buffer.from(file.base64, 'base64').equals(fs.readFileSync(p.path))).toBe(true);
    const bytes = fs.readFileSync(p.path);
    bytes[bytes.length - 30]! ^= 0xff;
    fs.writeFileSync(p.path, bytes);
    expect((await c.t.refuse('packetFile', { id: p.id })).message).toContain('与登记时的 SHA-256 不符');
    fs.rmSync(p.path);
    expect((await c.t.refuse('packetFile', { id: p.id })).message).toContain('已不在');
    expect((await c.t.refuse('packetFile', { id: 99 })).code).toBe('NOT_FOUND');
  });
});

describe('sender settings', () => {
  it('changes only the fields given, and refuses bad values without changing anything', async () => {
    const set = await c.t.call('settingsSet', { sender: { contactPerson: '赵某某' } });
    expect(set.sender).toEqual({ ...SENDER, contactPerson: '赵某某' });
    expect(await c.t.call('settingsGet', {})).toEqual(set);
    const before = snapshotAll(c.t.db);
    for (const bad of [{ sender: { phone: 'call me' } }, { sender: { shortName: '城关/县' } }, { sender: { office: 'x'.repeat(101) } }, { sender: { fax: '1' } }, { other: 1 }]) {
      await c.t.refuse('settingsSet', bad);
    }
    expect(snapshotAll(c.t.db)).toEqual(before);

    const r = await cli(c.t.file, 'settings', 'set', '--short-name', '城关政府办', '--phone', '0000-7654321 转 8');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('简称（用于上报包文件名）：城关政府办');
    const shown = await cli(c.t.file, '--json', 'settings', 'show');
    expect((shown.json() as { sender: typeof SENDER }).sender).toEqual({ ...SENDER, contactPerson: '赵某某', shortName: '城关政府办', phone: '0000-7654321 转 8' });
  });
});

/**
 * The intake register through the API table: a USB folder with real drafts, duplicates and
 * refused files; the register rows, the stored originals and their trigger; the states from
 * received to used and back when the issue is voided; refusals that change nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';
import { declareHugeSizes, documentXml, encodeGbk, minimalDocx, ole2File, ownWriterDocx, wordStylesDocx } from './helpers/intake-files';

const NOW = new Date('2026-11-21T02:00:00Z');
let t: TestDb;
beforeEach(() => {
  t = openTestDb({ now: () => NOW });
});
afterEach(() => t.close());

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

const PROJECT_TEXT = [
  '全县重点项目建设进展情况',
  '今年以来，县发改局围绕全年目标，坚持项目为王，全县重点项目完成投资20.5亿元，占年度计划的86%。',
  '一、主要做法',
  '（一）挂图作战。对全县48个重点项目逐一明确责任领导、责任单位和时间节点。',
  '（二）要素保障。累计协调解决用地、资金等问题37个。',
  '二、下一步打算',
  '紧盯年度目标，加快项目建设进度，确保完成全年任务。',
];

interface Usb {
  dir: string;
  files: Record<string, Buffer>;
}

/** A week's USB drive: three drafts, two repeats, and the files nobody can import. */
async function makeUsb(root: string): Promise<Usb> {
  const dir = path.join(root, 'U盘来稿');
  fs.mkdirSync(path.join(dir, '子文件夹'), { recursive: true });
  const own = await ownWriterDocx('关于城关镇秋冬种生产进展情况的报告', [
    { level: 0, text: '今年以来，城关镇多措并举推进秋冬种生产，完成播种面积1.5万亩，占任务的103%。' },
    { level: 1, text: '一、强化组织领导' },
    { level: 0, text: '成立工作专班，镇村干部包片到户，确保不误农时。' },
  ]);
  const files: Record<string, Buffer> = {
    '城关镇-关于秋冬种生产进展情况的报告.docx': own,
    '城关镇-关于秋冬种生产进展情况的报告（再发）.docx': own,
    '县发改局_重点项目建设进展.txt': encodeGbk(PROJECT_TEXT.join('\r\n')),
    // retitled and one figure changed: the same draft in substance
    '【县发改局】重点项目建设进展（修改稿）.txt': Buffer.from(['关于全县重点项目建设进展的汇报', ...PROJECT_TEXT.slice(1)].join('\n').replace('37个', '39个'), 'utf8'),
    '东城街道-防汛工作情况.docx': await wordStylesDocx('东城街道扎实做好防汛工作', [
      { heading: 1, text: '总体情况' },
      { text: '街道排查隐患点位26处，整改完成24处。' },
    ]),
    '旧稿.doc': ole2File(),
    '报告.wps': ole2File(),
    '扫描件.pdf': Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'),
    '空白.txt': Buffer.alloc(0),
    '炸弹.docx': declareHugeSizes(await minimalDocx(documentXml(['标题', '正文']))),
    '坏的.docx': await minimalDocx('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'),
    '~$城关镇-关于秋冬种生产进展情况的报告.docx': Buffer.from('lock file'),
  };
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  fs.writeFileSync(path.join(dir, '子文件夹', '不扫描.txt'), '标题\n正文');
  return { dir, files };
}

async function units() {
  const { series, units: [town, dept] } = await seed(t, 0);
  const street = await t.call('unitAdd', { name: '东城街道' });
  return { series, town: town!, dept: dept!, street };
}

describe('importing a folder', () => {
  it('lists the folder, imports the drafts, flags the repeats, refuses the rest without touching the database', async () => {
    const { town, dept, street } = await units();
    const usb = await makeUsb(t.dir);

    const scan = await t.call('submissionScan', { folder: usb.dir });
    expect(scan.folders).toEqual(['子文件夹']);
    expect(scan.files).toHaveLength(Object.keys(usb.files).length);
    const byName = Object.fromEntries(scan.files.map((f) => [f.name, f]));
    expect(byName['城关镇-关于秋冬种生产进展情况的报告.docx']).toMatchObject({ format: 'docx', guessedUnit: { id: town.id, name: '城关镇' } });
    expect(byName['县发改局_重点项目建设进展.txt']).toMatchObject({ format: 'txt', guessedUnit: { id: dept.id } });
    expect(byName['【县发改局】重点项目建设进展（修改稿）.txt']).toMatchObject({ format: 'txt', guessedUnit: { id: dept.id } });
    expect(byName['东城街道-防汛工作情况.docx']).toMatchObject({ format: 'docx', guessedUnit: { id: street.id } });
    for (const name of ['旧稿.doc', '报告.wps', '扫描件.pdf', '空白.txt', '~$城关镇-关于秋冬种生产进展情况的报告.docx']) {
      expect(byName[name]!.format, name).toBe('refused');
    }
    // the archive checks need the file itself: the scan only looks at names and first bytes
    expect(byName['炸弹.docx']!.format).toBe('docx');

    const results: Record<string, Awaited<ReturnType<typeof t.call<'submissionImport'>>>> = {};
    // the first of a pair is registered, the second is its repeat: import the originals first
    const firsts = ['城关镇-关于秋冬种生产进展情况的报告.docx', '县发改局_重点项目建设进展.txt'];
    const ordered = [...scan.files].sort((a, b) => Number(firsts.includes(b.name)) - Number(firsts.includes(a.name)));
    for (const f of ordered) {
      const before = snapshotAll(t.db);
      const r = await t.call('submissionImport', { path: f.path });
      results[f.name] = r;
      expect(r.fileName).toBe(f.name);
      if (r.status !== 'imported') expect(snapshotAll(t.db), f.name).toEqual(before);
    }
    const status = (name: string) => results[name]!.status;
    expect(status('城关镇-关于秋冬种生产进展情况的报告.docx')).toBe('imported');
    expect(status('县发改局_重点项目建设进展.txt')).toBe('imported');
    expect(status('东城街道-防汛工作情况.docx')).toBe('imported');
    expect(status('城关镇-关于秋冬种生产进展情况的报告（再发）.docx')).toBe('duplicate');
    expect(status('【县发改局】重点项目建设进展（修改稿）.txt')).toBe('duplicate');
    for (const name of ['旧稿.doc', '报告.wps', '扫描件.pdf', '空白.txt', '炸弹.docx', '坏的.docx', '~$城关镇-关于秋冬种生产进展情况的报告.docx']) {
      expect(status(name), name).toBe('refused');
      expect(results[name]!.reason, name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(results['旧稿.doc']!.reason).toContain('另存为');
    expect(results['炸弹.docx']!.reason).toMatch(/解压后超过/);
    expect(results['坏的.docx']!.reason).toMatch(/XML 结构错误/);

    const again = results['城关镇-关于秋冬种生产进展情况的报告（再发）.docx']!;
    const first = results['城关镇-关于秋冬种生产进展情况的报告.docx']!.submission!;
    expect(again.duplicateOf).toEqual({ id: first.id, title: '关于城关镇秋冬种生产进展情况的报告', unit: '城关镇', receivedDate: '2026-11-21' });
    expect(again.reason).toMatch(/是同一个文件/);
    const near = results['【县发改局】重点项目建设进展（修改稿）.txt']!;
    expect(near.reason).toMatch(/内容几乎相同（相似度 \d+%）/);
    expect(near.duplicateOf!.id).toBe(results['县发改局_重点项目建设进展.txt']!.submission!.id);

    // the register: three drafts, newest first, each with its unit, format and state
    const list = await t.call('submissionList', {});
    expect(list.rows.map((s) => [s.title, s.unit, s.originalFormat, s.state, s.receivedDate])).toEqual([
      ['东城街道扎实做好防汛工作', '东城街道', 'docx', 'received', '2026-11-21'],
      ['全县重点项目建设进展情况', '县发改局', 'txt', 'received', '2026-11-21'],
      ['关于城关镇秋冬种生产进展情况的报告', '城关镇', 'docx', 'received', '2026-11-21'],
    ]);
    const gbk = await t.call('submissionGet', { id: list.rows[1]!.id });
    expect(gbk.originalEncoding).toBe('gb18030');
    expect(gbk.paragraphs.map((p) => p.level)).toEqual([0, 1, 2, 2, 1, 0]);
    expect(gbk.paragraphs[0]!.text).toBe(PROJECT_TEXT[1]);
    expect(results['县发改局_重点项目建设进展.txt']!.guessedUnit).toBe('县发改局');

    // a repeat registered on purpose points at the draft it repeats
    const forced = await t.call('submissionImport', { path: path.join(usb.dir, '【县发改局】重点项目建设进展（修改稿）.txt'), allowDuplicate: true });
    expect(forced.status).toBe('imported');
    expect(forced.submission!.duplicateOf!.id).toBe(gbk.id);
    expect(forced.submission!.originalEncoding).toBe('utf-8');

    // every draft is in the search index
    const indexed = t.db.prepare("SELECT count(*) AS n FROM search_docs WHERE kind = 'submission'").get() as { n: number };
    expect(indexed.n).toBe(4);
  });

  it('keeps the original file byte for byte with its SHA-256, and the database refuses to change it', async () => {
    await units();
    const usb = await makeUsb(t.dir);
    const name = '城关镇-关于秋冬种生产进展情况的报告.docx';
    const r = await t.call('submissionImport', { path: path.join(usb.dir, name), liaisonName: '王某某', liaisonPhone: '0571-8888 6666转801', receivedDate: '2026-11-20' });
    const s = r.submission!;
    expect(s).toMatchObject({ originalName: name, originalFormat: 'docx', originalSha256: sha(usb.files[name]!), originalSize: usb.files[name]!.length });
    expect(s).toMatchObject({ liaisonName: '王某某', liaisonPhone: '0571-8888 6666转801', receivedDate: '2026-11-20' });
    const original = await t.call('submissionOriginal', { id: s.id });
    expect(original.fileName).toBe(name);
    expect(Buffer.from(original.base64, 'base64').equals(usb.files[name]!)).toBe(true);
    expect(original.sha256).toBe(sha(usb.files[name]!));

    const before = snapshotAll(t.db);
    for (const sql of [
      "UPDATE submissions SET original_file = x'00' WHERE id = ?",
      "UPDATE submissions SET original_sha256 = '0000000000000000000000000000000000000000000000000000000000000000' WHERE id = ?",
      "UPDATE submissions SET original_name = 'x.docx' WHERE id = ?",
    ]) {
      expect(() => t.db.prepare(sql).run(s.id)).toThrow(/FROZEN/);
    }
    expect(snapshotAll(t.db)).toEqual(before);
    // a typed-in draft has no original to download
    const typed = await t.call('submissionAdd', { title: '手工录入的来稿', body: '正文第一段。\n正文第二段。' });
    expect(typed).toMatchObject({ originalFormat: 'typed', originalSha256: null, originalSize: null });
    expect((await t.refuse('submissionOriginal', { id: typed.id })).code).toBe('NOT_FOUND');
  });

  it('uses the unit given instead of a guess, and a file of another unit is no repeat by title', async () => {
    const { town, dept } = await units();
    const usb = await makeUsb(t.dir);
    const r = await t.call('submissionImport', { path: path.join(usb.dir, '东城街道-防汛工作情况.docx'), unit: town.id });
    expect(r.submission!.unit).toBe('城关镇');
    expect(r).not.toHaveProperty('guessedUnit');
    const none = await t.call('submissionImport', { path: path.join(usb.dir, '县发改局_重点项目建设进展.txt'), unit: null });
    expect(none.submission!.unit).toBeNull();
    // same title from a different unit, different text: not a repeat
    const other = await t.call('submissionAdd', { title: '东城街道扎实做好防汛工作', body: '县发改局的另一份材料，与防汛无关的内容。', unit: dept.id });
    expect(other.duplicateOf).toBeNull();
    // same unit and same title (written a little differently): a repeat, refused unless allowed
    const before = snapshotAll(t.db);
    const dup = await t.refuse('submissionAdd', { title: '东城街道扎实做好防汛工作。', body: '完全不同的正文内容。', unit: town.id });
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toMatch(/来稿单位和标题都相同.*重复也登记/);
    expect(snapshotAll(t.db)).toEqual(before);
    const allowed = await t.call('submissionAdd', { title: '东城街道扎实做好防汛工作。', body: '完全不同的正文内容。', unit: town.id, allowDuplicate: true });
    expect(allowed.duplicateOf).toMatchObject({ id: r.submission!.id, unit: '城关镇' });
  });

  it('answers a missing or unreadable file as refused, and a malformed request as an error; neither changes anything', async () => {
    await units();
    const before = snapshotAll(t.db);
    const missing = await t.call('submissionImport', { path: path.join(t.dir, '没有这个文件.docx') });
    expect(missing).toMatchObject({ status: 'refused', reason: expect.stringMatching(/找不到/) });
    const folder = await t.call('submissionImport', { path: t.dir });
    expect(folder).toMatchObject({ status: 'refused', reason: expect.stringMatching(/文件夹/) });
    for (const input of [
      { path: 5 },
      { path: '' },
      { path: '   ' },
      { path: 'a\u0000b.docx' },
      { path: 'x'.repeat(5000) },
      { path: 'a.docx', unit: 3.5 },
      { path: 'a.docx', liaisonPhone: '请拨打我' },
      { path: 'a.docx', receivedDate: '2026-02-30' },
      { path: 'a.docx', allowDuplicate: 'yes' },
      { path: 'a.docx', extra: 1 },
    ]) {
      expect((await t.refuse('submissionImport', input)).code, JSON.stringify(input).slice(0, 60)).toBe('INVALID_INPUT');
    }
    expect((await t.refuse('submissionImport', { path: 'a.docx', unit: '不存在的单位' })).code).toBe('NOT_FOUND');
    expect((await t.refuse('submissionScan', { folder: path.join(t.dir, '没有') })).code).toBe('NOT_FOUND');
    expect((await t.refuse('submissionScan', { folder: 7 })).code).toBe('INVALID_INPUT');
    expect((await t.refuse('submissionAdd', { title: '无正文' })).code).toBe('INVALID_INPUT');
    expect((await t.refuse('submissionAdd', { title: '两种正文', body: 'a', paragraphs: [{ level: 0, text: 'a' }] })).code).toBe('INVALID_INPUT');
    const oneHugeLine = await t.refuse('submissionAdd', { title: '一段过长', body: '字'.repeat(25_000) });
    expect(oneHugeLine.code).toBe('INVALID_INPUT');
    expect(oneHugeLine.message).toMatch(/一段不能超过20000个字/);
    expect((await t.refuse('submissionList', { state: 'lost' })).code).toBe('INVALID_INPUT');
    expect((await t.refuse('submissionGet', { id: 99 })).code).toBe('NOT_FOUND');
    expect(snapshotAll(t.db)).toEqual(before);
  });
});

describe('states', () => {
  async function oneDraft() {
    const u = await units();
    const usb = await makeUsb(t.dir);
    const r = await t.call('submissionImport', { path: path.join(usb.dir, '城关镇-关于秋冬种生产进展情况的报告.docx') });
    return { ...u, draft: r.submission! };
  }

  it('goes received → editing (an item made, the draft kept) → used when signed → editing again when voided', async () => {
    const { series, draft } = await oneDraft();
    expect(draft.state).toBe('received');

    const edited = await t.call('submissionEdit', { id: draft.id });
    expect(edited.submission).toMatchObject({ state: 'editing', articleId: edited.article.id });
    expect(edited.article).toMatchObject({ title: draft.title, paragraphs: draft.paragraphs, unit: '城关镇', category: 'news', classification: 'public' });
    // editing the item leaves the draft as received
    await t.call('articleEdit', { id: edited.article.id, title: '城关镇秋冬种生产进展顺利', body: '改写后的正文。' });
    const kept = await t.call('submissionGet', { id: draft.id });
    expect(kept.title).toBe(draft.title);
    expect(kept.paragraphs).toEqual(draft.paragraphs);
    expect(kept.originalSha256).toBe(draft.originalSha256);
    // a second 编辑成信息 returns the same item, making no other
    const articlesBefore = (t.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const again = await t.call('submissionEdit', { id: draft.id });
    expect(again.article.id).toBe(edited.article.id);
    expect(again.article.title).toBe('城关镇秋冬种生产进展顺利');
    expect((t.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(articlesBefore);

    // in a draft issue it cannot be set aside as unused
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [edited.article.id] });
    const inDraft = await t.call('submissionGet', { id: draft.id });
    expect(inDraft).toMatchObject({ state: 'editing', issue: { issueId: issue.id, status: 'draft', number: null } });
    let before = snapshotAll(t.db);
    const blocked = await t.refuse('submissionSetState', { id: draft.id, state: 'unused', reason: '不用了' });
    expect(blocked.code).toBe('INVALID_STATE');
    expect(blocked.message).toMatch(/请先从该期移出/);
    expect(snapshotAll(t.db)).toEqual(before);

    await t.call('issueSubmit', { id: issue.id });
    const signed = await t.call('issueSign', { id: issue.id, signedBy: '张某某' });
    const used = await t.call('submissionGet', { id: draft.id });
    expect(used).toMatchObject({ state: 'used', issue: { issueId: issue.id, status: 'signed', number: signed.number, year: 2026 } });
    expect((await t.call('submissionList', { state: 'used' })).rows.map((s) => s.id)).toEqual([draft.id]);
    before = snapshotAll(t.db);
    for (const [op, input] of [
      ['submissionSetState', { id: draft.id, state: 'received' }],
      ['submissionSetState', { id: draft.id, state: 'forwarded', reason: '报市政府办公室' }],
    ] as const) {
      const e = await t.refuse(op, input);
      expect(e.code).toBe('FROZEN');
      expect(e.message).toMatch(/已被《城关县政务信息》2026年第\d+期采用/);
    }
    expect(snapshotAll(t.db)).toEqual(before);
    // 编辑成信息 on a used draft just opens its item
    expect((await t.call('submissionEdit', { id: draft.id })).submission.state).toBe('used');

    await t.call('issueVoid', { id: issue.id, reason: '数据有误' });
    expect(await t.call('submissionGet', { id: draft.id })).toMatchObject({ state: 'editing', issue: null });
    expect((await t.call('submissionList', { state: 'used' })).rows.map((s) => s.id)).toEqual([]);
    expect((await t.call('submissionList', { state: 'editing' })).rows.map((s) => s.id)).toEqual([draft.id]);
    // and it can be used again in a new issue
    const reissued = await publish(t, series.id, [edited.article.id], '2026-11-22');
    expect(await t.call('submissionGet', { id: draft.id })).toMatchObject({ state: 'used', issue: { issueId: reissued.id } });
    // the list works the state out on the row (for its index); it says what the view says
    const view = t.db.prepare('SELECT id, state FROM submission_states ORDER BY id').all();
    expect((await t.call('submissionList', {})).rows.map((s) => ({ id: s.id, state: s.state })).sort((a, b) => a.id - b.id)).toEqual(view);
  });

  it('is set to 已上报 and 未采用 (with a reason) by hand, and back to 已收', async () => {
    const { draft } = await oneDraft();
    const before = snapshotAll(t.db);
    const noReason = await t.refuse('submissionSetState', { id: draft.id, state: 'unused' });
    expect(noReason.code).toBe('INVALID_INPUT');
    expect(noReason.message).toMatch(/写明原因/);
    expect((await t.refuse('submissionSetState', { id: draft.id, state: 'used' })).code).toBe('INVALID_INPUT');
    expect((await t.refuse('submissionSetState', { id: draft.id, state: 'editing' })).code).toBe('INVALID_INPUT');
    expect(snapshotAll(t.db)).toEqual(before);

    expect(await t.call('submissionSetState', { id: draft.id, state: 'unused', reason: '内容与第40期重复' })).toMatchObject({ state: 'unused', stateReason: '内容与第40期重复' });
    expect((await t.call('submissionList', { state: 'unused' })).rows.map((s) => s.id)).toEqual([draft.id]);
    expect(await t.call('submissionSetState', { id: draft.id, state: 'forwarded', reason: '报市政府办公室' })).toMatchObject({ state: 'forwarded', stateReason: '报市政府办公室' });
    expect(await t.call('submissionSetState', { id: draft.id, state: 'received', reason: '忽略' })).toMatchObject({ state: 'received', stateReason: null });
    // an unused draft taken up again goes to editing, its reason cleared
    await t.call('submissionSetState', { id: draft.id, state: 'unused', reason: '暂不采用' });
    expect((await t.call('submissionEdit', { id: draft.id })).submission).toMatchObject({ state: 'editing', stateReason: null });
  });

  it('corrects the register entry and filters the list by unit, date and title', async () => {
    const { town, street, draft } = await oneDraft();
    const fixed = await t.call('submissionCorrect', { id: draft.id, unit: street.id, liaisonName: '赵某', liaisonPhone: '13900000000', receivedDate: '2026-11-19', reason: '登记时填错' });
    expect(fixed.submission).toMatchObject({ unit: '东城街道', liaisonName: '赵某', liaisonPhone: '13900000000', receivedDate: '2026-11-19' });
    await t.call('submissionAdd', { title: '城关镇另一份来稿', body: '正文。', unit: town.id, receivedDate: '2026-11-20' });
    expect((await t.call('submissionList', { unit: '城关镇' })).rows.map((s) => s.title)).toEqual(['城关镇另一份来稿']);
    expect((await t.call('submissionList', { from: '2026-11-20' })).rows.map((s) => s.title)).toEqual(['城关镇另一份来稿']);
    expect((await t.call('submissionList', { to: '2026-11-19' })).rows.map((s) => s.id)).toEqual([draft.id]);
    expect((await t.call('submissionList', { text: '秋冬种' })).rows.map((s) => s.id)).toEqual([draft.id]);
    expect(await t.call('submissionList', { limit: 1, offset: 1 })).toMatchObject({ rows: [{}], total: 2 });
  });
});

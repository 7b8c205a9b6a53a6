/** Signed issues are archived exactly; unsigned ones export as previews that are never stored. */
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../src-main/services/archive';
import { cli } from './helpers/cli';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

const text = async (file: string) => (await mammoth.extractRawText({ path: file })).value;

describe('the archive of signed issues', () => {
  it('stores the Word file and its SHA-256 at sign-off, and exports those bytes ever after', async () => {
    const { series, articles } = await seed(t, 3);
    const signed = await publish(t, series.id, articles.map((a) => a.id), '2026-11-21');
    const row = t.db.prepare('SELECT docx, sha256, size FROM issue_files WHERE issue_id = ?').get(signed.id) as {
      docx: Buffer;
      sha256: string;
      size: number;
    };
    expect(row.sha256).toBe(sha256(row.docx));
    expect(row.size).toBe(row.docx.length);

    const first = await t.call('issueExport', { id: signed.id, out: path.join(t.dir, 'a.docx') });
    const second = await t.call('issueExport', { id: signed.id, out: path.join(t.dir, 'b.docx') });
    expect(first.archived).toBe(true);
    expect(fs.readFileSync(first.path).equals(row.docx)).toBe(true);
    expect(fs.readFileSync(second.path).equals(row.docx)).toBe(true);
    expect(first.sha256).toBe(row.sha256);

    // the series changes how it prints; the archived issue does not change
    await t.call('seriesUpdate', {
      series: series.id,
      name: '城关县政务信息（新）',
      print: { mastheadName: '新报头', showTotal: false, copies: 999, distribution: { to: ['省政府办公厅'] } },
    });
    const third = await t.call('issueExport', { id: signed.id, out: path.join(t.dir, 'c.docx') });
    expect(fs.readFileSync(third.path).equals(row.docx)).toBe(true);
    const content = await text(third.path);
    expect(content).toContain('城关县政务信息');
    expect(content).not.toContain('新报头');
    expect(content).toContain('第1期');
  });

  it('reprints a signed issue byte for byte even where today\'s layout would print it differently', async () => {
    const { series, articles } = await seed(t, 2);
    const signed = await publish(t, series.id, articles.map((a) => a.id), '2026-11-21');
    const stored = t.db.prepare('SELECT docx FROM issue_files WHERE issue_id = ?').get(signed.id) as { docx: Buffer };
    // A name that now takes two masthead lines, Chinese dates, 一篇一页:
    // a fresh render would differ on every page; the archive must not care.
    await t.call('seriesUpdate', {
      series: series.id,
      print: {
        mastheadName: '中共城关县委办公室城关县人民政府办公室工作动态',
        dateStyle: 'chinese',
        newPagePerItem: true,
      },
    });
    const layout = await t.call('issueLayout', { id: signed.id });
    expect(layout.pageCount).toBeGreaterThanOrEqual(2);
    const out = await t.call('issueExport', { id: signed.id, out: path.join(t.dir, 'reprint.docx') });
    expect(out.archived).toBe(true);
    expect(fs.readFileSync(out.path).equals(stored.docx)).toBe(true);
  });

  it('keeps the archived file of a voided issue, and refuses to change or delete it', async () => {
    const { series, articles } = await seed(t, 1);
    const signed = await publish(t, series.id, [articles[0]!.id], '2026-11-21');
    await t.call('issueVoid', { id: signed.id, reason: '重印' });
    const out = await t.call('issueExport', { id: signed.id, out: t.dir });
    expect(out.archived).toBe(true);
    expect(path.basename(out.path)).toBe('城关县政务信息2026年第1期.docx');
    const before = snapshotAll(t.db);
    expect(() => t.db.prepare("UPDATE issue_files SET sha256 = ? WHERE issue_id = ?").run('0'.repeat(64), signed.id)).toThrow(/FROZEN/);
    expect(() => t.db.prepare('DELETE FROM issue_files WHERE issue_id = ?').run(signed.id)).toThrow(/FROZEN/);
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('exports a draft as a 送审稿 preview without a number, and stores nothing', async () => {
    const { series, articles } = await seed(t, 2);
    const draft = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: draft.id, articleIds: articles.map((a) => a.id) });
    const out = await t.call('issueExport', { id: draft.id, out: path.join(t.dir, 'preview') });
    expect(out.archived).toBe(false);
    expect(out.path.endsWith('preview.docx')).toBe(true);
    const content = await text(out.path);
    expect(content).toContain('送审稿');
    expect(content).toContain('第\u3000期');
    expect(content).toContain(articles[0]!.title);
    expect((t.db.prepare('SELECT count(*) AS n FROM issue_files').get() as { n: number }).n).toBe(0);
  });

  it('refuses an archive row for an issue that is not signed', async () => {
    const { series } = await seed(t, 0);
    const draft = await t.call('issueCreate', { series: series.id });
    expect(() =>
      t.db.prepare("INSERT INTO issue_files (issue_id, docx, sha256, size, created_at) VALUES (?, x'00', ?, 1, 'x')").run(draft.id, 'a'.repeat(64)),
    ).toThrow(/FROZEN/);
  });

  it('refuses to write into a folder that does not exist, and changes nothing', async () => {
    const { series, articles } = await seed(t, 1);
    const signed = await publish(t, series.id, [articles[0]!.id], '2026-11-21');
    const before = snapshotAll(t.db);
    const r = await cli(t.file, 'issue', 'export', String(signed.id), '--out', path.join(t.dir, 'no', 'such', 'x.docx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/文件夹.*不存在/);
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('refuses to edit an article while its issue is in review', async () => {
    const { series, articles } = await seed(t, 1);
    const issue = await t.call('issueCreate', { series: series.id });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [articles[0]!.id] });
    await t.call('issueSubmit', { id: issue.id });
    const err = await t.refuse('articleEdit', { id: articles[0]!.id, title: '改' });
    expect(err.code).toBe('INVALID_STATE');
    expect(err.message).toContain('退回修改');
  });
});

describe('series print settings', () => {
  it('are edited through `bulletin series set` and shown with the series', async () => {
    await cli(t.file, 'series', 'add', '--name', '城关县政务信息', '--org', '城关县人民政府办公室');
    const r = await cli(
      t.file,
      '--json',
      'series',
      'set',
      '城关县政务信息',
      '--mark',
      'internal',
      '--no-show-total',
      '--date-style',
      'chinese',
      '--contents',
      '目录',
      '--new-page',
      '--to',
      '市政府办公室',
      '--cc',
      '县委办公室，县人大常委会主任、副主任；县政协办公室',
      '--reviewer',
      '李某某',
      '--editor',
      '王某某',
      '--copies',
      '60',
    );
    expect(r.code).toBe(0);
    expect((r.json() as { print: unknown }).print).toEqual({
      mastheadName: '城关县政务信息',
      org: '城关县人民政府办公室',
      sensitivityMark: '内部资料 注意保存',
      showTotal: false,
      dateStyle: 'chinese',
      contentsHeading: '目录',
      newPagePerItem: true,
      distribution: { to: ['市政府办公室'], cc: ['县委办公室', '县人大常委会主任、副主任', '县政协办公室'], down: [] },
      reviewer: '李某某',
      editor: '王某某',
      copies: 60,
      chineseQuotes: true,
    });
    // a later call changes only what it names
    const again = (await cli(t.file, '--json', 'series', 'set', '城关县政务信息', '--copies', '80')).json() as { print: { copies: number; reviewer: string } };
    expect([again.print.copies, again.print.reviewer]).toEqual([80, '李某某']);
  });

  it('refuses bad print settings and changes nothing', async () => {
    await cli(t.file, 'series', 'add', '--name', '城关县政务信息');
    const before = snapshotAll(t.db);
    for (const args of [
      ['--date-style', 'roman'],
      ['--contents', '索引'],
      ['--copies', '-1'],
      ['--copies', 'many'],
      ['--mark', '这是一段远远超过二十个字的密级标志文字内容，不应被接受'],
    ]) {
      const r = await cli(t.file, 'series', 'set', '城关县政务信息', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^错误：/);
    }
    expect(snapshotAll(t.db)).toEqual(before);
  });
});

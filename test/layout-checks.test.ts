/**
 * Issue 13's checks on text (docs/layout-checks.md): characters the office fonts lack are
 * listed at every door, emoji are refused at every door with the data left byte-identical,
 * zero-width characters are removed, and straight quotes next to Chinese print as “” ‘’ unless
 * the series turns it off.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chineseQuotes, cleanText, findEmoji } from '../src-main/api/text';
import { covers, repertoire } from '../src-main/export/coverage';
import { readText } from '../src-main/intake/read-text';
import { startBridge } from '../src-main/bridge/http-server';
import { API_PREFIX, TOKEN_HEADER } from '../src-main/api/transport';
import { cli } from './helpers/cli';
import { request } from './helpers/http';
import { openTestDb, seed, snapshotAll, type TestDb } from './helpers/db';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

describe('the font repertoires', () => {
  it('GB2312 is exactly its 7,445 characters; GBK holds the GB2312 set and 镕 堃 喆; neither holds 𪚥', () => {
    const gb = repertoire('GB2312');
    const gbk = repertoire('GBK');
    expect(gb.size).toBe(7445);
    expect(gbk.size).toBeGreaterThan(21000);
    for (const cp of gb) expect(gbk.has(cp)).toBe(true);
    for (const ch of '镕堃喆昇') {
      expect(covers('方正小标宋简体', ch)).toBe(true);
      expect(covers('黑体', ch)).toBe(true);
      expect(covers('仿宋_GB2312', ch)).toBe(false);
    }
    expect(covers('方正小标宋简体', '𪚥')).toBe(false);
    // what every bulletin prints: hanzi, full-width punctuation, “” — …, ASCII (Times New Roman)
    for (const ch of '城关镇，。、；：？！（）《》“”‘’—…·Ab1.5%') expect(covers('仿宋_GB2312', ch)).toBe(true);
    // GBK's additions inside GB2312's rows are not GB2312's
    expect(covers('仿宋_GB2312', 'ⅰ')).toBe(false);
    expect(covers('宋体', 'ⅰ')).toBe(true);
  });
});

describe('the coverage check', () => {
  async function composed() {
    const { series, units } = await seed(t, 0);
    const a = await t.call('articleAdd', {
      title: '朱镕基同志旧居修缮完成',
      body: '今年以来，城关镇为王𪚥等三户修缮房屋。\n一、𪚥字标题\n正文再写一个𪚥字。',
      unit: units[0]!.id,
    });
    const b = await t.call('articleAdd', { title: '第二条信息', body: '正文。', unit: units[1]!.id });
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [a.id, b.id] });
    return { a, b, issue, series };
  }

  it('lists each character with its code, font, item and paragraph; 镕 passes in the title but not in the contents', async () => {
    const { a, issue } = await composed();
    const item = await t.call('articleCoverage', { id: a.id });
    expect(item.chars.map((u) => [u.char, u.code, u.font, u.place, u.paragraph, u.count])).toEqual([
      ['𪚥', 'U+2A6A5', '仿宋_GB2312', '正文', 1, 1],
      ['𪚥', 'U+2A6A5', '黑体', '正文', 2, 1],
      ['𪚥', 'U+2A6A5', '仿宋_GB2312', '正文', 3, 1],
    ]);
    expect(item.chars[0]!.articleId).toBe(a.id);

    const whole = await t.call('issueCoverage', { id: issue.id });
    const contents = whole.chars.filter((u) => u.place === '目录');
    expect(contents.map((u) => [u.char, u.font, u.articleId])).toEqual([['镕', '楷体_GB2312', a.id]]);
    expect(whole.chars.some((u) => u.place === '标题')).toBe(false);
  });

  it('checks the text being edited, emoji included, without refusing it', async () => {
    const r = await t.call('articleCoverage', { title: '好消息😀', paragraphs: [{ level: 0, text: '喆喆' }], unit: '城关镇' });
    expect(r.chars.map((u) => [u.char, u.place, u.count])).toEqual([
      ['😀', '标题', 1],
      ['喆', '正文', 2],
    ]);
  });

  it('checks the masthead, office and colophon lines a user typed', async () => {
    const { series, issue } = await composed();
    await t.call('seriesUpdate', {
      series: series.id,
      org: '堃县人民政府办公室',
      print: { distribution: { to: ['市政府办公室'], cc: ['县喆办'] }, reviewer: '李堃' },
    });
    const r = await t.call('issueCoverage', { id: issue.id });
    const places = r.chars.filter((u) => u.articleId === null).map((u) => [u.char, u.place, u.font, u.count]);
    expect(places).toEqual([
      ['堃', '编印单位', '仿宋_GB2312', 1],
      ['喆', '版记', '仿宋_GB2312', 1],
      ['堃', '版记', '仿宋_GB2312', 1],
    ]);
  });

  it('is shown at submit, as a warning: the issue goes to review all the same', async () => {
    const { issue } = await composed();
    const submitted = await t.call('issueSubmit', { id: issue.id });
    expect(submitted.status).toBe('review');
    expect(submitted.chars.map((u) => u.char)).toContain('𪚥');
  });

  it('prints the warning in the command line: issue submit, issue check, article check', async () => {
    const { a, issue } = await composed();
    const check = await cli(t.file, 'issue', 'check', String(issue.id));
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('以下字符办公电脑的仿宋_GB2312字体可能无法显示');
    expect(check.stdout).toContain('𪚥（U+2A6A5）：《朱镕基同志旧居修缮完成》正文第1段');
    expect(check.stdout).toContain('以下字符办公电脑的楷体_GB2312字体可能无法显示');
    const item = await cli(t.file, '--json', 'article', 'check', String(a.id));
    expect((item.json() as { chars: unknown[] }).chars).toHaveLength(3);
    const submit = await cli(t.file, 'issue', 'submit', String(issue.id));
    expect(submit.code).toBe(0);
    expect(submit.stdout).toContain('待签发');
    expect(submit.stdout).toContain('注意：以下字符办公电脑的仿宋_GB2312字体可能无法显示');
  });

  it('says all is well when every character is covered', async () => {
    const { series, articles } = await seed(t, 2);
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: articles.map((a) => a.id) });
    const r = await cli(t.file, 'issue', 'check', String(issue.id));
    expect(r.stdout).toBe('所有文字都在办公字体的字符范围内。');
  });
});

describe('emoji are refused at every door, naming the character; nothing changes', () => {
  const cases: Array<[string, (ids: { series: number; unit: number; article: number }) => [string, unknown], RegExp]> = [
    ['a title', (i) => ['articleAdd', { title: '好消息🎉', body: '正文。', unit: i.unit }], /标题中有表情符号“🎉”（U\+1F389）/],
    ['a plain-text body', () => ['articleAdd', { title: '标题', body: '正文👍很好。' }], /正文中有表情符号“👍”（U\+1F44D）/],
    ['a paragraph', () => ['articleAdd', { title: '标题', paragraphs: [{ level: 0, text: '国旗🇨🇳飘扬' }] }], /正文中有表情符号“🇨/],
    ['an edited title', (i) => ['articleEdit', { id: i.article, title: '改✔️好了' }], /标题中有表情符号“✔”/],
    ['a typed-in draft', () => ['submissionAdd', { title: '来稿😀', body: '正文。' }], /标题中有表情符号/],
    ['a masthead name', (i) => ['seriesUpdate', { series: i.series, print: { mastheadName: '城关🌟政务' } }], /报头名称中有表情符号“🌟”/],
    ['a colophon recipient', (i) => ['seriesUpdate', { series: i.series, print: { distribution: { cc: ['县委办😀'] } } }], /抄送单位中有表情符号/],
    ['a reviewer', (i) => ['seriesUpdate', { series: i.series, print: { reviewer: '李⌚' } }], /审核人中有表情符号“⌚”/],
    ['a series name', () => ['seriesAdd', { name: '政务信息💡', org: '办公室' }], /刊物名称中有表情符号/],
  ];

  for (const [what, make, message] of cases) {
    it(`in ${what}`, async () => {
      const { series, units, articles } = await seed(t, 1);
      const [op, input] = make({ series: series.id, unit: units[0]!.id, article: articles[0]!.id });
      const before = snapshotAll(t.db);
      const e = await t.refuse(op as never, input);
      expect(e.message).toMatch(message);
      expect(e.message).toContain('公文中不能使用');
      expect(snapshotAll(t.db)).toEqual(before);
    });
  }

  it('through the browser bridge, with the same message', async () => {
    await seed(t, 1);
    const before = snapshotAll(t.db);
    const bridge = await startBridge({ dbPath: t.file, port: 0, staticDir: path.join(t.dir, 'not-built') });
    try {
      const r = await request({
        port: bridge.port,
        method: 'POST',
        path: `${API_PREFIX}articleAdd`,
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token },
        body: JSON.stringify({ title: '喜报🎉', body: '正文。' }),
      });
      const body = r.json() as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.message).toMatch(/标题中有表情符号“🎉”（U\+1F389）/);
    } finally {
      await bridge.close();
    }
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('in an imported draft file: refused with the reason, nothing registered', async () => {
    await seed(t, 0);
    const file = path.join(t.dir, '城关镇-喜报.txt');
    fs.writeFileSync(file, '城关镇喜报\n今年以来成绩显著👍，群众满意。');
    const before = snapshotAll(t.db);
    const r = await t.call('submissionImport', { path: file });
    expect(r.status).toBe('refused');
    expect(r.status === 'refused' && r.reason).toMatch(/来稿中有表情符号“👍”（U\+1F44D）.*请在原文件中删去后再导入/);
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('through the command line, exit 2 with the reason', async () => {
    await seed(t, 1);
    const before = snapshotAll(t.db);
    const r = await cli(t.file, 'article', 'add', '--title', '城关镇🎉喜报', '--body', '正文。');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/标题中有表情符号“🎉”（U\+1F389）/);
    const s = await cli(t.file, 'series', 'set', '城关县政务信息', '--editor', '王😀');
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/编辑中有表情符号/);
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('but symbols documents use as text pass: ★ ※ ① © ™ →', () => {
    for (const text of ['★重点', '※说明', '①', '©', '™', '→', '✔']) expect(findEmoji(text)).toBeNull();
    for (const text of ['😀', '🀄', '⌚', '1️⃣', '🇨🇳', '❤️', '👨‍👩‍👧']) expect(findEmoji(text)).not.toBeNull();
  });
});

describe('zero-width characters are removed on input', () => {
  const ZW = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];

  it('in titles, bodies and names', async () => {
    const a = await t.call('articleAdd', { title: '\uFEFF城关\u200B镇推进\u2060改造', body: '今年\u200C以来，\u200D投入。\uFEFF' });
    expect(a.title).toBe('城关镇推进改造');
    expect(a.paragraphs).toEqual([{ level: 0, text: '今年以来，投入。' }]);
    const u = await t.call('unitAdd', { name: '县\u200B发改局' });
    expect(u.name).toBe('县发改局');
  });

  it('in drafts read from files (a UTF-8 BOM, pasted ZWSP)', () => {
    const bytes = new TextEncoder().encode('\uFEFF关于秋粮\u200B收购的情况\n今年\u2060以来，收购顺利。');
    const draft = readText(bytes);
    expect(draft.title).toBe('关于秋粮收购的情况');
    expect(draft.paragraphs.map((p) => p.text)).toEqual(['今年以来，收购顺利。']);
  });

  it('whatever text they hide in (property)', () => {
    const piece = fc.constantFrom('城', '关', 'A', ' ', '\n', '“', ...ZW);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const out = cleanText(parts.join(''));
        for (const z of ZW) expect(out.includes(z)).toBe(false);
        expect(out).toBe(parts.filter((p) => !ZW.includes(p)).join(''));
      }),
    );
  });
});

describe('straight quotes next to Chinese become Chinese quotes', () => {
  it('paired in order, single quotes too; English quotations and apostrophes left alone', () => {
    expect(chineseQuotes('开展"一老一小"服务和"三个一"活动')).toBe('开展“一老一小”服务和“三个一”活动');
    expect(chineseQuotes("他说'好'")).toBe('他说‘好’');
    expect(chineseQuotes('提出"PM2.5"治理')).toBe('提出“PM2.5”治理');
    expect(chineseQuotes('He said "yes" to Xi\'an.')).toBe('He said "yes" to Xi\'an.');
    expect(chineseQuotes('标语写着 "Welcome to Qingyuan"')).toBe('标语写着 “Welcome to Qingyuan”');
    expect(chineseQuotes('只有一个"引号')).toBe('只有一个"引号');
  });

  it('changes only quote marks and keeps every other character (property)', () => {
    const piece = fc.constantFrom('城', '关', 'a', 'B', ' ', '"', "'", '，', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const out = chineseQuotes(text);
        expect([...out]).toHaveLength([...text].length);
        expect(out.replace(/[“”]/g, '"').replace(/[‘’]/g, "'")).toBe(text);
        expect(chineseQuotes(out)).toBe(out);
      }),
    );
  });

  async function documentXml(issueId: number): Promise<string> {
    const file = await t.call('issueDocx', { id: issueId });
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    return zip.file('word/document.xml')!.async('string');
  }

  it('in what prints (the Word file), never in the stored item; the series can turn it off', async () => {
    const { series } = await seed(t, 0);
    const a = await t.call('articleAdd', { title: '推进"一老一小"服务', body: '群众评价"很满意"。He said "OK".' });
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [a.id] });
    let xml = await documentXml(issue.id);
    expect(xml).toContain('推进“一老一小”服务');
    expect(xml).toContain('群众评价“很满意”。He said &quot;OK&quot;.');
    expect((await t.call('articleGet', { id: a.id })).title).toBe('推进"一老一小"服务');

    await t.call('seriesUpdate', { series: series.id, print: { chineseQuotes: false } });
    expect((await t.call('seriesGet', { series: series.id })).print.chineseQuotes).toBe(false);
    xml = await documentXml(issue.id);
    expect(xml).toContain('推进&quot;一老一小&quot;服务');

    const r = await cli(t.file, 'series', 'set', '城关县政务信息', '--chinese-quotes');
    expect(r.code).toBe(0);
    expect(await documentXml(issue.id)).toContain('推进“一老一小”服务');
  });
});

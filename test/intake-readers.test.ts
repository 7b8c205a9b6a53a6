/**
 * Reading drafts: Word files made by the project's own writer, by the docx package with Word's
 * heading styles and by LibreOffice from a text file; text in UTF-8, GB18030 and UTF-16; the
 * formats refused with advice; hostile zips refused before mammoth sees them; the unit guess
 * and the near-duplicate fingerprint.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigrams, hamming, jaccard, simhash } from '../src-main/intake/fingerprint';
import { detectFormat, DOC_MESSAGE, IntakeRefusal, MAX_FILE_BYTES } from '../src-main/intake/formats';
import { htmlBlocks, readDocx } from '../src-main/intake/read-docx';
import { decodeText, readText } from '../src-main/intake/read-text';
import { guessUnit } from '../src-main/intake/unit-guess';
import { checkDocxZip, ZIP_LIMITS } from '../src-main/intake/zip-check';
import { tempDir } from './helpers/db';
import {
  declareHugeSizes,
  documentXml,
  encodeGbk,
  minimalDocx,
  ole2File,
  ownWriterDocx,
  wordStylesDocx,
  zipOf,
} from './helpers/intake-files';

const run = promisify(execFile);

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IntakeRefusal) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}

const DRAFT_TEXT = [
  '关于城关镇秋冬种生产进展情况的报告',
  '今年以来，城关镇多措并举推进秋冬种生产，完成播种面积1.5万亩。',
  '一、主要做法',
  '（一）强化组织领导',
  '成立工作专班，镇村干部包片到户。',
  '1.落实责任',
  '（1）逐村督导',
  '二、下一步打算',
  '继续抓好田间管理。',
].join('\n');
const EXPECTED_LEVELS = [0, 1, 2, 0, 3, 4, 1, 0];

describe('formats', () => {
  const head = (b: Buffer) => b.subarray(0, 8);
  it('refuses old and foreign formats by extension, with advice on saving as .docx', () => {
    expect(detectFormat('城关镇-报告.doc', head(ole2File()), 1024)).toEqual({ format: 'refused', reason: DOC_MESSAGE });
    expect(DOC_MESSAGE).toContain('另存为');
    expect(DOC_MESSAGE).toContain('Word 文档（*.docx）');
    const wps = detectFormat('报告.WPS', head(ole2File()), 1024);
    expect(wps.format === 'refused' && wps.reason).toMatch(/WPS 文字.*另存为.*\*\.docx/);
    for (const [name, words] of [
      ['a.pdf', /PDF/],
      ['a.rtf', /RTF.*另存为/],
      ['a.jpg', /图片/],
      ['a.odt', /OpenDocument/],
      ['a.zip', /解压/],
      ['a.xlsx', /表格/],
      ['a.docm', /宏/],
      ['a.xyz', /不支持的文件类型（\.xyz）/],
      ['README', /没有扩展名/],
      ['~$城关镇-报告.docx', /临时文件/],
      ['Thumbs.db', /系统文件/],
    ] as const) {
      const r = detectFormat(name, Buffer.from('PK\u0003\u0004'), 100);
      expect(r.format, name).toBe('refused');
      expect(r.format === 'refused' && r.reason, name).toMatch(words);
    }
  });

  it('refuses by the first bytes when the extension lies', () => {
    const oleDocx = detectFormat('报告.docx', head(ole2File()), 1024);
    expect(oleDocx.format === 'refused' && oleDocx.reason).toMatch(/旧版 Word.*打开密码/);
    const pdfDocx = detectFormat('报告.docx', Buffer.from('%PDF-1.7'), 1024);
    expect(pdfDocx.format === 'refused' && pdfDocx.reason).toMatch(/内容是PDF/);
    const junkDocx = detectFormat('报告.docx', Buffer.from('hello wo'), 1024);
    expect(junkDocx.format === 'refused' && junkDocx.reason).toMatch(/已损坏/);
    const zipTxt = detectFormat('报告.txt', Buffer.from('PK\u0003\u0004xxxx'), 1024);
    expect(zipTxt.format === 'refused' && zipTxt.reason).toMatch(/扩展名是 \.txt/);
    expect(detectFormat('报告.docx', Buffer.from('PK\u0003\u0004xxxx'), 1024)).toEqual({ format: 'docx' });
    expect(detectFormat('报告.TXT', Buffer.from('今年'), 10)).toEqual({ format: 'txt' });
  });

  it('refuses empty files and files over 20 MB before reading them', () => {
    const empty = detectFormat('空.txt', Buffer.alloc(0), 0);
    expect(empty.format === 'refused' && empty.reason).toMatch(/空的/);
    const big = detectFormat('大.docx', Buffer.from('PK\u0003\u0004'), MAX_FILE_BYTES + 1);
    expect(big.format === 'refused' && big.reason).toMatch(/超过 20 MB/);
  });
});

describe('text files', () => {
  it('decodes GB18030 from a fixed fixture: 城关镇 is B3C7 B9D8 D5F2', () => {
    expect(decodeText(Buffer.from('b3c7b9d8d5f2', 'hex'))).toEqual({ text: '城关镇', encoding: 'gb18030' });
  });

  it('tells UTF-8, UTF-8 with BOM, GBK and UTF-16 apart and reads the same draft from each', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DRAFT_TEXT, 'utf16le')]);
    const cases: [Buffer, string][] = [
      [Buffer.from(DRAFT_TEXT, 'utf8'), 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DRAFT_TEXT.replace(/\n/g, '\r\n'), 'utf8')]), 'utf-8'],
      [encodeGbk(DRAFT_TEXT.replace(/\n/g, '\r\n')), 'gb18030'],
      [utf16, 'utf-16le'],
    ];
    for (const [bytes, encoding] of cases) {
      const draft = readText(bytes);
      expect(draft.encoding).toBe(encoding);
      expect(draft.title).toBe('关于城关镇秋冬种生产进展情况的报告');
      expect(draft.paragraphs.map((p) => p.level)).toEqual(EXPECTED_LEVELS);
      expect(draft.paragraphs[0]!.text).toBe('今年以来，城关镇多措并举推进秋冬种生产，完成播种面积1.5万亩。');
    }
  });

  it('refuses bytes that are no text in any encoding it knows', () => {
    expect(() => decodeText(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x9c, 0x00]))).toThrow(/无法识别文件的文字编码/);
    expect(() => decodeText(Buffer.from([0xb3, 0xc7, 0x80, 0xff]))).toThrow(/无法识别/);
    expect(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toThrow(/UTF-8 编码，但内容不符/);
    expect(() => readText(Buffer.from('\n \u3000\n\n'))).toThrow(/没有文字/);
    // Issue 19: a one-line draft (a short 简讯) is registered, the line its body too.
    expect(readText(Buffer.from('只有一个标题\n'))).toMatchObject({ title: '只有一个标题', paragraphs: [{ level: 0, text: '只有一个标题' }] });
  });

  it('names a draft whose first line is too long for a title by its opening, keeping the line in the body', () => {
    const long = `今年以来${'全县上下凝心聚力'.repeat(30)}。`;
    const draft = readText(Buffer.from(`${long}\n第二段。`));
    expect(draft.title).toBe(`${[...long].slice(0, 40).join('')}…`);
    expect(draft.paragraphs.map((p) => p.text)).toEqual([long, '第二段。']);
  });
});

describe('Word files', () => {
  let lo = '';
  let loDocx: Buffer;
  let loDoc: Buffer;
  beforeAll(async () => {
    lo = tempDir('bulletin-lo-');
    fs.writeFileSync(path.join(lo, 'draft.txt'), DRAFT_TEXT);
    const profile = pathToFileURL(path.join(lo, 'profile')).href;
    for (const target of ['docx', 'doc']) {
      await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--infilter=Text (encoded):UTF8,LF,,,', '--convert-to', target, '--outdir', lo, path.join(lo, 'draft.txt')]);
    }
    loDocx = fs.readFileSync(path.join(lo, 'draft.docx'));
    loDoc = fs.readFileSync(path.join(lo, 'draft.doc'));
  });
  afterAll(() => fs.rmSync(lo, { recursive: true, force: true }));

  it('reads a .docx LibreOffice made from the text: title from the first line, levels from the prefixes', async () => {
    const draft = await readDocx(loDocx);
    expect(draft.title).toBe('关于城关镇秋冬种生产进展情况的报告');
    expect(draft.paragraphs.map((p) => p.level)).toEqual(EXPECTED_LEVELS);
    expect(draft.paragraphs.map((p) => p.text)).toEqual(DRAFT_TEXT.split('\n').slice(1));
  });

  it('refuses the real .doc LibreOffice wrote, by its first bytes, even when renamed .docx', () => {
    expect(loDoc.subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    expect(detectFormat('draft.doc', loDoc.subarray(0, 8), loDoc.length)).toEqual({ format: 'refused', reason: DOC_MESSAGE });
    expect(detectFormat('draft.docx', loDoc.subarray(0, 8), loDoc.length).format).toBe('refused');
  });

  it('reads the project’s own Word file: the 简报标题 style is the title, a balanced title joins up, 简报一级标题 is level 1', async () => {
    const title = '城关镇推进老旧小区改造工作取得阶段性成效的情况报告';
    const bytes = await ownWriterDocx(title, [
      { level: 0, text: '今年以来，城关镇投入1.5亿元改造老旧小区。' },
      { level: 1, text: '一、强化组织领导' },
      { level: 2, text: '（一）成立工作专班' },
      { level: 0, text: 'A&B <测试> "引号"' },
    ]);
    const draft = await readDocx(bytes);
    expect(draft.title).toBe(title);
    expect(draft.paragraphs.slice(0, 4)).toEqual([
      { level: 0, text: '今年以来，城关镇投入1.5亿元改造老旧小区。' },
      { level: 1, text: '一、强化组织领导' },
      { level: 2, text: '（一）成立工作专班' },
      { level: 0, text: 'A&B <测试> "引号"' },
    ]);
    // the source line and the sender's foot are kept: nothing the unit sent is dropped
    expect(draft.paragraphs.slice(4).map((p) => p.text)).toEqual(['（城关镇 供稿）', expect.stringContaining('联系人：王某某')]);
  });

  it('takes heading levels from Word’s styles when the text has no 一、（一） prefixes', async () => {
    const bytes = await wordStylesDocx('县发改局关于重点项目建设的报告', [
      { heading: 1, text: '总体情况' },
      { text: '全年计划投资20亿元。' },
      { heading: 2, text: '具体做法' },
      { text: '挂图作战。' },
    ]);
    const draft = await readDocx(bytes);
    expect(draft.title).toBe('县发改局关于重点项目建设的报告');
    expect(draft.paragraphs).toEqual([
      { level: 1, text: '总体情况' },
      { level: 0, text: '全年计划投资20亿元。' },
      { level: 2, text: '具体做法' },
      { level: 0, text: '挂图作战。' },
    ]);
  });

  it('reads a title in Heading 1 with sections in Heading 2 as title + level-1 sections', () => {
    const blocks = htmlBlocks('<p>城关镇信息</p><h1>关于做好防汛工作的报告</h1><h2>总体情况</h2><p>正文。</p><ul><li>甲<ul><li>乙</li></ul></li></ul>');
    expect(blocks.map((b) => [b.text, b.styleLevel])).toEqual([
      ['城关镇信息', 0],
      ['关于做好防汛工作的报告', 1],
      ['总体情况', 2],
      ['正文。', 0],
      ['甲', 0],
      ['乙', 0],
    ]);
  });

  it('refuses damaged, misnamed and hostile archives with a reason, before mammoth reads them', async () => {
    const good = await minimalDocx(documentXml(['关于某事的报告', '正文。']));
    await expect(readDocx(good)).resolves.toEqual({ title: '关于某事的报告', paragraphs: [{ level: 0, text: '正文。' }], pictures: [] });

    // a zip bomb's lie: every entry declares nearly 4 GB
    expect(await refusal(checkDocxZip(declareHugeSizes(good)))).toMatch(/解压后超过 200 MB/);
    // the opposite lie: parts declared tiny that inflate to more (yauzl checks every byte)
    expect(await refusal(readDocx(declareHugeSizes(good, 10)))).toMatch(/已损坏/);
    // a part that really inflates past the XML budget (70 MB of spaces, 70 KB compressed)
    const inflating = await minimalDocx(documentXml(['标题', '正文']), [{ name: 'word/footnotes.xml', data: Buffer.alloc(70 * 1024 * 1024, 0x20) }]);
    expect(inflating.length).toBeLessThan(1024 * 1024);
    expect(await refusal(readDocx(inflating))).toMatch(/文字部分解压后超过 24 MB/);
    // the main document alone is held to less: mammoth builds all of it in memory
    const bigDocument = await minimalDocx(documentXml(['标题', '正'.repeat(3 * 1024 * 1024)]));
    expect(await refusal(readDocx(bigDocument))).toMatch(/文字部分解压后超过 8 MB/);
    // a million empty paragraphs in a few kilobytes: counted while inflating, never parsed
    const empties = await minimalDocx(documentXml(['标题', ...Array.from({ length: ZIP_LIMITS.paragraphs + 1 }, () => '')]));
    expect(empties.length).toBeLessThan(200 * 1024);
    expect(await refusal(readDocx(empties))).toMatch(/超过 20000 个段落/);
    // too many parts
    const many = await zipOf(Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({ name: `word/media/${i}.bin`, data: 'x' })));
    expect(await refusal(readDocx(many))).toMatch(/1001 个部件/);
    // XML that does not parse
    expect(await refusal(readDocx(await minimalDocx('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>')))).toMatch(/XML 结构错误/);
    // billion laughs: a DOCTYPE with entities, which Word never writes
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    expect(await refusal(readDocx(await minimalDocx(documentXml(['&lol2;', '正文'], laughs))))).toMatch(/DOCTYPE/);
    // a zip with no Word document in it
    expect(await refusal(readDocx(await zipOf([{ name: 'hello.txt', data: 'hi' }])))).toMatch(/没有 Word 正文部分/);
    // a truncated file
    expect(await refusal(readDocx(good.subarray(0, good.length - 30)))).toMatch(/已损坏/);
    // a document without any text
    expect(await refusal(readDocx(await minimalDocx(documentXml([]))))).toMatch(/没有文字/);
  });
});

describe('unit guess from the file name', () => {
  const units = [
    { id: 1, name: '城关镇', active: true },
    { id: 2, name: '城关镇社区服务中心', active: true },
    { id: 3, name: '县发改局', active: true },
    { id: 4, name: '东城街道', active: false },
    { id: 5, name: '县卫生健康局（筹）', active: true },
  ];
  const g = (name: string) => guessUnit(name, units)?.name ?? null;
  it('reads 单位-标题, 单位_标题, 【单位】标题 and names anywhere, the longest winning', () => {
    expect(g('城关镇-关于秋冬种生产的报告.docx')).toBe('城关镇');
    expect(g('城关镇_关于秋冬种生产的报告.txt')).toBe('城关镇');
    expect(g('【县发改局】重点项目进展.docx')).toBe('县发改局');
    expect(g('[县发改局]重点项目进展.docx')).toBe('县发改局');
    expect(g('城关镇社区服务中心-关于养老服务的报告.docx')).toBe('城关镇社区服务中心');
    expect(g('关于城关镇社区服务中心养老服务的报告.docx')).toBe('城关镇社区服务中心');
    expect(g('2026年11月东城街道信息.docx')).toBe('东城街道');
    expect(g('县卫生健康局(筹)-报告.docx')).toBe('县卫生健康局（筹）');
    // the prefix names the sender even when the title mentions another unit
    expect(g('县发改局-关于城关镇项目的报告.docx')).toBe('县发改局');
    // an abbreviated prefix still finds the unit
    expect(g('城关镇人民政府-关于防汛的报告.docx')).toBe('城关镇');
    expect(g('关于秋冬种生产的报告.docx')).toBeNull();
  });
});

describe('fingerprint', () => {
  const para = (t: string) => [{ level: 0 as const, text: t }];
  const base =
    '今年以来，城关镇坚持把老旧小区改造作为重要民生工程，累计投入资金1.5亿元，完成改造小区32个，惠及居民4800余户。' +
    '一是强化统筹，成立工作专班；二是问需于民，一小区一方案；三是长效管理，引入物业服务。';
  it('finds the same text and a lightly edited one near, and another draft far', () => {
    const a = bigrams('城关镇老旧小区改造', para(base));
    const edited = bigrams('城关镇老旧小区改造', para(base.replace('32个', '35个').replace('4800余户', '5000余户')));
    const other = bigrams('县发改局项目建设', para('全县重点项目完成投资20亿元，新开工项目15个，竣工投产项目8个，招商引资到位资金30亿元。'));
    expect(hamming(simhash(a), simhash(a))).toBe(0);
    expect(hamming(simhash(a), simhash(edited))).toBeLessThanOrEqual(16);
    expect(jaccard(new Set(a), new Set(edited))).toBeGreaterThan(0.85);
    expect(jaccard(new Set(a), new Set(other))).toBeLessThan(0.2);
    expect(hamming(simhash(a), simhash(other))).toBeGreaterThan(10);
    expect(simhash(a)).toMatch(/^[0-9a-f]{16}$/);
  });
});

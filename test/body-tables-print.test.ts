/**
 * Issue 19: a table item from a unit's Word file to the printed page. Import → edit (a cell and
 * a row changed through the text box's form) → sign → the signed Word file read back: rows and
 * cells equal, the header row marked to repeat, no row allowed to split, the table as wide as
 * the text block; the pagination model counts the table's rows and repeats its header on the
 * next page; LibreOffice shows the header again on page 2 and keeps the table inside the block.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { bodyText, parseBody } from '../src-main/api/text';
import { renderIssueDocx } from '../src-main/export/docx-issue';
import { LAYOUT_PROFILE } from '../src-main/export/layout-profile';
import { layoutIssue } from '../src-main/export/pagination';
import { openTestDb, seed, type TestDb } from './helpers/db';
import { loEnv } from './helpers/lo-env';

const run = promisify(execFile);
const HEADER = ['指标名称', '单位', '前三季度', '同比增长（%）'];
const ROWS = Array.from({ length: 36 }, (_, i) => [`第${i + 1}项经济指标`, '亿元', `${(100 + i * 3.7).toFixed(1)}`, `${(i % 9) + 0.5}`]);

/** A unit's Word file: a title, a lead paragraph, the table's caption and unit line, the table, a closing line. */
async function unitDocx(): Promise<Buffer> {
  const p = (text: string, center = false) => new Paragraph({ alignment: center ? AlignmentType.CENTER : undefined, children: [new TextRun(text)] });
  const cell = (text: string) => new TableCell({ children: [p(text)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ style: 'Title', children: [new TextRun('城关镇前三季度经济运行情况')] }),
          p('前三季度，全镇经济运行总体平稳，主要指标稳中有进。'),
          p('表1 城关镇前三季度主要经济指标', true),
          p('单位：亿元'),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [new TableRow({ tableHeader: true, children: HEADER.map(cell) }), ...ROWS.map((r) => new TableRow({ children: r.map(cell) }))],
          }),
          p('下一步，全镇将继续抓好重点项目建设。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function documentXml(docx: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(docx, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(e, (er, s) => {
          if (er || !s) return reject(er);
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error('no word/document.xml')));
      zip.readEntry();
    });
  });
}

/** Every table of a document.xml: rows of cell texts, and the row properties. */
function readTables(xml: string) {
  return [...xml.matchAll(/<w:tbl(?:\s[^>]*)?>([\s\S]*?)<\/w:tbl>/g)].map((t) => ({
    width: Number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/.exec(t[1]!)?.[1] ?? /<w:tblW w:w="(\d+)" w:type="dxa"\/>/.exec(t[1]!)?.[1] ?? 0),
    rows: [...t[1]!.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) => ({
      header: /<w:tblHeader(?! w:val="(false|0|off)")/.test(r[1]!),
      cantSplit: /<w:cantSplit(?! w:val="(false|0|off)")/.test(r[1]!),
      cells: [...r[1]!.matchAll(/<w:tc(?:\s[^>]*)?>([\s\S]*?)<\/w:tc>/g)].map((c) => [...c[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    })),
  }));
}

let t: TestDb;
beforeEach(() => {
  t = openTestDb({ now: () => new Date('2026-11-21T02:00:00Z') });
});
afterEach(() => t.close());

describe('a table item: import → edit → sign → Word → read back', () => {
  it('keeps rows and cells, the header repeats and rows never split', async () => {
    const { series } = await seed(t, 0);
    const bytes = await unitDocx();
    const up = await t.call('submissionUpload', { fileName: '城关镇-经济运行.docx', base64: bytes.toString('base64') });
    expect(up.status).toBe('imported');
    const draft = await t.call('submissionGet', { id: up.submission!.id });
    const table = draft.paragraphs.find((p) => p.table)!.table!;
    expect(table).toMatchObject({ caption: '表1 城关镇前三季度主要经济指标', unit: '单位：亿元', headerRows: 1 });
    expect(table.rows).toEqual([HEADER, ...ROWS]);

    // The editor's text box: change a figure and drop the last row, through the table's text form.
    const item = await t.call('articleAdd', { title: draft.title, paragraphs: draft.paragraphs });
    const lines = bodyText(item.paragraphs).split('\n');
    const edited = lines
      .map((l) => l.replace('| 第1项经济指标 | 亿元 | 100.0 |', '| 第1项经济指标 | 亿元 | 101.5 |'))
      .filter((l) => !l.startsWith('| 第36项'));
    const saved = await t.call('articleEdit', { id: item.id, body: edited.join('\n') });
    const expected = [HEADER, ...ROWS.slice(0, 35).map((r, i) => (i === 0 ? [r[0], r[1], '101.5', r[3]] : r))];
    expect(saved.paragraphs.find((p) => p.table)!.table!.rows).toEqual(expected);
    // Search finds a cell.
    expect(JSON.stringify(await t.call('search', { query: '第12项经济指标' }))).toContain(String(item.id));

    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [item.id] });
    await t.call('issueSubmit', { id: issue.id });
    await t.call('issueSign', { id: issue.id, signedBy: '张某某' });
    const file = await t.call('issueDocx', { id: issue.id });
    const xml = await documentXml(Buffer.from(file.base64, 'base64'));
    const tables = readTables(xml).filter((x) => x.rows[0]?.cells[0] === '指标名称');
    expect(tables).toHaveLength(1);
    const printed = tables[0]!;
    expect(printed.rows.map((r) => r.cells)).toEqual(expected);
    expect(printed.rows[0]!.header).toBe(true);
    expect(printed.rows.slice(1).every((r) => !r.header)).toBe(true);
    expect(printed.rows.every((r) => r.cantSplit)).toBe(true);
    // Caption and unit line print before the table, kept with it.
    expect(xml.indexOf('表1 城关镇前三季度主要经济指标')).toBeLessThan(xml.indexOf('单位：亿元'));
    expect(xml.indexOf('单位：亿元')).toBeLessThan(xml.indexOf('指标名称'));
  });

  it('the text box form keeps simple merged cells', () => {
    const body = ['表题：合并单元格', '| 地区 | 指标 | < |', '| --- | --- | --- |', '| 城关镇 | 1 | 2 |', '| ^ | 3 | 4 |'].join('\n');
    const [p] = parseBody(body);
    expect(p!.table!.merges).toEqual([
      { row: 0, col: 1, rows: 1, cols: 2 },
      { row: 1, col: 0, rows: 2, cols: 1 },
    ]);
    expect(bodyText(parseBody(body))).toBe(body);
  });
});

const model = (rows: string[][]) => ({
  settings: {
    mastheadName: '城关县政务信息', org: '城关县人民政府办公室', sensitivityMark: '', showTotal: false, dateStyle: 'arabic' as const,
    contentsHeading: 'none' as const, newPagePerItem: false, distribution: { to: [], cc: [], down: [] }, reviewer: '', editor: '',
    copies: 0, chineseQuotes: true,
  },
  number: 3, totalNumber: null, supplement: false, date: '2026-11-21', signedBy: '张某某', extraRecipients: [], copySerial: null,
  articles: [
    {
      title: '城关镇前三季度经济运行情况',
      paragraphs: [
        { level: 0 as const, text: '前三季度，全镇经济运行总体平稳。' },
        { level: 0 as const, text: 'x', table: { caption: '表1 主要经济指标', unit: '单位：亿元', headerRows: 1, rows, merges: [] } },
        { level: 0 as const, text: '注：数据来源于县统计局。', note: true as const },
      ],
      source: '城关镇',
    },
  ],
});

describe('the pagination model and LibreOffice', () => {
  it('counts every row and repeats the header at the top of the next page', () => {
    const layout = layoutIssue(model([HEADER, ...ROWS]));
    const rows = layout.pages.flatMap((p) => p.lines).filter((l) => l.kind === 'table-row');
    expect(rows.filter((l) => !l.repeated)).toHaveLength(ROWS.length);
    expect(layout.pageCount).toBeGreaterThan(1);
    const second = layout.pages[1]!.lines;
    expect(second[0]!.kind).toBe('table-row');
    expect(second[0]!.cells!.map((c) => c.text)).toEqual(HEADER);
    for (const page of layout.pages) expect(page.lines.reduce((n, l) => n + l.height, 0)).toBeLessThanOrEqual(LAYOUT_PROFILE.grid.linesPerPage + 1e-6);
    expect(layout.pages.flatMap((p) => p.lines).some((l) => l.kind === 'note')).toBe(true);
  });

  it('LibreOffice prints the header again on page 2 and keeps the table inside the text block', async () => {
    const dir = fs.mkdtempSync(path.join(t.dir, 'lo-'));
    const file = path.join(dir, 'table.docx');
    fs.writeFileSync(file, await renderIssueDocx(model([HEADER, ...ROWS])));
    const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], { env: loEnv(), timeout: 300_000 });
    const pdf = path.join(dir, 'table.pdf');
    const page2 = (await run('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'])).stdout;
    expect(page2.replace(/\s+/g, '')).toContain('指标名称');
    const { stdout } = await run('pdftotext', ['-bbox', '-f', '1', '-l', '2', pdf, '-']);
    const xs = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const PT = 1 / 20;
    const left = LAYOUT_PROFILE.margins.left * PT;
    const right = (LAYOUT_PROFILE.page.width - LAYOUT_PROFILE.margins.right) * PT;
    for (const [x0, x1] of xs) {
      expect(x0).toBeGreaterThan(left - 2);
      expect(x1).toBeLessThan(right + 2);
    }
    if (process.env.BD_KEEP_PNG) await run('pdftoppm', ['-png', '-r', '50', pdf, path.join(process.env.BD_KEEP_PNG, 'table')]);
  }, 320_000);
});

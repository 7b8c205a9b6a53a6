/**
 * Issue 19: drafts as Word itself writes them — the test documents that ship with mammoth.
 * Every one is read and registered: tables as tables, no [1]-style note marker anywhere, notes
 * as the 注： block, pictures kept with their bytes, text-box text present, one-paragraph and
 * pictures-only drafts registered; the original file kept byte for byte.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBody, bodyText, type Paragraph } from '../src-main/api/text';
import { readDocx } from '../src-main/intake/read-docx';
import { draftFromBlocks } from '../src-main/intake/draft';
import { openTestDb, type TestDb } from './helpers/db';

const DIR = path.resolve('node_modules/mammoth/test/test-data');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.docx')).sort();
const read = (name: string) => readDocx(fs.readFileSync(path.join(DIR, name)));
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const MARKER = /\[\d+\]/;
const texts = (ps: readonly Paragraph[]) => ps.map((p) => p.text);

describe('mammoth test documents, read', () => {
  it('covers every .docx in the set', () => {
    expect(FILES).toEqual(
      expect.arrayContaining(['tables.docx', 'footnotes.docx', 'endnotes.docx', 'text-box.docx', 'tiny-picture.docx', 'single-paragraph.docx']),
    );
  });

  it('no note marker reaches any title or paragraph, in any file', async () => {
    for (const f of FILES) {
      if (f === 'empty.docx') continue;
      const d = await read(f);
      expect(d.title, f).not.toMatch(MARKER);
      for (const p of d.paragraphs) expect(p.text, f).not.toMatch(MARKER);
    }
  });

  it('tables.docx: the table stays a table, between the lines around it', async () => {
    const d = await read('tables.docx');
    expect(d.title).toBe('Above');
    expect(d.paragraphs).toHaveLength(2);
    expect(d.paragraphs[0]!.table).toEqual({ caption: '', unit: '', headerRows: 0, rows: [['Top left', 'Top right'], ['Bottom left', 'Bottom right']], merges: [] });
    expect(d.paragraphs[0]!.text).toBe('Top left Top right Bottom left Bottom right');
    expect(d.paragraphs[1]).toEqual({ level: 0, text: 'Below' });
  });

  it('footnotes and endnotes: the text clean, the notes a 注： block at the end', async () => {
    for (const f of ['footnotes.docx', 'endnotes.docx']) {
      const d = await read(f);
      expect(d.title, f).toBe('Ouch.');
      expect(d.paragraphs, f).toEqual([
        { level: 0, text: 'Ouch.' },
        { level: 0, text: '注：1．A tachyon walks into a bar.', note: true },
        { level: 0, text: '2．Fin.', note: true },
      ]);
    }
  });

  it('footnote-hyperlink.docx: a draft that is only a marker and its note is titled by the note, not 《[1]》', async () => {
    const d = await read('footnote-hyperlink.docx');
    expect(d.title).toBe('Example');
    expect(d.paragraphs).toEqual([{ level: 0, text: '注：Example', note: true }]);
  });

  it('text-box.docx: the text box text is read', async () => {
    const d = await read('text-box.docx');
    expect(texts(d.paragraphs)).toEqual(['Datum plane']);
  });

  it('one-paragraph drafts are registered with the paragraph as body and its first sentence as title', async () => {
    for (const [f, text] of [
      ['single-paragraph.docx', 'Walking on imported air'],
      ['embedded-style-map.docx', 'Walking on imported air'],
      ['comments.docx', 'Ouch.'],
      ['strict-format.docx', 'Test'],
      ['strikethrough.docx', "Today's Special: Salmon Sold out"],
      ['underline.docx', 'The Sunset Tree'],
      ['utf8-bom.docx', 'This XML has a byte order mark.'],
    ] as const) {
      const d = await read(f);
      expect(d.paragraphs, f).toEqual([{ level: 0, text }]);
      expect(d.title, f).toBe(text);
    }
    const cn = draftFromBlocks([{ text: '11月20日，城关镇召开秋冬种生产推进会。会议部署了下一阶段工作。' }]);
    expect(cn.title).toBe('11月20日，城关镇召开秋冬种生产推进会');
    expect(texts(cn.paragraphs)).toEqual(['11月20日，城关镇召开秋冬种生产推进会。会议部署了下一阶段工作。']);
  });

  it('pictures-only drafts are registered as 图片稿 with the picture bytes kept', async () => {
    const png = fs.readFileSync(path.join(DIR, 'tiny-picture.png'));
    for (const f of ['tiny-picture.docx', 'tiny-picture-target-base-relative.docx']) {
      const d = await read(f);
      expect(d.pictureOnly, f).toBe(true);
      expect(d.title, f).toBe('图片稿');
      expect(d.pictures, f).toHaveLength(1);
      expect(d.pictures![0]!.contentType).toBe('image/png');
      expect(d.pictures![0]!.bytes.equals(png), f).toBe(true);
    }
    // A picture linked from outside the file is never fetched; the draft says so.
    const ext = await read('external-picture.docx');
    expect(ext.pictureOnly).toBe(true);
    expect(ext.pictures).toEqual([]);
    expect(ext.paragraphs[0]!.text).toContain('未随文件发来');
    // With a caption, the caption names the draft and stays with the picture.
    const captioned = draftFromBlocks([{ text: '', picture: 0 }, { text: '图为城关镇秋冬种现场' }], [{ contentType: 'image/png', bytes: png, caption: '' }]);
    expect(captioned.title).toBe('图片稿：图为城关镇秋冬种现场');
    expect(captioned.pictures![0]!.caption).toBe('图为城关镇秋冬种现场');
  });

  it('empty.docx is still refused', async () => {
    await expect(read('empty.docx')).rejects.toThrow(/没有文字/);
  });

  it('a table takes its caption and unit line; the text box form round-trips', () => {
    const d = draftFromBlocks([
      { text: '城关镇前三季度经济运行情况' },
      { text: '前三季度，全镇经济运行总体平稳。' },
      { text: '表1 前三季度主要经济指标' },
      { text: '单位：亿元' },
      { text: '', table: { caption: '', unit: '', headerRows: 1, rows: [['指标', '数值'], ['地区生产总值', '12.5']], merges: [] } },
    ]);
    const t = d.paragraphs[1]!.table!;
    expect(t.caption).toBe('表1 前三季度主要经济指标');
    expect(t.unit).toBe('单位：亿元');
    expect(parseBody(bodyText(d.paragraphs))).toEqual(d.paragraphs);
  });
});

describe('mammoth test documents, registered', () => {
  let t: TestDb;
  beforeEach(() => {
    t = openTestDb({ now: () => new Date('2026-11-21T02:00:00Z') });
  });
  afterEach(() => t.close());

  it('registers every file but the empty one, keeping each original byte for byte', async () => {
    for (const f of FILES) {
      const bytes = fs.readFileSync(path.join(DIR, f));
      const r = await t.call('submissionImport', { path: path.join(DIR, f), allowDuplicate: true });
      if (f === 'empty.docx') {
        expect(r.status, f).toBe('refused');
        continue;
      }
      expect(r.status, f).toBe('imported');
      const original = await t.call('submissionOriginal', { id: r.submission!.id });
      expect(original.sha256, f).toBe(sha(bytes));
      expect(Buffer.from(original.base64, 'base64').equals(bytes), f).toBe(true);
      const got = await t.call('submissionGet', { id: r.submission!.id });
      expect(got.title, f).not.toMatch(MARKER);
      if (f === 'tables.docx') expect(got.paragraphs[0]!.table?.rows).toHaveLength(2);
    }
    // Search finds a table's cell text.
    const hits = await t.call('search', { query: 'Bottom right' });
    expect(JSON.stringify(hits)).toContain('Above');
  });
});

/**
 * The same layout in Word, WPS and LibreOffice (docs/layout-checks.md): the compatibility
 * settings are written explicitly, every PAGE field carries a cached value, long Latin runs get
 * break points, and the rewritten package is still a valid, reproducible zip.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { cachePageField, footerEdits, NO_LINE_BREAKS_AFTER, NO_LINE_BREAKS_BEFORE } from '../src-main/export/docx-compat';
import { renderArticleDocx, renderIssueDocx } from '../src-main/export/docx-issue';
import { editZipParts } from '../src-main/export/docx-zip';
import { breakLongLatin, ZWSP } from '../src-main/export/latin-breaks';
import { signedIssue } from './helpers/docx-models';
import { loEnv } from './helpers/lo-env';

const run = promisify(execFile);

async function parts(bytes: Buffer): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}
const text = (zip: JSZip, name: string) => zip.file(name)!.async('string');

const LONG = 'A'.repeat(200);
function latinIssue() {
  return signedIssue({
    articles: [
      {
        title: '城关镇推进老旧小区改造',
        paragraphs: [{ level: 0, text: `今年以来，城关镇投入1.5亿元改造老旧小区，GDP增长PM2.5下降。${LONG}` }],
        source: '城关镇',
      },
    ],
  });
}

describe('settings.xml', () => {
  it('names every compatibility setting explicitly, in schema order', async () => {
    const xml = await text(await parts(await renderIssueDocx(signedIssue())), 'word/settings.xml');
    const order = [
      '<w:defaultTabStop w:val="720"/>',
      '<w:evenAndOddHeaders/>',
      '<w:characterSpacingControl w:val="doNotCompress"/>',
      '<w:noLineBreaksAfter w:lang="zh-CN"',
      '<w:noLineBreaksBefore w:lang="zh-CN"',
      '<w:compat>',
      '<w:balanceSingleByteDoubleByteWidth/>',
      '<w:doNotExpandShiftReturn/>',
      '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>',
      '</w:compat>',
      '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>',
    ];
    let at = -1;
    for (const piece of order) {
      const i = xml.indexOf(piece);
      expect(i, piece).toBeGreaterThan(at);
      at = i;
    }
    // the Chinese rules of issue 13: no 。，、；：？！）》” at a line start, no （《“ at a line end
    for (const ch of '。，、；：？！）》”') expect(NO_LINE_BREAKS_BEFORE).toContain(ch);
    for (const ch of '（《“') expect(NO_LINE_BREAKS_AFTER).toContain(ch);
    expect(xml).toContain(`w:val="${NO_LINE_BREAKS_AFTER}"`);
  });

  it('turns East-Asian line breaking and the CJK–Latin spacing on in the document defaults', async () => {
    const xml = await text(await parts(await renderIssueDocx(signedIssue())), 'word/styles.xml');
    const defaults = /<w:pPrDefault><w:pPr>(.*?)<\/w:pPr><\/w:pPrDefault>/.exec(xml)?.[1] ?? '';
    expect(defaults).toMatch(/^<w:kinsoku w:val="1"\/><w:wordWrap w:val="1"\/><w:overflowPunct w:val="0"\/><w:autoSpaceDE w:val="1"\/><w:autoSpaceDN w:val="1"\/><w:spacing /);
  });
});

describe('PAGE fields', () => {
  it('carry a cached number between separate and end, 1 on odd pages and 2 on even, in every Word file the app writes', async () => {
    for (const bytes of [await renderIssueDocx(signedIssue()), await renderArticleDocx(signedIssue().articles[0]!, { sender: '城关县政府办', contact: '王某某' })]) {
      const zip = await parts(bytes);
      const rels = await text(zip, 'word/_rels/document.xml.rels');
      const doc = await text(zip, 'word/document.xml');
      const target = (type: string) => {
        const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(doc)?.[1];
        return new RegExp(`Id="${id}" Type="[^"]*/footer" Target="([^"]+)"`).exec(rels)?.[1];
      };
      for (const [type, cached] of [
        ['default', '1'],
        ['even', '2'],
      ] as const) {
        const footer = await text(zip, `word/${target(type)}`);
        const field = /<w:fldChar w:fldCharType="begin"\/>.*?<w:instrText[^>]*>PAGE<\/w:instrText>.*?<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)<w:t>(\d+)<\/w:t><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:fldChar w:fldCharType="end"\/>/.exec(footer);
        expect(field, `${type} footer`).not.toBeNull();
        expect(field![2]).toBe(cached);
        // the cached digit is in the page number's own face and size
        expect(field![1]).toContain('w:eastAsia="宋体"');
        expect(field![1]).toContain('<w:sz w:val="28"/>');
      }
    }
  });

  it('are found in every footer part, however many sections; an empty footer is left as it is', () => {
    expect(footerEdits('word/footer3.xml')).toBe(cachePageField);
    expect(footerEdits('word/document.xml')).toBeUndefined();
    const empty = '<w:ftr xmlns:w="w"><w:p><w:pPr><w:jc w:val="left"/></w:pPr></w:p></w:ftr>';
    expect(cachePageField(empty)).toBe(empty);
  });
});

describe('the rewritten package', () => {
  it('reads back in mammoth, and the same model still gives the same bytes', async () => {
    const a = await renderIssueDocx(signedIssue());
    const b = await renderIssueDocx(signedIssue());
    expect(a.equals(b)).toBe(true);
    const { value } = await mammoth.extractRawText({ buffer: a });
    expect(value).toContain('城关县政务信息');
  });

  it('keeps every part it does not edit byte for byte, in order (property over edits)', async () => {
    const bytes = await renderIssueDocx(signedIssue());
    const before = await parts(bytes);
    const names = Object.keys(before.files).filter((n) => !before.files[n]!.dir);
    await fc.assert(
      fc.asyncProperty(fc.subarray(names.filter((n) => n.endsWith('.xml'))), fc.string({ maxLength: 20 }), async (edited, extra) => {
        const edits = Object.fromEntries(edited.map((n) => [n, (xml: string) => xml + `<!--${extra.replace(/-/g, '')}-->`]));
        const after = await parts(editZipParts(bytes, edits));
        expect(Object.keys(after.files).filter((n) => !after.files[n]!.dir)).toEqual(names);
        for (const n of names) {
          const [x, y] = [await before.file(n)!.async('string'), await after.file(n)!.async('string')];
          expect(y).toBe(edited.includes(n) ? x + `<!--${extra.replace(/-/g, '')}-->` : x);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('refuses to edit a part the package lacks (docx changed its layout)', async () => {
    const bytes = await renderIssueDocx(signedIssue());
    expect(() => editZipParts(bytes, { 'word/footer9.xml': (x) => x })).toThrow(/lacks word\/footer9.xml/);
  });
});

describe('long Latin runs', () => {
  it('get a zero-width break point between characters from 20 on; short words stay whole', () => {
    expect(breakLongLatin('GDP增长，PM2.5下降')).toBe('GDP增长，PM2.5下降');
    const url = 'https://www.example.gov.cn/a/b';
    expect(breakLongLatin(`见${url}。`)).toBe(`见${[...url].join(ZWSP)}。`);
    expect(breakLongLatin('A'.repeat(19))).toBe('A'.repeat(19));
  });

  it('do not spread the line before them across the width (LibreOffice)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-latin-'));
    try {
      const file = path.join(dir, 'latin.docx');
      writeFileSync(file, await renderIssueDocx(latinIssue()));
      await run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { env: loEnv(), timeout: 120_000 });
      const { stdout } = await run('pdftotext', ['-layout', '-f', '1', '-l', '1', path.join(dir, 'latin.pdf'), '-']);
      const lines = stdout.split('\n');
      const start = lines.findIndex((l) => /A{3,}/.test(l));
      // the Latin string starts right after 下降 on the same line instead of on a fresh one …
      expect(lines[start]).toMatch(/下降。?A{3,}\s*$/);
      // … and no line of the paragraph is letter-spaced (pdftotext shows stretched gaps as spaces)
      for (const l of lines.slice(start - 2, start + 1)) expect(l).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff] [\u4e00-\u9fff]/);
      const as = [...stdout.matchAll(/A/g)].length;
      expect(as).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

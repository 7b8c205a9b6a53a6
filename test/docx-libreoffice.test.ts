/**
 * What the Word file looks like when laid out: LibreOffice converts it to PDF (with the fontconfig
 * stand-ins for the office fonts), poppler reads the PDF back. Slow, so one soffice run converts
 * every file at once. soffice is required: CI installs it, and a missing one fails loudly.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderIssueDocx } from '../src-main/export/docx-issue';
import { LAYOUT_PROFILE } from '../src-main/export/layout-profile';
import { hostileIssue, overflowIssue, signedIssue, threePageIssue } from './helpers/docx-models';
import { loEnv } from './helpers/lo-env';

const run = promisify(execFile);

function requireTool(cmd: string, args: string[], pkg: string): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`${cmd} is required for the layout tests but could not be run (${r.error?.message ?? r.stderr}). Install ${pkg}.`);
  }
}

let dir = '';
const pdf = (name: string) => path.join(dir, `${name}.pdf`);

async function pdfText(name: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-layout', ...range, pdf(name), '-'], { maxBuffer: 64 << 20 });
  return stdout;
}

async function pageCount(name: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf(name)]);
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!m) throw new Error(`pdfinfo gave no page count for ${name}`);
  return Number(m[1]);
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of one page with their boxes, in PDF points from the top-left corner. */
async function words(name: string, page: number): Promise<Word[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf(name), '-']);
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (m) => ({ text: m[5] ?? '', xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) }),
  );
}

/** Share of strongly red pixels in the top half of page 1, from a small raster. */
async function redShareTopHalf(name: string): Promise<number> {
  const { stdout } = await run('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', pdf(name)], {
    encoding: 'buffer',
    maxBuffer: 64 << 20,
  });
  const buf = stdout as unknown as Buffer;
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no PPM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = buf.subarray(header[0].length);
  let red = 0;
  for (let i = 0; i < w * Math.floor(h / 2); i++) {
    const [r, g, b] = [data[i * 3] ?? 0, data[i * 3 + 1] ?? 0, data[i * 3 + 2] ?? 0];
    if (r > 180 && g < 90 && b < 90) red++;
  }
  return red / (w * Math.floor(h / 2));
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const PT = 1 / 20;
const blockBottomPt = (LAYOUT_PROFILE.page.height - LAYOUT_PROFILE.margins.bottom) * PT;

beforeAll(async () => {
  requireTool('soffice', ['--version'], 'LibreOffice (apt-get install libreoffice-writer)');
  requireTool('pdftotext', ['-v'], 'poppler-utils');
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-lo-'));
  const files: string[] = [];
  for (const [name, model] of [
    ['signed', signedIssue()],
    ['three', threePageIssue()],
    ['overflow', overflowIssue()],
    ['hostile', hostileIssue()],
  ] as const) {
    const file = path.join(dir, `${name}.docx`);
    writeFileSync(file, await renderIssueDocx(model));
    files.push(file);
  }
  // A private profile, so parallel runs (and a desktop LibreOffice) never share a lock.
  const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
  await run(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files],
    { env: loEnv(), timeout: 400_000 },
  );
}, 480_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('8-item signed issue in LibreOffice', () => {
  it('shows the series name and 第12期 on page 1, in red at the top', async () => {
    const first = squash(await pdfText('signed', 1));
    expect(first).toContain('城关县政务信息');
    expect(first).toContain('第12期（总第2045期）');
    expect(first).toContain('城关县人民政府办公室编');
    expect(first).toContain('2026年11月21日');
    expect(await redShareTopHalf('signed')).toBeGreaterThan(0.005);
  });

  it('keeps the office and the date on one line, office left and date right', async () => {
    const ws = await words('signed', 1);
    const org = ws.find((w) => w.text.includes('城关县人民政府办公室编'));
    expect(org).toBeTruthy();
    const line = ws.filter((w) => w !== org && Math.abs(w.yMax - (org?.yMax ?? 0)) < 3);
    expect(squash(line.map((w) => w.text).join(''))).toBe('2026年11月21日');
    expect(org?.xMin ?? 999).toBeLessThan(100);
    // The date ends at the right edge of the text block (the right tab stop).
    const right = (LAYOUT_PROFILE.page.width - LAYOUT_PROFILE.margins.right) * PT;
    expect(Math.max(...line.map((w) => w.xMax))).toBeGreaterThan(right - 6);
  });

  it('numbers every page — N —, odd pages on the right and even pages on the left', async () => {
    const pages = await pageCount('signed');
    expect(pages).toBeGreaterThan(4);
    for (let p = 1; p <= pages; p++) {
      expect(await pdfText('signed', p), `page ${p}`).toMatch(new RegExp(`—\\s*${p}\\s*—`));
      const number = (await words('signed', p)).filter((w) => w.yMin > blockBottomPt && w.text.includes(String(p)));
      expect(number.length, `page ${p}`).toBeGreaterThan(0);
      const x = number[0]?.xMin ?? 0;
      if (p % 2 === 1) expect(x, `page ${p}`).toBeGreaterThan(400);
      else expect(x, `page ${p}`).toBeLessThan(200);
    }
  });
});

describe('an issue sized for three pages', () => {
  it('is three pages, the colophon on the last one', async () => {
    expect(await pageCount('three')).toBe(3);
    const last = squash(await pdfText('three', 3));
    expect(last).toContain('（县农业农村局供稿）');
    expect(last).toContain('报：市政府办公室。');
    expect(last).toContain('（共印60份）');
    expect(squash(await pdfText('three', 2))).not.toContain('报：市政府办公室');
  });

  it('pins the colophon to the foot of the text block, clear of the text above', async () => {
    const ws = await words('three', 3);
    const body = ws.filter((w) => w.yMax < blockBottomPt + 2);
    const printRun = body.filter((w) => w.text.includes('份）'));
    expect(printRun.length).toBe(1);
    // The last colophon line ends within a line of the text block's lower edge …
    expect(printRun[0]?.yMax ?? 0).toBeGreaterThan(blockBottomPt - 579 * PT);
    expect(printRun[0]?.yMax ?? 0).toBeLessThanOrEqual(blockBottomPt + 2);
    // … and its first line is below the last line of the item.
    const bao = ws.find((w) => w.text.startsWith('报：'));
    const lastSource = Math.max(...ws.filter((w) => w.text.includes('供稿）')).map((w) => w.yMax));
    expect(bao).toBeTruthy();
    expect(Number.isFinite(lastSource)).toBe(true);
    expect(bao?.yMin ?? 0).toBeGreaterThan(lastSource);
  });
});

describe('a last page too full for the colophon', () => {
  it('moves the colophon to a page of its own instead of covering the text', async () => {
    expect(await pageCount('overflow')).toBe(4);
    const third = squash(await pdfText('overflow', 3));
    expect(third).toContain('（县农业农村局供稿）');
    expect(third).not.toContain('报：');
    const fourth = squash(await pdfText('overflow', 4));
    expect(fourth).toContain('报：市政府办公室。');
    expect(fourth).toContain('（共印60份）');
    const ws = await words('overflow', 4);
    const printRun = ws.find((w) => w.text.includes('份）'));
    expect(printRun?.yMax ?? 0).toBeGreaterThan(blockBottomPt - 579 * PT);
    // A page that holds only the colophon prints no number (GB/T 7.5); the pages before it do.
    expect(await pdfText('overflow', 4)).not.toMatch(/—\s*\d+\s*—/);
    expect(await pdfText('overflow', 3)).toMatch(/—\s*3\s*—/);
  });
});

describe('hostile text in LibreOffice', () => {
  it('converts, and keeps the text around the dropped characters', async () => {
    expect(await pageCount('hostile')).toBeGreaterThanOrEqual(2);
    const all = squash(await pdfText('hostile'));
    expect(all).toContain('孤立代理');
    expect(all).toContain('标记<>&"\'结束');
    expect(all).toContain('x'.repeat(200));
  });
});

/**
 * Does the pagination model predict what LibreOffice prints? A corpus of generated issues
 * (test/helpers/layout-corpus.ts) is rendered to Word, converted in ONE soffice run with the
 * project's fontconfig, and each PDF is read back page by page: the page count equals the
 * model's for ≥ 97 % of issues; no page holding only the colophon shows a number; no heading is
 * the last line of a page; no title line breaks inside a common word; the masthead's name and
 * office/date line are one line each.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueLayout } from '../src-main/api/layout-types';
import { renderIssueDocx } from '../src-main/export/docx-issue';
import { formatDate } from '../src-main/export/docx-frontback';
import { mastheadFit, officeDateFit } from '../src-main/export/front-fit';
import { LAYOUT_PROFILE } from '../src-main/export/layout-profile';
import { layoutIssue } from '../src-main/export/pagination';
import { COMMON_WORDS, corpus, type CorpusIssue } from './helpers/layout-corpus';
import { loEnv } from './helpers/lo-env';

const run = promisify(execFile);
const SEED = 20261121;
const COUNT = Number(process.env.LAYOUT_CORPUS ?? 64);

interface Result {
  issue: CorpusIssue;
  layout: IssueLayout;
  /** Text of each page, pdftotext -layout. */
  pages: string[];
}

let dir = '';
const results: Result[] = [];
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const PAGE_NO = /[—–-]\s*\d+\s*[—–-]/;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-fidelity-'));
  const issues = corpus(SEED, COUNT);
  const files: string[] = [];
  for (let i = 0; i < issues.length; i++) {
    const file = path.join(dir, `c${i}.docx`);
    writeFileSync(file, await renderIssueDocx((issues[i] as CorpusIssue).model));
    files.push(file);
  }
  const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    env: loEnv(),
    timeout: 600_000,
  });
  for (let i = 0; i < issues.length; i++) {
    const { stdout } = await run('pdftotext', ['-layout', path.join(dir, `c${i}.pdf`), '-'], { maxBuffer: 64 << 20 });
    const pages = stdout.split('\f');
    if (pages[pages.length - 1]?.trim() === '') pages.pop();
    const issue = issues[i] as CorpusIssue;
    results.push({ issue, layout: layoutIssue(issue.model), pages });
  }
}, 900_000);

afterAll(() => {
  if (dir && !process.env.KEEP_FIDELITY) rmSync(dir, { recursive: true, force: true });
});

/** A page's lines of text, without the page number line. */
const contentLines = (page: string) =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^[—–-]\s*\d+\s*[—–-]$/.test(l));

const COLOPHON_START = /^(报|送|发|本期增发)：|^签发：|^审核：|^编辑：|^（共印\d+份）/;

describe(`layout fidelity: ${COUNT} generated issues through LibreOffice`, () => {
  it('has the page count the model predicts for at least 97 % of issues', () => {
    const misses = results
      .map((r, i) => ({ i, model: r.layout.pageCount, pdf: r.pages.length }))
      .filter((x) => x.model !== x.pdf);
    const share = (results.length - misses.length) / results.length;
    expect(results.length).toBe(COUNT);
    expect(share, JSON.stringify(misses)).toBeGreaterThanOrEqual(0.97);
  });

  it('prints no number on a page that holds only the colophon', () => {
    let alone = 0;
    for (const [i, r] of results.entries()) {
      for (const page of r.pages) {
        const lines = contentLines(page);
        if (!lines.length || !COLOPHON_START.test(lines[0] ?? '')) continue;
        alone++;
        expect(PAGE_NO.test(page), `issue ${i}: ${page}`).toBe(false);
      }
    }
    expect(alone, 'the corpus has colophon-only pages to look at').toBeGreaterThan(0);
  });

  it('ends no page with a heading', () => {
    for (const [i, r] of results.entries()) {
      r.pages.forEach((page, p) => {
        const lines = contentLines(page);
        const last = squash(lines[lines.length - 1] ?? '');
        if (!last) return;
        for (const h of r.issue.headings) {
          const sh = squash(h);
          // The last line of the page is a (whole or the end of a) stand-alone heading.
          expect(last.length >= 2 && sh.endsWith(last) && lines.length > 1, `issue ${i} page ${p + 1} ends with heading ${h}`).toBe(false);
        }
      });
    }
  });

  it('breaks no title line inside a common word', () => {
    let checked = 0;
    for (const [i, r] of results.entries()) {
      const lines = r.pages.flatMap((p) => p.split('\n')).map(squash);
      for (const a of r.issue.model.articles) {
        const title = squash(a.title);
        const at = lines.findIndex((l, j) => l && title.startsWith(l) && l !== title && lines.slice(j, j + 6).join('').startsWith(title));
        if (at < 0) continue;
        let offset = 0;
        for (let j = at; offset < title.length; j++) {
          offset += lines[j]?.length ?? 0;
          if (offset >= title.length) break;
          checked++;
          for (const w of COMMON_WORDS) {
            for (let k = 1; k < w.length; k++) {
              const inside = title.slice(offset - k, offset - k + w.length) === w;
              expect(inside, `issue ${i}: “${a.title}” breaks inside ${w}: ${lines.slice(at, j + 2).join(' | ')}`).toBe(false);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('keeps the masthead name and the office/date line on one line each', () => {
    for (const [i, r] of results.entries()) {
      const s = r.issue.model.settings;
      const lines = (r.pages[0] ?? '').split('\n').map(squash);
      const date = formatDate(r.issue.model.date, s.dateStyle);
      const org = `${squash(s.org)}编`;
      const fitName = mastheadFit(s.mastheadName, LAYOUT_PROFILE);
      // Above the floor size the name is one line; below it, the two balanced lines the model chose.
      for (const part of fitName.lines) expect(lines.includes(squash(part)), `issue ${i}: masthead ${part}: ${lines.slice(0, 8).join(' | ')}`).toBe(true);
      const fit = officeDateFit(`${s.org}编`, date, LAYOUT_PROFILE);
      if (fit.dateOwnLine) {
        expect(lines.some((l) => l === org) && lines.some((l) => l === squash(date)), `issue ${i}: office / date`).toBe(true);
      } else {
        expect(lines.some((l) => l === org + squash(date)), `issue ${i}: office/date line ${lines.slice(0, 12).join(' | ')}`).toBe(true);
      }
    }
  });
});

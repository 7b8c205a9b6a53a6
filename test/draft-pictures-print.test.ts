/**
 * Issue 19: a placed picture printed by choice. With the series' 允许印发图片 off (the default)
 * the Word file holds no picture and no caption, and the pagination model counts none; on, the
 * file holds the picture's bytes as kept, framed, no wider than the text block, its caption
 * under it, and the model counts its height; the signed file keeps it. LibreOffice renders it
 * (one image on the page, the caption printed), and the PNG is written for a person to look at
 * when BD_KEEP_PNG names a folder.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyText } from '../src-main/api/text';
import { LAYOUT_PROFILE } from '../src-main/export/layout-profile';
import { fitPicture } from '../src-main/export/picture-fit';
import { openTestDb, seed, type TestDb } from './helpers/db';
import { loEnv } from './helpers/lo-env';
import { makePng, pictureDocx } from './helpers/picture-docx';

const run = promisify(execFile);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const CAPTION = '图为城关镇便民服务中心窗口';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

/** A series, an item made from a draft with a 800 × 600 picture, the picture placed, in a draft issue. */
async function issueWithPicture() {
  const { series } = await seed(t, 0);
  const png = makePng(800, 600);
  const file = path.join(t.dir, '城关镇.docx');
  fs.writeFileSync(file, await pictureDocx(png, CAPTION));
  const imported = await t.call('submissionImport', { path: file });
  const { article } = await t.call('submissionEdit', { id: imported.submission!.id });
  const { pictures } = await t.call('articlePictures', { id: article.id });
  const pic = pictures[0]!;
  const paragraphs = article.paragraphs;
  const body = [bodyText(paragraphs.slice(0, 1)), `【图片${pic.id}】${pic.caption}`, bodyText(paragraphs.slice(1))].join('\n');
  await t.call('articleEdit', { id: article.id, body });
  const issue = await t.call('issueCreate', { series: series.id, date: '2026-03-02' });
  await t.call('issueAddArticles', { id: issue.id, articleIds: [article.id] });
  return { series, png, issue, article, pic };
}

async function unzipDocx(base64: string): Promise<{ names: string[]; media: Buffer[]; xml: string; file: string }> {
  const file = path.join(t.dir, `f${crypto.randomUUID()}.docx`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  const names = (await run('unzip', ['-Z1', file])).stdout.split('\n').filter(Boolean);
  const media = [];
  for (const n of names.filter((x) => x.startsWith('word/media/'))) media.push((await run('unzip', ['-p', file, n], { encoding: 'buffer' })).stdout);
  const xml = (await run('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 64 << 20 })).stdout;
  return { names, media, xml, file };
}

describe('printed by choice', () => {
  it('off by default: no picture, no caption in the Word file or the pages; the editor is told', async () => {
    const { issue, article } = await issueWithPicture();
    expect((await t.call('articlePictures', { id: article.id })).issue).toMatchObject({ allowPictures: false });
    const doc = await unzipDocx((await t.call('issueDocx', { id: issue.id })).base64);
    expect(doc.media).toEqual([]);
    expect(doc.xml).not.toContain('<w:drawing');
    expect(doc.xml).not.toContain(CAPTION);
    expect(doc.xml).toContain('一扇门');
    const layout = await t.call('issueLayout', { id: issue.id });
    expect(layout.pages.flatMap((p) => p.lines).some((l) => l.kind === 'picture' || l.kind === 'picture-caption')).toBe(false);
  });

  it('on: the picture’s bytes as kept, framed, within the text block, its caption under it; the model counts its height; the signed file keeps it', async () => {
    const { series, png, issue, article, pic } = await issueWithPicture();
    await t.call('seriesPicturesSet', { series: series.id, allow: true });
    const doc = await unzipDocx((await t.call('issueDocx', { id: issue.id })).base64);
    expect(doc.media).toHaveLength(1);
    expect(sha(doc.media[0]!)).toBe(sha(png));
    expect(doc.xml).toContain(CAPTION);
    expect(doc.xml).toContain('<a:ln'); // the frame
    const ext = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(doc.xml)!;
    const blockEmu = ((LAYOUT_PROFILE.page.width - LAYOUT_PROFILE.margins.left - LAYOUT_PROFILE.margins.right) / 20) * 12700;
    expect(Number(ext[1])).toBeLessThanOrEqual(blockEmu);
    expect(Number(ext[2]) / Number(ext[1])).toBeCloseTo(600 / 800, 2);
    // The caption comes after the picture, in the caption's font.
    expect(doc.xml.indexOf(CAPTION)).toBeGreaterThan(doc.xml.indexOf('<w:drawing'));

    const lines = (await t.call('issueLayout', { id: issue.id })).pages.flatMap((p) => p.lines);
    const picture = lines.find((l) => l.kind === 'picture')!;
    const fit = fitPicture({ width: 800, height: 600 }, CAPTION, LAYOUT_PROFILE);
    expect(picture).toMatchObject({ height: fit.lines, picture: { id: pic.id } });
    expect(fit.lines).toBeGreaterThan(5);
    expect(lines.find((l) => l.kind === 'picture-caption')!.text).toBe(CAPTION);

    await t.call('issueSubmit', { id: issue.id });
    await t.call('issueSign', { id: issue.id, signedBy: '张某某' });
    const signed = await unzipDocx((await t.call('issueDocx', { id: issue.id })).base64);
    expect(sha(signed.media[0]!)).toBe(sha(png));
    // The printed item refers to the picture: it is kept for good.
    expect(() => t.db.prepare('DELETE FROM draft_pictures WHERE id = ?').run(pic.id)).toThrow(/FROZEN/);
    expect((await t.refuse('articleEdit', { id: article.id, body: '改动。' })).code).toBe('FROZEN');
  });

  it('a picture with no caption still prints a caption line (图1)', async () => {
    const { series, issue, article, pic } = await issueWithPicture();
    await t.call('seriesPicturesSet', { series: series.id, allow: true });
    const a = await t.call('articleGet', { id: article.id });
    const body = bodyText(a.paragraphs).replace(`【图片${pic.id}】${pic.caption}`, `【图片${pic.id}】`);
    const edited = await t.call('articleEdit', { id: article.id, body });
    expect(edited.paragraphs.find((p) => p.picture)).toEqual({ level: 0, text: '（图片）', picture: { id: pic.id, caption: '' } });
    const doc = await unzipDocx((await t.call('issueDocx', { id: issue.id })).base64);
    expect(doc.media).toHaveLength(1);
    expect(doc.xml).toContain('>图1<');
  });

  it('LibreOffice renders the picture on the page with its caption', async () => {
    const { series, issue } = await issueWithPicture();
    await t.call('seriesPicturesSet', { series: series.id, allow: true });
    const doc = await unzipDocx((await t.call('issueDocx', { id: issue.id })).base64);
    const dir = path.dirname(doc.file);
    const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, doc.file], { env: loEnv(), timeout: 300_000 });
    const pdf = doc.file.replace(/\.docx$/, '.pdf');
    const images = (await run('pdfimages', ['-list', pdf])).stdout.split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/\b800\s+600\b/);
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/\s+/g, '');
    expect(text).toContain(CAPTION);
    expect(text).toContain('一窗通办');
    if (process.env.BD_KEEP_PNG) await run('pdftoppm', ['-png', '-r', '60', pdf, path.join(process.env.BD_KEEP_PNG, 'picture')]);
  }, 320_000);
});

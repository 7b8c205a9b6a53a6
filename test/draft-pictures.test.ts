/**
 * Issue 19: a draft's pictures kept with the draft, byte for byte, in the registering
 * transaction; listed and handed out by the API; placed in an item only from its own draft;
 * frozen with a signed issue; refusals leave the database byte-identical.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';
import { makePng, pictureDocx } from './helpers/picture-docx';
import { bodyText, parseBody } from '../src-main/api/text';

const DIR = path.resolve('node_modules/mammoth/test/test-data');
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

async function importFile(file: string) {
  const r = await t.call('submissionImport', { path: file, allowDuplicate: true });
  if (r.status !== 'imported' || !r.submission) throw new Error(`${file}: ${r.status} ${r.reason ?? ''}`);
  return r.submission;
}

describe('kept with the draft', () => {
  it('mammoth test pictures: sha256 read back equals the image part inside the .docx zip', async () => {
    for (const f of ['tiny-picture.docx', 'tiny-picture-target-base-relative.docx']) {
      const file = path.join(DIR, f);
      const s = await importFile(file);
      expect(s.title).toMatch(/^图片稿/);
      // The image part as the zip holds it, read by an outside tool.
      const part = execFileSync('unzip', ['-p', file, 'word/media/image1.png']);
      expect(part.length).toBe(110);
      const list = await t.call('submissionPictures', { id: s.id });
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ position: 1, contentType: 'image/png', width: 10, height: 10, printable: true, sha256: sha(part) });
      const got = await t.call('pictureGet', { id: list[0]!.id });
      expect(got.contentType).toBe('image/png');
      expect(sha(Buffer.from(got.base64, 'base64'))).toBe(sha(part));
      expect(Buffer.from(got.base64, 'base64').equals(fs.readFileSync(path.join(DIR, 'tiny-picture.png')))).toBe(true);
    }
  });

  it('a picture with its caption, among text; the browser upload keeps it too', async () => {
    const png = makePng(400, 300);
    const docx = await pictureDocx(png);
    const file = path.join(t.dir, '城关镇便民服务.docx');
    fs.writeFileSync(file, docx);
    const s = await importFile(file);
    expect(s.title).toBe('城关镇推行便民服务“一窗通办”');
    const [p] = await t.call('submissionPictures', { id: s.id });
    expect(p).toMatchObject({ caption: '图为城关镇便民服务中心窗口', width: 400, height: 300, sha256: sha(png), size: png.length });
    const up = await t.call('submissionUpload', { fileName: '再传一次.docx', base64: docx.toString('base64'), allowDuplicate: true });
    expect(up.status).toBe('imported');
    expect((await t.call('submissionPictures', { id: up.submission!.id }))[0]!.sha256).toBe(sha(png));
  });

  it('a text file or a typed draft has no pictures; a refused import keeps none', async () => {
    const txt = path.join(t.dir, 'a.txt');
    fs.writeFileSync(txt, '标题\n正文一段。\n正文二段。');
    const s = await importFile(txt);
    expect(await t.call('submissionPictures', { id: s.id })).toEqual([]);
    // A duplicate refused: nothing of it stored, pictures included.
    const docx = path.join(t.dir, 'p.docx');
    fs.writeFileSync(docx, await pictureDocx(makePng(40, 30)));
    await importFile(docx);
    const before = snapshotAll(t.db);
    const again = await t.call('submissionImport', { path: docx });
    expect(again.status).toBe('duplicate');
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('the schema keeps pictures as received: no update, no replace, bad rows refused', async () => {
    await seed(t, 0);
    const s = await importFile(path.join(DIR, 'tiny-picture.docx'));
    const [p] = await t.call('submissionPictures', { id: s.id });
    const before = snapshotAll(t.db);
    const bad = [
      () => t.db.prepare("UPDATE draft_pictures SET caption = 'x' WHERE id = ?").run(p!.id),
      () => t.db.prepare('UPDATE draft_pictures SET bytes = ? WHERE id = ?').run(Buffer.from('x'), p!.id),
      () =>
        t.db
          .prepare("REPLACE INTO draft_pictures (id, submission_id, position, content_type, bytes, sha256, caption, created_at) VALUES (?, ?, 1, 'image/png', ?, ?, '', 'x')")
          .run(p!.id, s.id, Buffer.from('x'), sha(Buffer.from('x'))),
      () =>
        t.db
          .prepare("INSERT INTO draft_pictures (submission_id, position, content_type, bytes, sha256, created_at) VALUES (?, 2, 'image/svg+xml', ?, ?, 'x')")
          .run(s.id, Buffer.from('<svg/>'), sha(Buffer.from('<svg/>'))),
      () =>
        t.db
          .prepare("INSERT INTO draft_pictures (submission_id, position, content_type, bytes, sha256, created_at) VALUES (?, 2, 'image/png', ?, 'abc', 'x')")
          .run(s.id, Buffer.from('x')),
      () => t.db.prepare("UPDATE series SET allow_pictures = 2").run(),
    ];
    for (const f of bad) expect(f).toThrow();
    expect(snapshotAll(t.db)).toEqual(before);
  });
});

describe('placed in an item', () => {
  async function itemWithPicture() {
    const file = path.join(t.dir, 'p.docx');
    fs.writeFileSync(file, await pictureDocx(makePng(400, 300)));
    const s = await importFile(file);
    const { article } = await t.call('submissionEdit', { id: s.id });
    const { pictures } = await t.call('articlePictures', { id: article.id });
    return { s, article, picture: pictures[0]! };
  }

  it('the editor line round-trips; the item places its draft’s picture and removes it', async () => {
    const { article, picture } = await itemWithPicture();
    const body = `${bodyText(article.paragraphs)}\n【图片${picture.id}】${picture.caption}`;
    const ps = parseBody(body);
    expect(ps[ps.length - 1]).toEqual({ level: 0, text: picture.caption, picture: { id: picture.id, caption: picture.caption } });
    expect(bodyText(ps)).toBe(body);
    const placed = await t.call('articleEdit', { id: article.id, body });
    expect(placed.paragraphs.filter((p) => p.picture)).toHaveLength(1);
    const removed = await t.call('articleEdit', { id: article.id, body: bodyText(article.paragraphs) });
    expect(removed.paragraphs.some((p) => p.picture)).toBe(false);
  });

  it('another draft’s picture, or one that does not exist, is refused and nothing changes', async () => {
    const { article, picture } = await itemWithPicture();
    const other = await importFile(path.join(DIR, 'tiny-picture.docx'));
    const [foreign] = await t.call('submissionPictures', { id: other.id });
    const before = snapshotAll(t.db);
    for (const id of [foreign!.id, picture.id + 1000]) {
      const e = await t.refuse('articleEdit', { id: article.id, body: `正文。\n【图片${id}】说明` });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toContain(`【图片${id}】`);
    }
    const e = await t.refuse('articleAdd', { title: '新信息', body: `正文。\n【图片${picture.id}】说明` });
    expect(e.code).toBe('INVALID_INPUT');
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('signed: the draft’s pictures can no longer be deleted or added to', async () => {
    const { series } = await seed(t, 0);
    const { s, article, picture } = await itemWithPicture();
    await t.call('articleEdit', { id: article.id, body: `${bodyText(article.paragraphs)}\n【图片${picture.id}】${picture.caption}` });
    await publish(t, series.id, [article.id], '2026-03-02');
    const before = snapshotAll(t.db);
    expect(() => t.db.prepare('DELETE FROM draft_pictures WHERE id = ?').run(picture.id)).toThrow(/FROZEN/);
    expect(() =>
      t.db
        .prepare("INSERT INTO draft_pictures (submission_id, position, content_type, bytes, sha256, created_at) VALUES (?, 9, 'image/png', ?, ?, 'x')")
        .run(s.id, Buffer.from('x'), sha(Buffer.from('x'))),
    ).toThrow(/FROZEN/);
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('the series setting is off by default, set and read through the API', async () => {
    const { series } = await seed(t, 0);
    expect(await t.call('seriesPicturesGet', { series: series.id })).toMatchObject({ allowPictures: false });
    expect(await t.call('seriesPicturesSet', { series: series.id, allow: true })).toMatchObject({ allowPictures: true });
    expect((await t.refuse('seriesPicturesSet', { series: 999, allow: true })).code).toBe('NOT_FOUND');
  });
});

describe('what leaves the desk', () => {
  it('a packet carries the text, not this database’s picture ids; a pictures-only body keeps its captions', async () => {
    const { withoutPictures } = await import('../src-main/api/body-pictures');
    const text = { level: 0 as const, text: '正文。' };
    const pic = { level: 0 as const, text: '图1 现场', picture: { id: 7, caption: '图1 现场' } };
    expect(withoutPictures([text, pic])).toEqual([text]);
    expect(withoutPictures([pic])).toEqual([{ level: 0, text: '图1 现场' }]);
  });
});

/**
 * The editor's scratch store (draftSave / draftList / draftClear): kept in a file beside the
 * database, read back by a new connection (as after a crash), cleared on save, never in the
 * database or its audit trail; a refused call changes nothing.
 */
import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { createCtx } from '../src-main/services/context';
import { dispatch } from '../src-main/wiring/dispatch';
import { openDatabase } from '../src-main/store/db';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';

let t: TestDb;
afterEach(() => t?.close());

const fields = (title: string, body: string) => ({ title, body, unit: null, category: 'news' as const, classification: 'public' as const });

it('keeps a typed text beside the database, readable after the window is gone, and clears it', async () => {
  t = openTestDb();
  const before = snapshotAll(t.db);
  await t.call('draftSave', { key: 'article:new', fields: fields('', '今年以来，城关镇……') });
  await t.call('draftSave', { key: 'article:new', fields: fields('', '今年以来，城关镇加快推进老旧小区改造') });
  await t.call('draftSave', { key: 'article:7', fields: fields('白沙镇动态', '正文') });
  // Not a record: the database (and its audit trail) is untouched.
  expect(snapshotAll(t.db)).toEqual(before);
  const file = `${t.file}.drafts.json`;
  expect(fs.existsSync(file)).toBe(true);
  expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

  // A crash: the connection is dropped without a word; a new one finds the last text kept.
  t.db.close();
  const again = createCtx(openDatabase(t.file));
  const list = await dispatch(again, 'draftList', {});
  expect(list.map((d) => d.key).sort()).toEqual(['article:7', 'article:new']);
  expect(list.find((d) => d.key === 'article:new')!.fields.body).toBe('今年以来，城关镇加快推进老旧小区改造');

  expect(await dispatch(again, 'draftClear', { key: 'article:new' })).toEqual({ key: 'article:new', cleared: true });
  expect(await dispatch(again, 'draftClear', { key: 'article:new' })).toEqual({ key: 'article:new', cleared: false });
  expect((await dispatch(again, 'draftList', {})).map((d) => d.key)).toEqual(['article:7']);
  await dispatch(again, 'draftClear', { key: 'article:7' });
  // Nothing kept: no file left behind.
  expect(fs.existsSync(file)).toBe(false);
  again.db.close();
});

it('refuses a malformed key or field and changes nothing', async () => {
  t = openTestDb();
  await t.call('draftSave', { key: 'article:3', fields: fields('标题', '正文') });
  const file = `${t.file}.drafts.json`;
  const kept = fs.readFileSync(file);
  const before = snapshotAll(t.db);
  for (const bad of [
    { key: '../../etc/passwd', fields: fields('a', 'b') },
    { key: 'article:0', fields: fields('a', 'b') },
    { key: 'issue:3', fields: fields('a', 'b') },
    { key: 'article:new', fields: { ...fields('a', 'b'), category: 'gossip' } },
    { key: 'article:new', fields: { ...fields('a', 'b'), extra: 1 } },
    { key: 'article:new', fields: fields('a', 'x'.repeat(200_001)) },
  ]) {
    const e = await t.refuse('draftSave', bad);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/输入有误/);
  }
  expect((await t.refuse('draftClear', { key: 'article:abc' })).code).toBe('INVALID_INPUT');
  expect(fs.readFileSync(file)).toEqual(kept);
  expect(snapshotAll(t.db)).toEqual(before);
});

it('keeps half-typed text as it is, even what a save would refuse', async () => {
  t = openTestDb();
  // An emoji or an empty title are refused by articleAdd, but the scratch store keeps them to be fixed.
  await t.call('draftSave', { key: 'article:new', fields: fields('', '👍 好') });
  expect((await t.call('draftList', {}))[0]!.fields.body).toBe('👍 好');
});

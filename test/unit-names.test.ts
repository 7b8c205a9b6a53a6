/**
 * Units' short names and aliases (简称/别称): unique across every unit's names (in the service,
 * with a message naming the holder, and in the schema), one resolver for every unit reference
 * (API filters, search, import's guess from a file name), and the `bulletin unit` and `--unit`
 * options of the command.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { findUnitRow } from '../src-main/services/units';
import { APPLICATION_ID, openDatabase } from '../src-main/store/db';
import { MIGRATIONS } from '../src-main/store/migrations';
import { cli } from './helpers/cli';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';
import { encodeGbk } from './helpers/intake-files';

let t: TestDb;
beforeEach(() => {
  t = openTestDb({ now: () => new Date('2026-11-21T02:00:00Z') });
});
afterEach(() => t.close());

const DRAFT = encodeGbk('全县重点项目建设进展情况\r\n今年以来，全县重点项目完成投资20.5亿元。\r\n一、主要做法');

describe('short names and aliases', () => {
  it('are kept, listed, changed and cleared', async () => {
    const u = await t.call('unitAdd', { name: '县发展和改革局', shortName: '县发改局', aliases: ['发改局', '县发改委'] });
    expect(u).toMatchObject({ name: '县发展和改革局', kind: 'department', shortName: '县发改局', aliases: ['县发改委', '发改局'].sort((a, b) => a.localeCompare(b, 'zh-CN')) });
    expect((await t.call('unitList', {}))[0]).toEqual(u);
    const renamed = await t.call('unitUpdate', { unit: '县发改局', name: '县发展改革局', aliases: ['发改局'] });
    expect(renamed).toMatchObject({ id: u.id, name: '县发展改革局', shortName: '县发改局', aliases: ['发改局'] });
    // the old full name is free again; the alias now answers for the unit
    expect((await t.call('unitAdd', { name: '县发展和改革局' })).name).toBe('县发展和改革局');
    const cleared = await t.call('unitUpdate', { unit: u.id, shortName: '', aliases: [] });
    expect(cleared).toMatchObject({ shortName: null, aliases: [] });
    // renamed to what was its own alias, dropping the alias in the same change
    await t.call('unitUpdate', { unit: u.id, aliases: ['发改局'] });
    expect(await t.call('unitUpdate', { unit: u.id, name: '发改局', aliases: [] })).toMatchObject({ name: '发改局', aliases: [] });
  });

  it('typed as one line, are split at 、 ， and ；, as the 设置 page asks', async () => {
    const u = await t.call('unitAdd', { name: '县发展和改革局', aliases: '发改局、县发改委；发改' as never });
    expect([...u.aliases].sort()).toEqual(['县发改委', '发改', '发改局'].sort());
    const changed = await t.call('unitUpdate', { unit: u.id, aliases: '县发改委，发改局' as never });
    expect([...changed.aliases].sort()).toEqual(['县发改委', '发改局'].sort());
  });

  it('are unique across all units’ names, short names and aliases, the refusal naming the holder and changing nothing', async () => {
    const ndrc = await t.call('unitAdd', { name: '县发展和改革局', shortName: '县发改局', aliases: ['发改局'] });
    const town = await t.call('unitAdd', { name: '城关镇' });
    const before = snapshotAll(t.db);
    const cases: [string, unknown, RegExp][] = [
      ['unitAdd', { name: '县发改局' }, /“县发改局”已是来稿单位“县发展和改革局”的简称，不能再作为“县发改局”的名称/],
      ['unitAdd', { name: '县财政局', shortName: '发改局' }, /“发改局”已是来稿单位“县发展和改革局”的别称/],
      ['unitAdd', { name: '县财政局', aliases: ['城关镇'] }, /已有名为“城关镇”的来稿单位，不能再作为“县财政局”的别称/],
      ['unitAdd', { name: '县财政局', shortName: '财政局', aliases: ['财政局'] }, /同时填作了本单位的简称和别称/],
      ['unitUpdate', { unit: town.id, aliases: ['县发改局'] }, /县发展和改革局/],
      ['unitUpdate', { unit: town.id, name: '发改局' }, /“发改局”已是来稿单位“县发展和改革局”的别称/],
      ['unitUpdate', { unit: ndrc.id, name: '发改局' }, /同时填作了本单位的名称和别称/],
      ['unitUpdate', { unit: '河口乡', shortName: '河口' }, /没有名称、简称或别称为“河口乡”/],
    ];
    for (const [op, input, message] of cases) {
      const e = await t.refuse(op as 'unitAdd', input);
      expect(e.code === 'CONFLICT' || e.code === 'NOT_FOUND').toBe(true);
      expect(e.message).toMatch(message);
    }
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('are unique in the schema itself, whatever writes to it', () => {
    const now = '2026-11-21T02:00:00Z';
    t.db.prepare("INSERT INTO units (name, created_at, updated_at) VALUES ('县发展和改革局', ?, ?)").run(now, now);
    const id = (t.db.prepare("SELECT id FROM units WHERE name = '县发展和改革局'").get() as { id: number }).id;
    t.db.prepare("INSERT INTO unit_names (name, unit_id, kind) VALUES ('县发改局', ?, 'short')").run(id);
    expect(() => t.db.prepare("INSERT INTO units (name, created_at, updated_at) VALUES ('县发改局', ?, ?)").run(now, now)).toThrow(/UNIQUE/);
    expect(() => t.db.prepare("INSERT INTO unit_names (name, unit_id, kind) VALUES ('县发改委', ?, 'short')").run(id)).toThrow(/UNIQUE/);
    expect(() => t.db.prepare("UPDATE unit_names SET name = '别的' WHERE kind = 'name'").run()).toThrow(/units.name/);
    t.db.prepare("UPDATE units SET name = '县发展改革局' WHERE id = ?").run(id);
    expect(t.db.prepare("SELECT name FROM unit_names WHERE unit_id = ? AND kind = 'name'").get(id)).toEqual({ name: '县发展改革局' });
  });

  it('resolve a unit everywhere a unit is named: lists, search, the import guess', async () => {
    const ndrc = await t.call('unitAdd', { name: '县发展和改革局', shortName: '县发改局', aliases: ['发改局'] });
    await t.call('unitAdd', { name: '城关镇' });
    const file = path.join(t.dir, '县发改局-关于重点项目建设进展的情况.txt');
    fs.writeFileSync(file, DRAFT);
    const scan = await t.call('submissionScan', { folder: t.dir });
    expect(scan.files.find((f) => f.path === file)?.guessedUnit).toEqual({ id: ndrc.id, name: '县发展和改革局' });
    const imported = await t.call('submissionImport', { path: file });
    expect(imported).toMatchObject({ status: 'imported', guessedUnit: '县发展和改革局', submission: { unitId: ndrc.id } });
    const aliasFile = path.join(t.dir, '【发改局】项目进展.txt');
    fs.writeFileSync(aliasFile, encodeGbk('另一份稿件\r\n发改局报送的项目储备情况，完全不同的文字。'));
    expect((await t.call('submissionImport', { path: aliasFile })).submission?.unitId).toBe(ndrc.id);

    for (const ref of ['县发改局', '发改局', '县发展和改革局', ndrc.id]) {
      expect((await t.call('submissionList', { unit: ref })).rows.length).toBe(2);
      const hits = await t.call('search', { query: '项目', unit: ref });
      expect(hits.hits.length).toBe(2);
    }
    const art = await t.call('articleAdd', { title: '一条信息', body: '正文。', unit: '县发改局' });
    expect(art.unitId).toBe(ndrc.id);
    expect((await t.call('articleList', { unit: '发改局' })).rows.map((a) => a.id)).toEqual([art.id]);
  });
});

describe('the migration', () => {
  it('gives the units of an older database their full names in unit_names', () => {
    const file = path.join(t.dir, 'older.db');
    const mine = MIGRATIONS.findIndex((m) => m.name === 'unit short names and aliases');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    for (const m of MIGRATIONS.slice(0, mine)) {
      raw.exec(m.sql);
      m.after?.(raw);
    }
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${mine}`);
    const now = '2026-01-05T00:00:00.000Z';
    for (const name of ['城关镇', '县发展和改革局']) raw.prepare('INSERT INTO units (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, now, now);
    raw.close();
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT name, unit_id, kind FROM unit_names ORDER BY unit_id').all()).toEqual([
        { name: '城关镇', unit_id: 1, kind: 'name' },
        { name: '县发展和改革局', unit_id: 2, kind: 'name' },
      ]);
    } finally {
      db.close();
    }
  });
});

describe('the one-name-one-unit rule under random histories', () => {
  const POOL = ['县发展和改革局', '县发改局', '发改局', '城关镇', '城关', '河口乡', '河口', '县住建局'];
  const name = fc.constantFrom(...POOL);
  const names = fc.array(name, { maxLength: 3 });
  const command = fc.oneof(
    fc.record({ op: fc.constant('add' as const), name, shortName: fc.option(name, { nil: undefined }), aliases: names }),
    fc.record({
      op: fc.constant('update' as const),
      which: fc.nat(5),
      name: fc.option(name, { nil: undefined }),
      shortName: fc.option(fc.oneof(name, fc.constant('')), { nil: undefined }),
      aliases: fc.option(names, { nil: undefined }),
    }),
  );
  interface Model {
    id: number;
    name: string;
    shortName: string | null;
    aliases: string[];
  }
  const all = (m: Model) => [m.name, ...(m.shortName ? [m.shortName] : []), ...m.aliases];
  const table = () => ({ units: t.db.prepare('SELECT * FROM units ORDER BY id').all(), names: t.db.prepare('SELECT * FROM unit_names ORDER BY name').all() });

  it('accepts a change exactly when no name would be held twice; refusals change nothing; every name finds its unit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        t.close();
        t = openTestDb({ now: () => new Date('2026-11-21T02:00:00Z') });
        const model: Model[] = [];
        for (const c of commands) {
          const target = c.op === 'update' ? model[c.which % Math.max(model.length, 1)] : undefined;
          if (c.op === 'update' && !target) continue;
          const next: Model =
            c.op === 'add'
              ? { id: 0, name: c.name, shortName: c.shortName ?? null, aliases: c.aliases }
              : { ...target!, name: c.name ?? target!.name, shortName: c.shortName === undefined ? target!.shortName : c.shortName || null, aliases: c.aliases ?? target!.aliases };
          const wanted = all(next);
          const others = new Set(model.filter((m) => m !== target).flatMap(all));
          const ok = new Set(wanted).size === wanted.length && wanted.every((n) => !others.has(n));
          const before = table();
          const call =
            c.op === 'add'
              ? t.call('unitAdd', { name: c.name, ...(c.shortName ? { shortName: c.shortName } : {}), aliases: c.aliases })
              : t.call('unitUpdate', { unit: target!.id, ...(c.name ? { name: c.name } : {}), ...(c.shortName !== undefined ? { shortName: c.shortName } : {}), ...(c.aliases ? { aliases: c.aliases } : {}) });
          const result = await call.then(
            (u) => u,
            (e: unknown) => e as Error,
          );
          if (ok) {
            expect(result).not.toBeInstanceOf(Error);
            const u = result as { id: number };
            if (target) Object.assign(target, next);
            else model.push({ ...next, id: u.id });
          } else {
            expect(result).toBeInstanceOf(Error);
            expect((result as Error).message).toMatch(/不能再作为|请只保留一处/);
            expect(table()).toEqual(before);
          }
        }
        const listed = await t.call('unitList', { includeInactive: true });
        expect(listed.map((u) => ({ id: u.id, name: u.name, shortName: u.shortName, aliases: [...u.aliases].sort() }))).toEqual(
          model.map((m) => ({ ...m, aliases: [...m.aliases].sort() })),
        );
        const every = listed.flatMap((u) => [u.name, ...(u.shortName ? [u.shortName] : []), ...u.aliases]);
        expect(new Set(every).size).toBe(every.length);
        for (const m of model) for (const n of all(m)) expect(findUnitRow(t.ctx, n).id).toBe(m.id);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe('bulletin unit and --unit', () => {
  it('adds, updates and lists short names and aliases, and takes them for --unit', async () => {
    const db = path.join(t.dir, 'cli.db');
    const add = await cli(db, 'unit', 'add', '--name', '县发展和改革局', '--short-name', '县发改局', '--alias', '发改局', '--alias', '县发改委');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/县发展和改革局（县直部门） 简称：县发改局 别称：/);
    const taken = await cli(db, 'unit', 'add', '--name', '县财政局', '--alias', '发改局');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/“发改局”已是来稿单位“县发展和改革局”的别称/);
    expect((await cli(db, 'unit', 'update', '县发改局', '--alias', '发改局')).stdout).toMatch(/别称：发改局$/);
    const list = await cli(db, '--json', 'unit', 'list');
    expect(list.json()).toMatchObject([{ name: '县发展和改革局', shortName: '县发改局', aliases: ['发改局'] }]);
    expect((await cli(db, 'unit', 'update', '发改局', '--alias', '')).stdout).not.toMatch(/别称/);

    const usb = path.join(t.dir, 'usb');
    fs.mkdirSync(usb);
    fs.writeFileSync(path.join(usb, '县发改局-关于重点项目建设进展的情况.txt'), DRAFT);
    const imp = await cli(db, 'import', usb);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/县发展和改革局（按文件名判断）/);
    const byShort = await cli(db, '--json', 'submission', 'list', '--unit', '县发改局');
    expect((byShort.json() as unknown[]).length).toBe(1);
    const search = await cli(db, '--json', 'search', '项目', '--unit', '县发改局');
    expect((search.json() as unknown[]).length).toBe(1);
    await cli(db, 'submission', 'add', '--title', '没有单位的来稿', '--body', '正文。');
    expect((await cli(db, 'submission', 'count')).stdout).toMatch(/共登记来稿 2 份，其中未填单位 1 份/);
    const loose = (await cli(db, '--json', 'submission', 'list', '--without-unit')).json() as { id: number; title: string }[];
    expect(loose.map((s) => s.title)).toEqual(['没有单位的来稿']);

    const noReason = await cli(db, 'submission', 'correct', String(loose[0]!.id), '--unit', '县发改局');
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/更正原因/);
    const fixed = await cli(db, 'submission', 'correct', String(loose[0]!.id), '--unit', '县发改局', '--received', '2026-11-19', '--reason', '漏填单位');
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/已更正来稿 #\d+：来稿单位、收稿日期/);
    expect((await cli(db, 'submission', 'count')).stdout).toMatch(/其中未填单位 0 份/);
  });
});

/**
 * The `bulletin` command runs its program through V8's code cache (src-main/cli/code-cache.ts):
 * the first run stores what V8 compiled in the user's cache folder, later runs load it. The cache
 * must never change what a command does: a missing, damaged, cut, refused or unwritable cache
 * only means compiling as usual. No timing here (`npm run bench -- --only startup` measures it).
 */
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFolder, cacheName, readCache, runCached, writeCache } from '../src-main/cli/code-cache';
import { tempDir } from './helpers/db';

const BIN = path.resolve('bin/bulletin.cjs');
const BUNDLE = path.resolve('dist/main/cli-main.cjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const d = tempDir('bulletin-code-cache-');
  dirs.push(d);
  return d;
}

/** The cache file of program `stem` in `folder` (fails when there is not exactly one). */
function onlyCacheFileNamed(folder: string, stem: string): string {
  const names = fs.readdirSync(folder).filter((n) => n.startsWith(`${stem}-`));
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(new RegExp(`^${stem}-[0-9a-f]{24}\\.v8$`));
  return path.join(folder, names[0]!);
}

/** The command's cache file, alone in `folder` (nothing else, no temporary file left). */
function onlyCacheFile(folder: string): string {
  expect(fs.readdirSync(folder)).toHaveLength(1);
  return onlyCacheFileNamed(folder, 'cli-main');
}

// In one process V8 may answer a second compile of the same source from its own memory, so
// whether V8 refuses a file is checked with the built command below, one process per run.
describe('runCached: a small program, run as CommonJS through the cache', () => {
  type Seen = { runs: number; dirname: string; filename: string; helper: string; exportsIsThis: boolean };
  const seen = (): Seen => (globalThis as unknown as { __codeCacheTest: Seen }).__codeCacheTest;

  /** A program that requires a file beside it and records what it saw. */
  function program(dir: string, extra = ''): string {
    fs.writeFileSync(path.join(dir, 'helper.cjs'), "module.exports = '旁边的文件';\n");
    const file = path.join(dir, 'prog.cjs');
    fs.writeFileSync(
      file,
      `"use strict";
const g = globalThis.__codeCacheTest ??= { runs: 0 };
g.runs += 1;
g.dirname = __dirname;
g.filename = __filename;
g.helper = require('./helper.cjs');
g.exportsIsThis = this === module.exports && exports === module.exports;
function work(n) { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; }
work(1000);
${extra}
`,
    );
    return file;
  }

  afterEach(() => {
    delete (globalThis as { __codeCacheTest?: unknown }).__codeCacheTest;
  });

  it('the first run compiles and stores; the next one loads from the cache; both run the program alike', () => {
    const dir = scratch();
    const file = program(dir);
    const folder = path.join(dir, 'cache', 'deeper');
    const first = runCached(file, folder);
    expect(first.fromCache).toBe(false);
    expect(fs.existsSync(folder)).toBe(false);
    first.save();
    const cached = onlyCacheFileNamed(folder, 'prog');
    expect(readCache(cached)).toBeDefined();

    const second = runCached(file, folder);
    expect(second.fromCache).toBe(true);
    const inode = fs.statSync(cached).ino;
    second.save(); // nothing to store: the file stays as it was
    expect(fs.statSync(cached).ino).toBe(inode);
    expect(seen()).toEqual({ runs: 2, dirname: dir, filename: file, helper: '旁边的文件', exportsIsThis: true });
  });

  it('a damaged, cut or empty cache file is not used, the program runs, and a good one replaces it', () => {
    const dir = scratch();
    const file = program(dir);
    const folder = path.join(dir, 'cache');
    runCached(file, folder).save();
    const cached = onlyCacheFileNamed(folder, 'prog');
    const good = fs.readFileSync(cached);
    const flipped = Buffer.from(good);
    flipped[flipped.length >> 1]! ^= 0x40;
    const damages: Array<[string, Buffer]> = [
      ['one byte changed', flipped],
      ['cut short', good.subarray(0, good.length - 100)],
      ['only part of the checksum', good.subarray(0, 20)],
      ['empty', Buffer.alloc(0)],
    ];
    let runs = 1;
    for (const [what, bytes] of damages) {
      fs.writeFileSync(cached, bytes);
      const run = runCached(file, folder);
      runs += 1;
      expect(run.fromCache, what).toBe(false);
      expect(seen().runs, what).toBe(runs);
      run.save();
      expect(readCache(cached), what).toBeDefined();
      const again = runCached(file, folder);
      runs += 1;
      expect(again.fromCache, what).toBe(true);
    }
    expect(seen().helper).toBe('旁边的文件');
  });

  it('a cache folder that cannot be made or written only means no cache; none at all when the folder is null', () => {
    const dir = scratch();
    const file = program(dir);
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const run = runCached(file, path.join(blocker, 'cache'));
    expect(() => run.save()).not.toThrow();
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder');
    const none = runCached(file, null);
    expect(none.fromCache).toBe(false);
    none.save();
    expect(fs.readdirSync(dir).sort()).toEqual(['a-file', 'helper.cjs', 'prog.cjs']);
    expect(seen().runs).toBe(2);
  });

  it('another build of the program (even of the same length) never meets an old cache; the newest three builds are kept', () => {
    const dir = scratch();
    const folder = path.join(dir, 'cache');
    const otherProgram = path.join(dir, 'other.cjs');
    fs.writeFileSync(otherProgram, 'globalThis.__codeCacheOther = 1;\n');
    runCached(otherProgram, folder).save(); // another program's cache is left alone
    const base = Date.now() / 1000 - 100;
    const names: string[] = [];
    for (let version = 1; version <= 5; version++) {
      const file = program(dir, `g.version = ${version};`);
      const before = new Set(fs.readdirSync(folder));
      const run = runCached(file, folder);
      expect(run.fromCache, `build ${version}`).toBe(false);
      expect((seen() as unknown as { version: number }).version).toBe(version);
      run.save();
      const made = fs.readdirSync(folder).find((n) => n.startsWith('prog-') && !before.has(n))!;
      expect(made, `build ${version} stored`).toBeDefined();
      fs.utimesSync(path.join(folder, made), base + version, base + version);
      names.push(made);
    }
    expect(new Set(names).size).toBe(5);
    expect(fs.readdirSync(folder).filter((n) => n.startsWith('prog-')).sort()).toEqual(names.slice(2).sort());
    expect(fs.readdirSync(folder).filter((n) => n.startsWith('other-'))).toHaveLength(1);
    delete (globalThis as { __codeCacheOther?: unknown }).__codeCacheOther;
  });

  it("the program's own error passes through, after one run", () => {
    const dir = scratch();
    const file = program(dir, "throw new Error('程序自己的错误');");
    const folder = path.join(dir, 'cache');
    expect(() => runCached(file, folder)).toThrow('程序自己的错误');
    expect(seen().runs).toBe(1);
  });

  it('the folder: the user cache of each system, none when BULLETIN_NO_CODE_CACHE=1', () => {
    expect(cacheFolder({ HOME: '/home/wang' }, 'linux')).toBe(path.join('/home/wang', '.cache', 'bulletin-desk', 'code-cache'));
    expect(cacheFolder({ HOME: '/home/wang', XDG_CACHE_HOME: '/var/cache/wang' }, 'linux')).toBe(path.join('/var/cache/wang', 'bulletin-desk', 'code-cache'));
    expect(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\wang\\AppData\\Local', USERPROFILE: 'C:\\Users\\wang' }, 'win32')).toBe(
      path.join('C:\\Users\\wang\\AppData\\Local', 'bulletin-desk', 'code-cache'),
    );
    expect(cacheFolder({ HOME: '/Users/wang' }, 'darwin')).toBe(path.join('/Users/wang', 'Library', 'Caches', 'bulletin-desk', 'code-cache'));
    expect(cacheFolder({ HOME: '/home/wang', BULLETIN_NO_CODE_CACHE: '1' }, 'linux')).toBeNull();
    expect(cacheName('/x/cli-main.cjs', Buffer.from('a'))).not.toBe(cacheName('/x/cli-main.cjs', Buffer.from('b')));
  });
});

describe('the built command with the code cache', () => {
  function run(args: string[], env: NodeJS.ProcessEnv, cwd: string): { code: number; stdout: string; stderr: string } {
    const full: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete full.BULLETIN_DB;
    if (!('BULLETIN_NO_CODE_CACHE' in env)) delete full.BULLETIN_NO_CODE_CACHE;
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: full, cwd });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  it('the program bundle has no import() (a script from cached data could not run one under Node 20) and is pure ASCII', () => {
    const bundle = fs.readFileSync(BUNDLE);
    expect(bundle.toString('utf8')).not.toMatch(/\bimport\s*\(/);
    // Read as latin1 by the launcher (scripts/ascii-bundle.mjs made it so).
    expect(isAscii(bundle)).toBe(true);
  });

  it('stores once, then every command runs from the cache alike: reads, Excel, Word, packets, Word import', () => {
    const dir = scratch();
    const env = { XDG_CACHE_HOME: path.join(dir, 'xdg'), HOME: dir };
    const folder = path.join(dir, 'xdg', 'bulletin-desk', 'code-cache');
    expect(run(['demo', '--out', dir], env, dir).code).toBe(0);
    const cached = onlyCacheFile(folder);
    const inode = fs.statSync(cached).ino;
    const db = path.join(dir, 'demo.db');

    const list = run(['--db', db, 'issue', 'list'], env, dir);
    expect(list.code, list.stderr).toBe(0);
    const plain = run(['--db', db, 'issue', 'list'], { ...env, BULLETIN_NO_CODE_CACHE: '1' }, dir);
    expect(list.stdout).toBe(plain.stdout);
    expect(list.stdout).toMatch(/^#1 《.+》/m);

    // exceljs, docx, yazl, yauzl and mammoth, each loaded by a run from the cache.
    const xlsx = path.join(dir, 'log.xlsx');
    const audit = run(['--db', db, 'audit', 'export', '--out', xlsx], env, dir);
    expect(audit.code, audit.stderr).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const word = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.docx'))!);
    const again = run(['--db', db, 'issue', 'export', '1', '--out', path.join(dir, 'again.docx')], env, dir);
    expect(again.code, again.stderr).toBe(0);
    expect(run(['--db', db, 'settings', 'set', '--office', '县政府办', '--contact', '王明', '--phone', '0000-1234567'], env, dir).code).toBe(0);
    const out = path.join(dir, 'packets');
    fs.mkdirSync(out);
    const packet = run(['--db', db, 'packet', 'export', '--issue', '1', '--out', out], env, dir);
    expect(packet.code, packet.stderr).toBe(0);
    const zip = path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.zip'))!);
    const verify = run(['--db', db, 'packet', 'verify', zip], env, dir);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const imported = run(['--db', db, '--json', 'import', word], env, dir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('"imported"');

    // Every one of those ran from the stored file: a refused cache would have been stored again.
    expect(fs.statSync(onlyCacheFile(folder)).ino).toBe(inode);
  });

  it('a damaged cache, one V8 refuses, an unwritable cache folder or BULLETIN_NO_CODE_CACHE=1 change nothing a command does', () => {
    const dir = scratch();
    const env = { XDG_CACHE_HOME: path.join(dir, 'xdg'), HOME: dir };
    const folder = path.join(dir, 'xdg', 'bulletin-desk', 'code-cache');
    const db = path.join(dir, 'b.db');
    expect(run(['init', db], env, dir).code).toBe(0);
    expect(run(['--db', db, 'unit', 'add', '--name', '城关镇'], env, dir).code).toBe(0);
    const expected = run(['--db', db, 'unit', 'list'], env, dir);
    expect(expected.stdout).toContain('城关镇');

    const cached = onlyCacheFile(folder);
    const bytes = fs.readFileSync(cached);
    bytes[bytes.length - 5]! ^= 0xff;
    fs.writeFileSync(cached, bytes);
    const damaged = run(['--db', db, 'unit', 'list'], env, dir);
    expect(damaged).toEqual(expected);
    expect(readCache(onlyCacheFile(folder)), 'a whole cache stored again').toBeDefined();

    // A whole file (its checksum right) that V8 refuses: compiled as usual, stored again.
    const junk = Buffer.from('这不是 V8 的缓存'.repeat(20));
    writeCache(onlyCacheFile(folder), junk);
    expect(readCache(onlyCacheFile(folder))).toEqual(junk);
    expect(run(['--db', db, 'unit', 'list'], env, dir)).toEqual(expected);
    const stored = readCache(onlyCacheFile(folder));
    expect(stored && !stored.equals(junk), 'V8 refused it and a good cache took its place').toBe(true);

    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, '');
    expect(run(['--db', db, 'unit', 'list'], { XDG_CACHE_HOME: blocker, HOME: dir }, dir)).toEqual(expected);

    const off = { XDG_CACHE_HOME: path.join(dir, 'off'), HOME: dir, BULLETIN_NO_CODE_CACHE: '1' };
    expect(run(['--db', db, 'unit', 'list'], off, dir)).toEqual(expected);
    expect(fs.existsSync(path.join(dir, 'off'))).toBe(false);
  });
});

/**
 * `npm start` really starts the desktop: better-sqlite3 is compiled for Node at install, Electron
 * loads only a build for its own ABI. `npm start` builds a second one beside Node's
 * (scripts/electron-native.mjs) and the Electron main process and its workers load that one
 * (store/native-binding.ts); `npm test` and `bulletin` keep Node's. Electron cannot run here, so
 * this checks the wiring, the stamp that decides when to rebuild, and, with a copy of Node's own
 * build standing in for Electron's, that the chosen file is the one loaded (on the main thread and
 * in a worker).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinding, WORKER_PRELUDE } from '../src-main/store/native-binding';
import { tempDir } from './helpers/db';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A project root with the two package.json files the stamp is checked against. */
function fakeRoot(sqlite = '12.11.1', electron = '45.4.1'): string {
  const root = tempDir('bulletin-native-');
  dirs.push(root);
  for (const [name, version] of [['better-sqlite3', sqlite], ['electron', electron]] as const) {
    fs.mkdirSync(path.join(root, 'node_modules', name), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
  }
  return root;
}

function stamp(root: string, over: Record<string, string> = {}, binary = true): string {
  const dir = path.join(root, 'node_modules', '.electron-native');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'stamp.json'), JSON.stringify({ betterSqlite3: '12.11.1', electron: '45.4.1', platform: process.platform, arch: process.arch, ...over }));
  const file = path.join(dir, 'better_sqlite3.node');
  if (binary) fs.writeFileSync(file, 'stand-in');
  else fs.rmSync(file, { force: true });
  return file;
}

describe('the scripts', () => {
  it('npm start builds, then makes the Electron binding, then starts Electron; npm test never touches it', () => {
    const start = pkg.scripts.start!;
    const steps = start.split('&&').map((s) => s.trim());
    expect(steps).toEqual(['npm run build', 'npm run native:electron', 'electron .']);
    expect(pkg.scripts['native:electron']).toBe('node scripts/electron-native.mjs');
    expect(fs.existsSync(path.join(ROOT, 'scripts', 'electron-native.mjs'))).toBe(true);
    expect(pkg.devDependencies['@electron/rebuild']).toBeTruthy();
    // Node's build is the one the tests, the bench and the command use: nothing rebuilds it for Electron.
    for (const name of ['test', 'bench', 'demo', 'web', 'build']) expect(pkg.scripts[name]).not.toMatch(/electron-rebuild|install-app-deps|native:electron|electron-native/);
    // Packaging rebuilds the app's own copy for Electron (there is no .electron-native there).
    expect(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')).toMatch(/^npmRebuild: true$/m);
  });

  it('rebuilds only when the stamp does not match this better-sqlite3, Electron and machine', async () => {
    const script = pathToFileURL(path.join(ROOT, 'scripts', 'electron-native.mjs')).href;
    const { upToDate, wanted } = (await import(script)) as {
      upToDate: (root: string) => boolean;
      wanted: (root: string) => Record<string, string>;
    };
    const root = fakeRoot();
    expect(wanted(root)).toEqual({ betterSqlite3: '12.11.1', electron: '45.4.1', platform: process.platform, arch: process.arch });
    expect(upToDate(root)).toBe(false);
    stamp(root);
    expect(upToDate(root)).toBe(true);
    stamp(root, { betterSqlite3: '12.6.2' });
    expect(upToDate(root)).toBe(false);
    stamp(root, { electron: '44.0.0' });
    expect(upToDate(root)).toBe(false);
    stamp(root, {}, false);
    expect(upToDate(root)).toBe(false);
  });
});

describe('the Electron main process', () => {
  it('takes the Electron build only when its stamp fits, and never under Node', () => {
    const root = fakeRoot();
    expect(electronBinding(root, '45.4.1')).toBeNull();
    const file = stamp(root);
    expect(electronBinding(root, '45.4.1')).toBe(file);
    // plain Node (the tests, bulletin): Node's own build
    expect(electronBinding(root, undefined)).toBeNull();
    expect(electronBinding(root, '45.5.0')).toBeNull();
    stamp(root, { betterSqlite3: '12.0.0' });
    expect(electronBinding(root, '45.4.1')).toBeNull();
    stamp(root, { arch: 'mips' });
    expect(electronBinding(root, '45.4.1')).toBeNull();
  });

  it.runIf(process.platform === 'linux')('loads the chosen binary instead of build/Release, on the main thread and in a worker', () => {
    const d = tempDir('bulletin-native-load-');
    dirs.push(d);
    const driver = require.resolve('better-sqlite3');
    const release = fs.realpathSync(path.join(path.dirname(driver), '..', 'build', 'Release', 'better_sqlite3.node'));
    // Node's own build under another name stands in for Electron's (which cannot load here).
    const standIn = path.join(d, 'stand-in-better_sqlite3.node');
    fs.copyFileSync(release, standIn);
    const script = path.join(d, 'load.cjs');
    fs.writeFileSync(
      script,
      `
const { Worker } = require('node:worker_threads');
const fs = require('node:fs');
const PRELUDE = ${JSON.stringify(WORKER_PRELUDE)};
const workerData = { binding: ${JSON.stringify(standIn)}, driver: ${JSON.stringify(driver)} };
new Function('require', 'workerData', PRELUDE)(require, workerData);
const Database = require(workerData.driver);
const db = new Database(':memory:');
const main = db.prepare('SELECT 1 + 1 AS two').get().two;
db.close();
const w = new Worker("const { parentPort, workerData } = require('node:worker_threads');" + PRELUDE +
  "const D = require(workerData.driver); const x = new D(':memory:'); parentPort.postMessage(x.prepare('SELECT 3 AS three').get().three); x.close();",
  { eval: true, workerData });
w.on('message', (three) => {
  const maps = fs.readFileSync('/proc/self/maps', 'utf8');
  console.log(JSON.stringify({ main, three, standIn: maps.includes(workerData.binding), release: maps.includes(${JSON.stringify(release)}) }));
});
`,
    );
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ main: 2, three: 3, standIn: true, release: false });
  });
});

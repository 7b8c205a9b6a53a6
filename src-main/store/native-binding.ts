/**
 * Which compiled better-sqlite3 this process loads. `npm ci` builds it for Node; under `npm start`
 * Electron needs one built for its own ABI, which scripts/electron-native.mjs keeps beside Node's
 * in node_modules/.electron-native/ (never in its place, so `npm test` and `bulletin` go on using
 * Node's). The Electron main process calls useNativeBinding with it; a packaged app has none and
 * loads its own, which electron-builder rebuilt for Electron.
 *
 * How: better-sqlite3 finds its addon through the `bindings` package, which requires
 * build/Release/better_sqlite3.node by its path. An entry in require.cache under that path (adding
 * entries is documented) hands it the other build instead, so not one `new Database()` needs an
 * option. A worker thread has a cache of its own: the doors' workers run WORKER_PRELUDE first,
 * with the binding chosen here in their workerData.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Plain CommonJS, run first in every worker that opens SQLite (and by useNativeBinding here). */
export const WORKER_PRELUDE = `
if (workerData.binding) {
  const path = require('node:path');
  const fs = require('node:fs');
  const Module = require('node:module');
  const release = fs.realpathSync(path.join(path.dirname(require.resolve(workerData.driver)), '..', 'build', 'Release', 'better_sqlite3.node'));
  if (!require.cache[release]) {
    const m = new Module(release);
    m.filename = release;
    m.exports = require(workerData.binding);
    m.loaded = true;
    require.cache[release] = m;
  }
}
`;

let chosen: string | null = null;

/** Every better-sqlite3 connection of this process (and of its workers) uses `binding` from now on. */
export function useNativeBinding(binding: string, driverEntry: string): void {
  new Function('require', 'workerData', WORKER_PRELUDE)(require, { binding, driver: driverEntry });
  chosen = binding;
}

/** For a worker's workerData.binding: the binding chosen here, or null for the package's own. */
export function nativeBindingForWorkers(): string | null {
  return chosen;
}

/** The path of the better-sqlite3 this process loaded, for a worker to load the same (null: not found). */
export function driverForWorkers(): string | null {
  // The app's bundles and the tests are CommonJS; an ES-module bundle (the benchmark) has no
  // working require of its own and resolves from the working folder.
  for (const resolve of [() => require.resolve('better-sqlite3'), () => createRequire(path.join(process.cwd(), 'index.js')).resolve('better-sqlite3')]) {
    try {
      return resolve();
    } catch {
      // try the next way
    }
  }
  return null;
}

export const ELECTRON_NATIVE_DIR = path.join('node_modules', '.electron-native');

/**
 * The Electron build beside the app's node_modules, when it is there and its stamp says it was
 * made for this better-sqlite3, this Electron and this machine; null otherwise.
 */
export function electronBinding(appRoot: string, electronVersion: string | undefined = process.versions.electron): string | null {
  if (!electronVersion) return null;
  const dir = path.join(appRoot, ELECTRON_NATIVE_DIR);
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, 'stamp.json'), 'utf8')) as Record<string, string>;
    const sqlite = (JSON.parse(fs.readFileSync(path.join(appRoot, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
    const fits = stamp.betterSqlite3 === sqlite && stamp.electron === electronVersion && stamp.platform === process.platform && stamp.arch === process.arch;
    const file = path.join(dir, 'better_sqlite3.node');
    return fits && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * Runs the program bundle (dist/main/cli-main.cjs) as Node would run a CommonJS file, but through
 * V8's code cache: compiling the 1.5 MB bundle and the functions its start-up calls is about a
 * sixth of a command's time (issue 14: `bulletin issue list` on a 100,000-item archive). The first
 * run compiles as usual and, once the program is loaded, stores what V8 compiled; later runs load it.
 *
 * The cache is a convenience, never a source of truth, so every doubt means "compile as usual":
 * - it sits in the user's cache folder (per machine and user, never beside the program), under a
 *   name made from the bundle's own bytes, Node's version and the processor, so another build or
 *   another Node never meets it; V8 checks its own version and flags again on top;
 * - the file carries a SHA-256 of what follows it, checked before V8 sees a byte (V8 itself only
 *   checks a code cache's checksum in debug builds): a damaged or cut file is simply not used;
 * - it is written through a temporary name and a rename, so a reader sees a whole file or none,
 *   and older builds' cache files are removed when a new one is written (the newest three kept);
 * - a folder that cannot be made or written, or BULLETIN_NO_CODE_CACHE=1, only means no cache.
 *
 * The bundle must not use `import()`: a script compiled from cached data has no dynamic import
 * callback under Node 20 (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING). The build turns them into
 * `require` (scripts/build.mjs) and test/cli-code-cache.test.ts checks the bundle has none.
 */
import { isAscii } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

const SUM_BYTES = 32;
/** How many builds' cache files are kept (about 1 MB each). */
const KEEP_BUILDS = 3;
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_TAIL = '\n})';

const sha256 = (bytes: Buffer): Buffer => crypto.createHash('sha256').update(bytes).digest();

/** The folder for the code cache, or null when there is to be none. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (env.BULLETIN_NO_CODE_CACHE === '1') return null;
  const home = env.HOME || env.USERPROFILE || os.homedir();
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'bulletin-desk', 'code-cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'bulletin-desk', 'code-cache');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'bulletin-desk', 'code-cache');
}

/** The cache file's name for this program source on this Node: its stem, then a hash of everything that must match. */
export function cacheName(file: string, source: Buffer): string {
  const key = crypto.createHash('sha256').update(`${process.version}\0${process.arch}\0`).update(source).digest('hex').slice(0, 24);
  return `${path.basename(file, path.extname(file))}-${key}.v8`;
}

/** The cached data in `file`, if the file is whole; undefined for a missing, cut or damaged one. */
export function readCache(file: string): Buffer | undefined {
  try {
    const bytes = fs.readFileSync(file);
    if (bytes.length <= SUM_BYTES) return undefined;
    const payload = bytes.subarray(SUM_BYTES);
    return sha256(payload).equals(bytes.subarray(0, SUM_BYTES)) ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `data` as `file` (whole or not at all) and removes the same program's older cache files; never throws. */
export function writeCache(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, Buffer.concat([sha256(data), data]));
    fs.renameSync(tmp, file);
    // Older builds' files go, the newest few kept: two copies of the program on one machine
    // (an installed one and a newer one tried beside it) must not remove each other's at every run.
    const stem = path.basename(file).replace(/-[0-9a-f]+\.v8$/, '-');
    const older = fs
      .readdirSync(dir)
      .filter((name) => name.startsWith(stem) && /^[0-9a-f]+\.v8$/.test(name.slice(stem.length)))
      .map((name) => ({ name, at: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const { name } of older.slice(KEEP_BUILDS)) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the folder itself could not be made: there is no temporary file
    }
  }
}

export interface CachedRun {
  /** Whether V8 took code from the cache. */
  readonly fromCache: boolean;
  /** Stores what V8 compiled so far, when this run did not come from the cache. */
  readonly save: () => void;
}

/**
 * Runs the CommonJS file `file` (its own require, module, __filename and __dirname) with the code
 * cache in `folder` (null: none). The program's own errors pass through untouched.
 */
export function runCached(file: string, folder: string | null): CachedRun {
  const bytes = fs.readFileSync(file);
  // The build makes the bundle pure ASCII (scripts/ascii-bundle.mjs): then it is the same text
  // read as latin1, a one-byte string made at once; decoding it as UTF-8 made every start 25 ms slower.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cacheFile = folder ? path.join(folder, cacheName(file, bytes)) : null;
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  const script = new vm.Script(WRAP_HEAD + source + WRAP_TAIL, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const save = (): void => {
    if (cacheFile && !fromCache) writeCache(cacheFile, script.createCachedData());
  };
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return { fromCache, save };
}

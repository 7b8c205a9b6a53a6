// `npm start` runs this before `electron .`: the better-sqlite3 binding built for Electron's ABI,
// kept BESIDE Node's, never in its place.
//
// `npm ci` compiles better-sqlite3 for Node (tests, the `bulletin` command, the bench). Electron
// loads a native module only when it was built for Electron's own ABI (NODE_MODULE_VERSION), so
// the desktop needs a second build. Rebuilding in place would break `npm test` and `bulletin`
// until the next rebuild; instead this copies the package into a staging folder, rebuilds the
// copy there for the installed Electron with @electron/rebuild (a prebuilt binary when one can be
// downloaded, else a compile against Electron's headers), and keeps only the binary:
//
//   node_modules/.electron-native/better_sqlite3.node   + stamp.json (versions it was built for)
//
// The Electron main process (src-main/electron/native-binding.ts) loads that file when it is
// there and its stamp matches; a packaged app has none and uses its own, which electron-builder
// rebuilds for Electron when packaging. Built once, then skipped while the stamp matches.
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_DIR = path.join('node_modules', '.electron-native');
export const BINARY = 'better_sqlite3.node';
export const STAMP = 'stamp.json';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** What the binary must have been built for: this better-sqlite3, this Electron, this machine. */
export function wanted(root = process.cwd()) {
  return {
    betterSqlite3: readJson(path.join(root, 'node_modules', 'better-sqlite3', 'package.json')).version,
    electron: readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version,
    platform: process.platform,
    arch: process.arch,
  };
}

export function upToDate(root = process.cwd()) {
  const dir = path.join(root, NATIVE_DIR);
  try {
    const stamp = readJson(path.join(dir, STAMP));
    const want = wanted(root);
    return fs.existsSync(path.join(dir, BINARY)) && Object.keys(want).every((k) => stamp[k] === want[k]);
  } catch {
    return false;
  }
}

async function main() {
  const root = process.cwd();
  const want = wanted(root);
  if (upToDate(root)) {
    console.log(`better-sqlite3 ${want.betterSqlite3} for Electron ${want.electron}: up to date (${NATIVE_DIR})`);
    return;
  }
  const dir = path.join(root, NATIVE_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(dir, 'stage-'));
  try {
    const pkg = path.join(root, 'node_modules', 'better-sqlite3');
    const copy = path.join(stage, 'node_modules', 'better-sqlite3');
    // The sources only: Node's build stays where it is, untouched.
    fs.cpSync(pkg, copy, { recursive: true, filter: (src) => path.relative(pkg, src).split(path.sep)[0] !== 'build' });
    fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ name: 'electron-native-stage', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': want.betterSqlite3 } }));
    console.log(`building better-sqlite3 ${want.betterSqlite3} for Electron ${want.electron} (${want.platform}-${want.arch}), beside Node's build…`);
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: stage, projectRootPath: stage, electronVersion: want.electron, arch: want.arch, onlyModules: ['better-sqlite3'], force: true });
    const built = path.join(copy, 'build', 'Release', BINARY);
    if (!fs.existsSync(built)) throw new Error(`@electron/rebuild finished without ${built}`);
    fs.copyFileSync(built, path.join(dir, BINARY));
    fs.writeFileSync(path.join(dir, STAMP), `${JSON.stringify(want, null, 2)}\n`);
    console.log(`built ${path.join(NATIVE_DIR, BINARY)}`);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('electron-native.mjs')) {
  main().catch((e) => {
    console.error(`无法为 Electron 编译 better-sqlite3：${e?.message ?? e}\n请确认已联网（需下载 Electron 的头文件或预编译文件），并已安装 C++ 编译工具（Windows：Visual Studio Build Tools）。`);
    process.exit(1);
  });
}

// Bundles the main-process code into dist/main with esbuild: the CLI, the Electron main
// process and its preload; then the renderer with Vite once its config exists.
// Runtime packages stay external: better-sqlite3 is native and the rest are installed anyway.
//
// Every file lands by an atomic rename, and a folder is never emptied first: the test setup runs
// this build, and a second `npm test` started beside a running one must not pull dist/ from
// under the first (its CLI processes, its `bulletin web` serving the window).
import { build } from 'esbuild';
import { asciiEdits, shiftMap } from './ascii-bundle.mjs';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Paths below are relative to the project, whoever starts the script (tests run it too).
const root = path.join(import.meta.dirname, '..');
process.chdir(root);
const TMP = `.tmp-${process.pid}`;

/** Every file under `dir`, as paths relative to it (temporary files of other builds left out). */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.includes('.tmp-'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Writes `bytes` to `file` through a temporary name and a rename: readers see old or new, whole. */
function writeAtomic(file, bytes) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file + TMP, bytes);
  renameSync(file + TMP, file);
}

/** Removes what an earlier build left in `dir` that this one did not write. */
function removeStale(dir, written) {
  const keep = new Set(written.map((f) => path.resolve(dir, f)));
  for (const f of filesUnder(dir)) if (!keep.has(path.resolve(dir, f))) rmSync(path.join(dir, f), { force: true });
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  write: false,
};
// zod is bundled in, the other packages stay outside (native, or loaded only by the operations
// that use them), and the bundles are minified without renaming anything (stack traces keep
// their names): a command that lists issues on a 100,000-item archive started 40 ms sooner
// (0.42 → 0.38 s; README, The `bulletin` command).
const runtimeDeps = Object.keys(createRequire(import.meta.url)('../package.json').dependencies).filter((d) => d !== 'zod');

// `import fs from 'node:fs'` in each of ~90 source files became its own copy of the module's
// namespace at start-up (esbuild's __toESM: a getter per export, ~100 for fs): 15 ms of every
// command (issue 14). Each Node module is imported through one shim module instead, copied once.
const builtinShims = {
  name: 'builtin-shims',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.namespace === 'builtin-shim' ? { path: args.path, external: true } : { path: args.path, namespace: 'builtin-shim' },
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin-shim' }, (args) => {
      const name = JSON.stringify(args.path);
      return { contents: `import m from ${name};\nexport default m;\nexport * from ${name};\n`, loader: 'js' };
    });
  },
};
const outputs = [
  ...(
    await build({
      ...common,
      external: [...runtimeDeps, 'electron'],
      minifyWhitespace: true,
      minifySyntax: true,
      // No import() left: a script run from V8's code cache has no dynamic import under Node 20
      // (src-main/cli/code-cache.ts); the packages loaded on use are required on use instead.
      supported: { 'dynamic-import': false },
      plugins: [builtinShims],
      entryPoints: { 'cli-main': 'src-main/cli/index.ts', 'electron-main': 'src-main/electron/main.ts' },
    })
  ).outputFiles,
  // The command's entry: answers --help and --version from cli-help.json (below) and loads
  // cli-main.cjs for everything else, so those print at once (issue 14).
  ...(await build({ ...common, packages: 'external', external: ['./cli-main.cjs'], entryPoints: { cli: 'src-main/cli/launcher.ts' } })).outputFiles,
  // A sandboxed preload may require nothing but 'electron': everything else is bundled in.
  ...(await build({ ...common, external: ['electron'], entryPoints: { preload: 'src-main/electron/preload.ts' } })).outputFiles,
];
// The program the command runs is made pure ASCII (ascii-bundle.mjs): read as a one-byte string.
// Its source map is moved along with it.
const asciiTarget = path.resolve('dist/main/cli-main.cjs');
const ascii = outputs.find((o) => o.path === asciiTarget);
const { text: asciiText, edits } = asciiEdits(ascii.text, 'cli-main.cjs');
for (const o of outputs) {
  if (o === ascii) writeAtomic(o.path, asciiText);
  else if (o.path === `${asciiTarget}.map`) writeAtomic(o.path, shiftMap(o.text, ascii.text, edits));
  else writeAtomic(o.path, o.contents);
}

// The help table, made by the command table itself: bundled aside, loaded once, written as JSON.
{
  const [table] = (await build({ ...common, sourcemap: false, packages: 'external', entryPoints: { 'help-table': 'src-main/cli/help-table.ts' } })).outputFiles;
  const scratch = path.resolve('dist/main', `help-table${TMP}.cjs`);
  writeFileSync(scratch, table.contents);
  try {
    const help = createRequire(import.meta.url)(scratch).table;
    const file = path.resolve('dist/main/cli-help.json');
    writeAtomic(file, JSON.stringify(help));
    outputs.push({ path: file });
  } finally {
    rmSync(scratch, { force: true });
  }
}
removeStale('dist/main', outputs.map((o) => path.relative(path.resolve('dist/main'), o.path)));
console.log('built dist/main');

// --main-only skips the renderer, for work on the main process while the UI does not build.
if (existsSync('vite.config.ts') && !process.argv.includes('--main-only')) {
  const { build: viteBuild } = await import('vite');
  // Built aside, then moved in file by file: the page's assets first, index.html (which names
  // them) last. The same sources give the same hashed names, so a page being served keeps working.
  const staging = path.resolve('dist', `renderer${TMP}`);
  const target = path.resolve('dist', 'renderer');
  try {
    await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
    const built = filesUnder(staging).sort((a, b) => Number(a === 'index.html') - Number(b === 'index.html'));
    for (const f of built) {
      mkdirSync(path.dirname(path.join(target, f)), { recursive: true });
      renameSync(path.join(staging, f), path.join(target, f));
    }
    removeStale(target, built);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  console.log('built dist/renderer');
}

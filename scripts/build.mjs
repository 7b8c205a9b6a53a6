// Bundles the main-process code into dist/main with esbuild: the CLI, the Electron main
// process and its preload; then the renderer with Vite once its config exists.
// Runtime packages stay external: better-sqlite3 is native and the rest are installed anyway.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

// Paths below are relative to the project, whoever starts the script (tests run it too).
const root = path.join(import.meta.dirname, '..');
process.chdir(root);

rmSync('dist/main', { recursive: true, force: true });
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
};
await build({ ...common, packages: 'external', entryPoints: { cli: 'src-main/cli/index.ts', 'electron-main': 'src-main/electron/main.ts' } });
// A sandboxed preload may require nothing but 'electron': everything else is bundled in.
await build({ ...common, external: ['electron'], entryPoints: { preload: 'src-main/electron/preload.ts' } });
console.log('built dist/main');

// --main-only skips the renderer, for work on the main process while the UI does not build.
if (existsSync('vite.config.ts') && !process.argv.includes('--main-only')) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log('built dist/renderer');
}

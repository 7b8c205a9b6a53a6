// Bundles the main-process code (CLI, later the Electron shell) into dist/main with esbuild.
// Runtime packages stay external: better-sqlite3 is native and the rest are installed anyway.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/main', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};
await build({ ...common, entryPoints: { cli: 'src-main/cli/index.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } });
console.log('built dist/main');

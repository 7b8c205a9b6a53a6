// `npm run bench [-- --quick]`: bundles the TypeScript benchmark and runs it under Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const out = path.join('node_modules', '.cache', 'bulletin-bench', 'bench.mjs');
await build({
  entryPoints: ['scripts/bench/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: out,
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

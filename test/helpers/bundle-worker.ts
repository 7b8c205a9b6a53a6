/** A test's worker script, bundled to plain JavaScript that a child process can run. */
import path from 'node:path';
import { build } from 'esbuild';

/** Into the project's node_modules/.cache, so that the bundle's imports resolve to the project's packages. */
export async function bundleWorker(entry: string, name: string): Promise<string> {
  const out = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'bulletin-tests', `${name}-${process.pid}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: out, logLevel: 'silent' });
  return out;
}

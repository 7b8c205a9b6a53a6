/**
 * Start-up and checks (issue 14): what a `bulletin` command costs before any work, and that the
 * whole-file check is off the write path. Each figure is a real process of the built command
 * (dist/main/cli.cjs through bin/bulletin.cjs; `npm run build` first), 30 samples or more:
 * - the CPU time of `bulletin --help` above bare `node -e 0`: both run with a preload that, at
 *   exit, writes the process's own CPU time (process.cpuUsage: every thread, microseconds), so
 *   what the preload and Node's own start cost cancels out;
 * - `bulletin issue list` on the 100k archive, wall time, with V8's code cache stored (as every
 *   run after a user's first) and, beside it, without;
 * - a write (`bulletin unit add`) on a copy of the 100k archive, wall time: no check, since the
 *   copy was closed cleanly.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { archiveCopy, sharedArchive } from './archive';
import { goalLine, ms, row, stats, type Stats } from './stats';

const SAMPLES = 30;
const BIN = path.resolve('bin', 'bulletin.cjs');

function run(args: string[], env: NodeJS.ProcessEnv = {}, okCodes: readonly number[] = [0]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  const took = performance.now() - t0;
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms: took, stdout: r.stdout };
}

/** CPU milliseconds (user + system, all threads) of `node ARGS`, as the process itself counted them. */
function cpuOf(hook: string, out: string, args: string[]): number {
  run(['--require', hook, ...args], { BENCH_CPU_OUT: out });
  const { user, system } = JSON.parse(fs.readFileSync(out, 'utf8')) as { user: number; system: number };
  return (user + system) / 1000;
}

export async function benchStartup(dir: string, quick: boolean): Promise<string[]> {
  if (!fs.existsSync(path.join('dist', 'main', 'cli.cjs'))) throw new Error('the command is not built: run npm run build first');
  const out: string[] = [];
  const hook = path.join(dir, 'cpu-hook.cjs');
  const cpuFile = path.join(dir, 'cpu.json');
  fs.writeFileSync(hook, "process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_CPU_OUT, JSON.stringify(process.cpuUsage())));\n");

  // Taken in turns, so a busy moment of the machine falls on both alike.
  const bare: number[] = [];
  const help: number[] = [];
  const version: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    bare.push(cpuOf(hook, cpuFile, ['-e', '0']));
    help.push(cpuOf(hook, cpuFile, [BIN, '--help']));
    version.push(cpuOf(hook, cpuFile, [BIN, '--version']));
  }
  const bareS = stats(bare);
  const above = (xs: number[]): Stats => stats(xs.map((x) => x - bareS.median));
  out.push(row('CPU of bare node -e 0', bareS));
  out.push(row('CPU of bulletin --help', stats(help)));
  out.push(row('CPU of bulletin --help above bare node', above(help)));
  out.push(row('CPU of bulletin --version above bare node', above(version)));

  const archive = sharedArchive(dir, quick);
  // A code cache folder of the bench's own (src-main/cli/code-cache.ts), stored by a first run as
  // a user's first command after installing stores it; the same list without the cache beside it.
  const cacheHome = path.join(dir, 'code-cache-home');
  const env = { BULLETIN_DB: archive.file, XDG_CACHE_HOME: cacheHome, LOCALAPPDATA: cacheHome };
  const first = run([BIN, 'issue', 'list'], env);
  const lists: number[] = [];
  const uncached: number[] = [];
  let rows = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const r = run([BIN, 'issue', 'list'], env);
    lists.push(r.ms);
    rows = r.stdout.split('\n').filter(Boolean).length;
    uncached.push(run([BIN, 'issue', 'list'], { ...env, BULLETIN_NO_CODE_CACHE: '1' }).ms);
  }
  out.push(row(`bulletin issue list (${archive.items} items, ${rows} issues printed)`, stats(lists)));
  out.push(row('the same without the code cache', stats(uncached)));
  out.push(`${'the first run, storing the code cache'.padEnd(44)} ${ms(first.ms)}`);

  const copy = archiveCopy(dir, quick, 'startup-write.db');
  const writes: number[] = [];
  for (let i = 0; i < SAMPLES; i++) writes.push(run([BIN, 'unit', 'add', '--name', `基准单位${i}`], { ...env, BULLETIN_DB: copy }).ms);
  out.push(row('bulletin unit add on a copy of the archive', stats(writes)));
  // Exit 3 is an answer too (the fixture is built with plain SQL, not every archive rule kept).
  const check = run([BIN, 'check'], { ...env, BULLETIN_DB: copy }, [0, 3]);
  out.push(`${'bulletin check on the same copy (one run)'.padEnd(44)} ${ms(check.ms)}   ${(check.stdout.split('\n')[0] ?? '').slice(0, 60)}`);
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('startup-write.db'))) fs.rmSync(path.join(dir, f), { recursive: true, force: true });

  out.push(goalLine('bulletin --help, CPU above bare node (median)', above(help).median / 1000, '<=', 0.15, 's'));
  out.push(goalLine(`bulletin issue list on the ${archive.items / 1000}k archive (median)`, stats(lists).median / 1000, '<=', 0.4, 's'));
  out.push(goalLine(`a write command on the ${archive.items / 1000}k archive (median)`, stats(writes).median / 1000, '<=', 1, 's'));
  return out;
}

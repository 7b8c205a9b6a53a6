/**
 * Backups that yield (issue 14): a copy of the 100k archive made the way the doors make it (in a
 * worker, in steps), how much it delays the main thread meanwhile, and how long a stop takes
 * when it comes at a random point of a copy (the copy or its check), until the copy has ended and
 * its unfinished file is gone. As many stops as fit in 15 seconds, topped up to 30 (below).
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { writeBackupOfFile, type Pace } from '../../src-main/backup/create';
import { checkCopyInProcess } from '../../src-main/backup/check-process';
import { driverForWorkers as driverPath } from '../../src-main/store/native-binding';
import { archiveCopy } from './archive';
import { goalLine, MIN_SAMPLES, ms, row, stats } from './stats';

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

function emptyDir(dir: string): void {
  const left = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  if (left.length) throw new Error(`a stopped backup left files behind: ${left.join(', ')}`);
}

async function wholeCopy(file: string, out: string, pace: Pace, keep?: string): Promise<{ ms: number; lagP99: number; lagMax: number }> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const t0 = performance.now();
  const made = await writeBackupOfFile(file, out, pace === 'background' ? 'daily' : 'manual', new Date(), { pace });
  const took = performance.now() - t0;
  lag.disable();
  if (keep) fs.renameSync(made.path, keep);
  else fs.rmSync(made.path);
  return { ms: took, lagP99: lag.percentile(99) / 1e6, lagMax: lag.max / 1e6 };
}

/**
 * The daily copy is paced to stay out of the way, so copying the whole archive takes its time: its
 * effect on the main thread is measured over the first `forMs` (the first minute of work is what
 * the goal is about), then it is stopped, and its whole length is told from the pages copied.
 */
async function pacedCopyFor(file: string, out: string, forMs: number): Promise<{ ms: number; lagP99: number; lagMax: number; finished: boolean; wholeMs: number }> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const abort = new AbortController();
  let done = 0;
  let total = 0;
  let finished = false;
  lag.enable();
  const t0 = performance.now();
  const copy = writeBackupOfFile(file, out, 'daily', new Date(), {
    pace: 'background',
    signal: abort.signal,
    onProgress: (d, t) => {
      done = d;
      total = t;
    },
  }).then(
    (made) => {
      fs.rmSync(made.path);
      finished = true;
    },
    () => {},
  );
  const timer = setTimeout(() => abort.abort(), forMs);
  await copy;
  clearTimeout(timer);
  const took = performance.now() - t0;
  lag.disable();
  emptyDir(out);
  return { ms: took, lagP99: lag.percentile(99) / 1e6, lagMax: lag.max / 1e6, finished, wholeMs: !finished && done > 0 ? (took * total) / done : took };
}

export async function benchBackupStop(dir: string, quick: boolean): Promise<string[]> {
  // BENCH_BACKUP_DB: a copy of a prebuilt archive, instead of building the shared one.
  const file = process.env.BENCH_BACKUP_DB ?? archiveCopy(dir, quick, 'backup-stop.db');
  const mb = fs.statSync(file).size / 1024 / 1024;
  const out = path.join(dir, 'backup-stop');
  const daily = await pacedCopyFor(file, out, quick ? 8_000 : 20_000);
  // The finished manual copy is kept (outside the backup folder) for the check's stops below.
  const finished = path.join(dir, 'backup-stop-finished.db');
  const manual = await wholeCopy(file, out, 'foreground', finished);

  // Random points over the whole of a copy, its check included: a little beyond the copy's
  // length, so some stops come after it has ended (those are fast and count as well).
  const budgetMs = quick ? 8_000 : 15_000;
  const stops: number[] = [];
  // Where the stop came: while pages were copied, or while the copy was checked (in a child
  // process, killed by the stop).
  const inCopy: number[] = [];
  const inCheck: number[] = [];
  let seed = 20261205;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const began = performance.now();
  while ((performance.now() - began < budgetMs || stops.length < 5) && stops.length < 200) {
    const pace: Pace = stops.length % 2 === 0 ? 'background' : 'foreground';
    const length = pace === 'background' ? daily.ms : manual.ms;
    const abort = new AbortController();
    let copied = false;
    const copy = writeBackupOfFile(file, out, 'manual', new Date(), { pace, signal: abort.signal, onProgress: (d, t) => (copied = d === t) }).then(
      (made) => fs.rmSync(made.path),
      () => {},
    );
    await sleep(random() * length * 0.98);
    const t0 = performance.now();
    abort.abort();
    await copy;
    stops.push(performance.now() - t0);
    (copied ? inCheck : inCopy).push(stops.at(-1)!);
    emptyDir(out);
  }
  // Topped up to MIN_SAMPLES without copying the whole archive again for each (at full size that
  // alone would take longer than the bench may): stops early in a copy (a stop there waits for one
  // step, wherever in the copy it comes), and stops of the check on the finished copy (the same
  // child process the copy's check runs in, killed, which takes as long early as late), in turns,
  // each within its first 1.5 s.
  const driver = driverPath();
  const checkStarted = performance.now();
  const checkMs = driver && (await checkCopyInProcess(finished, driver)).kind === 'ok' ? performance.now() - checkStarted : 0;
  let topUp = 0;
  while (stops.length < MIN_SAMPLES) {
    const abort = new AbortController();
    const inTheCheck = topUp++ % 2 === 1 && driver !== null && checkMs > 0;
    const run = inTheCheck
      ? checkCopyInProcess(finished, driver!, abort.signal)
      : writeBackupOfFile(file, out, 'manual', new Date(), { pace: 'foreground', signal: abort.signal }).then(
          (made) => fs.rmSync(made.path),
          () => {},
        );
    await sleep(random() * Math.min((inTheCheck ? checkMs : manual.ms) * 0.9, 1500));
    const t0 = performance.now();
    abort.abort();
    await run;
    stops.push(performance.now() - t0);
    (inTheCheck ? inCheck : inCopy).push(stops.at(-1)!);
    emptyDir(out);
  }
  fs.rmSync(finished, { force: true });
  const s = stats(stops);
  return [
    `database: ${mb.toFixed(0)} MB`,
    daily.finished
      ? `daily backup in the worker (paced, with its check)   ${ms(daily.ms)}   main-thread delay p99 ${ms(daily.lagP99)}, max ${ms(daily.lagMax)}`
      : `daily backup in the worker (paced): its first ${ms(daily.ms)}, main-thread delay p99 ${ms(daily.lagP99)}, max ${ms(daily.lagMax)}; the whole copy at that pace ≈ ${ms(daily.wholeMs)} before its check`,
    `manual backup in the worker (with its check)         ${ms(manual.ms)}   main-thread delay p99 ${ms(manual.lagP99)}, max ${ms(manual.lagMax)}`,
    row('stop during a backup (abort → copy removed)', s, `${stops.length} stops at random points in ${((performance.now() - began) / 1000).toFixed(0)} s (${topUp} of them topped up)`),
    `  the copy's check alone (child process): ${ms(checkMs)}`,
    `  of which while copying: n=${inCopy.length}, worst ${inCopy.length ? ms(Math.max(...inCopy)) : '—'}; while checking: n=${inCheck.length}, worst ${inCheck.length ? ms(Math.max(...inCheck)) : '—'}`,
    goalLine('stop during a backup, p95', s.p95, '<=', 2000, 'ms'),
    goalLine('stop during a backup, worst', s.max, '<=', 2000, 'ms'),
  ];
}

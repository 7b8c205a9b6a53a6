/**
 * A power cut at any moment: a worker process imports drafts, adds and edits items and signs
 * issues in a loop, and is SIGKILLed 50 times at random moments. After each kill the database
 * must pass integrity_check, hold every change the worker reported as committed, number its
 * issues without gap or duplicate, keep every signed issue's archived file with a matching
 * SHA-256 (and every imported original with its own), and have a search index equal to one
 * rebuilt from the data.
 *
 * The kill moments come from a seeded generator; the seed is printed, and named in any failure:
 * `CRASH_KILL_SEED=1234 npx vitest run test/crash-kill.test.ts` replays the same schedule (the
 * same steps and delays; where each kill lands still depends on the machine's speed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reindexAll } from '../src-main/store/search-index';
import { bundleWorker } from './helpers/bundle-worker';
import { openTestDb, type TestDb } from './helpers/db';

const KILLS = 50;
/** Given, to replay a failure; otherwise a new one each run. */
const SEED = process.env.CRASH_KILL_SEED ? Number(process.env.CRASH_KILL_SEED) : crypto.randomInt(2 ** 31);
const FIRST_NUMBER = 101;
const FIRST_TOTAL = 5001;

let t: TestDb;
let worker: string;
const children: ChildProcess[] = [];
let work: string;

beforeAll(async () => {
  t = openTestDb();
  work = path.join(t.dir, 'drafts');
  fs.mkdirSync(work);
  await t.call('seriesAdd', { name: '城关县政务信息', firstNumber: FIRST_NUMBER, firstTotal: FIRST_TOTAL });
  t.db.close(); // the workers are the only writers
  worker = await bundleWorker(path.join(__dirname, 'helpers', 'crash-worker.ts'), 'crash-worker');
});
afterAll(() => {
  // Workers still waiting for GO when a check failed.
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  t.close();
  fs.rmSync(worker, { force: true });
});

const sha256 = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');

interface Worker {
  loaded: Promise<void>;
  /**
   * Sends GO; kills the worker `delay` ms after it has reported `after` committed steps (so the
   * kills fall on every kind of step however fast this machine is); resolves with all it printed.
   */
  go(after: number, delay: number): Promise<{ lines: string[]; stderr: string; signal: string | null }>;
}

/**
 * A worker loads and warms up on its own scratch database (over a second) before it is told to
 * go, so the next ones are started while the test checks the last: the kill window then falls
 * on real work, and 50 kills fit in the time limit.
 */
function startWorker(run: number): Worker {
  const child = spawn(process.execPath, [worker, t.file, '城关县政务信息', work, String(run)], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  let onLoaded!: () => void;
  let onProgress: ((steps: number) => void) | undefined;
  const loaded = new Promise<void>((resolve) => (onLoaded = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('LOADED\n')) onLoaded();
    if (out.includes('READY\n')) onProgress?.(out.split('READY\n')[1]!.split('\n').length - 1);
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  // 'close' comes after the pipes are drained: every line printed before the kill is in `out`.
  const closed = new Promise<{ signal: string | null }>((resolve) => child.on('close', (_code, signal) => resolve({ signal })));
  const ready = Promise.race([loaded, closed.then(() => Promise.reject(new Error(`worker ${run} died while loading: ${err}`)))]);
  ready.catch(() => {}); // reported when awaited; a worker killed by afterAll is not a failure
  return {
    loaded: ready,
    async go(after, delay) {
      onProgress = (steps) => {
        if (steps < after) return;
        onProgress = undefined;
        setTimeout(() => child.kill('SIGKILL'), delay);
      };
      // A safety net for a worker the planned kill never reaches; started at GO, not at spawn:
      // a worker started ahead may wait long for its turn on a loaded machine.
      const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.stdin.write('GO\n');
      const { signal } = await closed;
      clearTimeout(guard);
      const lines = out.split('\n').filter((l) => l && l !== 'LOADED');
      return { lines, stderr: err, signal };
    },
  };
}

interface Committed {
  imports: Map<number, string>;
  articles: Map<number, string>;
  signs: Map<number, { number: number; total: number }>;
}

function record(lines: string[], into: Committed): void {
  for (const line of lines) {
    const [kind, id, ...rest] = line.split(' ');
    if (kind === 'IMPORT') into.imports.set(Number(id), rest[0]!);
    else if (kind === 'ARTICLE' || kind === 'EDIT') into.articles.set(Number(id), rest.join(' '));
    else if (kind === 'SIGN') into.signs.set(Number(id), { number: Number(rest[0]), total: Number(rest[1]) });
  }
}

/** The index as SQLite stores it: every term with the documents and counts it has. */
function indexContents(db: Database.Database): string {
  const vocab = (...tables: string[]) =>
    JSON.stringify(
      db.prepare(`SELECT term, sum(doc) AS doc, sum(cnt) AS cnt FROM (${tables.map((t) => `SELECT term, doc, cnt FROM ${t}`).join(' UNION ALL ')}) GROUP BY term ORDER BY term`).all(),
    );
  const docs = JSON.stringify(db.prepare('SELECT kind, ref_id FROM search_docs ORDER BY kind, ref_id').all());
  // the bigrams' two halves are one index (which half holds a document follows its rowid)
  return `${docs}\n${vocab('search_bi_vocab', 'search_bi_even_vocab')}\n${vocab('search_uni_vocab')}`;
}

/** `rebuild`: also compare the index with one rebuilt from the data (every fifth run: it grows). */
function verify(committed: Committed, run: number, rebuild: boolean): { signed: number; submissions: number } {
  const db = new Database(t.file);
  try {
    expect(db.pragma('integrity_check', { simple: true }), `run ${run}`).toBe('ok');

    for (const [id, hash] of committed.imports) {
      const row = db.prepare('SELECT original_file, original_sha256 FROM submissions WHERE id = ?').get(id) as
        | { original_file: Buffer; original_sha256: string }
        | undefined;
      expect(row, `run ${run}: imported draft ${id}`).toBeDefined();
      expect(row!.original_sha256).toBe(hash);
    }
    for (const [id, title] of committed.articles) {
      const row = db.prepare('SELECT title FROM articles WHERE id = ?').get(id) as { title: string } | undefined;
      expect(row, `run ${run}: article ${id}`).toBeDefined();
      // An edit may have committed just before the kill, without the time to say so.
      const allowed = title.endsWith('（改）') ? [title] : [title, `${title}（改）`];
      expect(allowed, `run ${run}: article ${id}`).toContain(row!.title);
    }
    for (const [id, n] of committed.signs) {
      const row = db.prepare('SELECT status, number, total_number FROM issues WHERE id = ?').get(id) as
        | { status: string; number: number; total_number: number }
        | undefined;
      expect(row, `run ${run}: signed issue ${id}`).toEqual({ status: 'signed', number: n.number, total_number: n.total });
    }

    // Numbers: from the first, no gap, no duplicate; each with its archived file and checksum.
    const issues = db
      .prepare("SELECT i.id, i.number, i.total_number, f.docx, f.sha256, f.size FROM issues i LEFT JOIN issue_files f ON f.issue_id = i.id WHERE i.status IN ('signed', 'voided') ORDER BY i.number")
      .all() as { id: number; number: number; total_number: number; docx: Buffer | null; sha256: string | null; size: number | null }[];
    expect(issues.map((i) => i.number)).toEqual(issues.map((_, k) => FIRST_NUMBER + k));
    expect(issues.map((i) => i.total_number)).toEqual(issues.map((_, k) => FIRST_TOTAL + k));
    for (const i of issues) {
      expect(i.docx, `run ${run}: issue ${i.id} has no archived file`).not.toBeNull();
      expect(sha256(i.docx!)).toBe(i.sha256);
      expect(i.docx!.length).toBe(i.size);
    }
    expect((db.prepare("SELECT count(*) AS n FROM issues WHERE status IN ('draft', 'review') AND number IS NOT NULL").get() as { n: number }).n).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM issue_files f JOIN issues i ON i.id = f.issue_id WHERE i.status NOT IN (\'signed\', \'voided\')').get() as { n: number }).n).toBe(0);

    const originals = db.prepare('SELECT original_file, original_sha256 FROM submissions WHERE original_file IS NOT NULL').all() as {
      original_file: Buffer;
      original_sha256: string;
    }[];
    for (const o of originals) expect(sha256(o.original_file)).toBe(o.original_sha256);

    // The search index: internally sound, and the same as one rebuilt from the data.
    db.exec("INSERT INTO search_bi(search_bi) VALUES ('integrity-check'); INSERT INTO search_bi_even(search_bi_even) VALUES ('integrity-check'); INSERT INTO search_uni(search_uni) VALUES ('integrity-check');");
    if (!rebuild) return { signed: issues.length, submissions: originals.length };
    const copy = path.join(t.dir, `rebuilt-${run}.db`);
    db.prepare('VACUUM INTO ?').run(copy);
    const rebuilt = new Database(copy);
    try {
      rebuilt.transaction(() => reindexAll(rebuilt))();
      expect(indexContents(db), `run ${run}: index differs from a rebuild`).toBe(indexContents(rebuilt));
    } finally {
      rebuilt.close();
      fs.rmSync(copy, { force: true });
    }
    return { signed: issues.length, submissions: originals.length };
  } finally {
    db.close();
  }
}

async function killAndCheck(): Promise<void> {
  const committed: Committed = { imports: new Map(), articles: new Map(), signs: new Map() };
  const delays: number[] = [];
  let lastCount = { signed: 0, submissions: 0 };
  let workerLines = 0;
  let workMs = 0;
  let verifyMs = 0;
  const interrupted = new Map<string, number>();
  const ahead = 4;
  const queue: Worker[] = [];
  // The whole schedule up front, from the seed: after how many committed steps, and how many
  // milliseconds later, each worker is killed.
  const schedule = fc.sample(fc.record({ after: fc.integer({ min: 0, max: 7 }), delay: fc.integer({ min: 20, max: 300 }) }), { numRuns: KILLS, seed: SEED });
  console.log(`crash-kill: seed ${SEED} (replay with CRASH_KILL_SEED=${SEED})`);
  for (let run = 1; run <= Math.min(ahead, KILLS); run++) queue.push(startWorker(run));
  for (let run = 1; run <= KILLS; run++) {
    const w = queue.shift()!;
    await w.loaded;
    const { after, delay } = schedule[run - 1]!;
    delays.push(delay);
    const started = Date.now();
    const { lines, stderr, signal } = await w.go(after, delay);
    workMs += Date.now() - started;
    if (run + ahead <= KILLS) queue.push(startWorker(run + ahead));
    expect(lines[0], `run ${run} did not start: ${stderr}`).toBe('READY');
    expect(signal, `run ${run} ended by itself: ${stderr}`).toBe('SIGKILL');
    workerLines += lines.length - 1;
    // What the kill cut short: the step after the last one reported.
    const last = lines.at(-1)!.split(' ')[0]!;
    const cut = { READY: 'import', IMPORT: 'add', ARTICLE: 'edit', EDIT: 'compose+sign', SIGN: 'import' }[last] ?? last;
    interrupted.set(cut, (interrupted.get(cut) ?? 0) + 1);
    record(lines, committed);
    const checking = Date.now();
    lastCount = verify(committed, run, run % 5 === 0 || run === KILLS);
    verifyMs += Date.now() - checking;
  }
  // The kills landed while work was going on, in every step, not before it started. On a busy
  // 2-core machine a worker gets fewer steps done before its kill (23 of 50 signs was seen beside
  // another test run), so the bar is one run in five, which still proves work was cut short.
  expect(committed.signs.size).toBeGreaterThanOrEqual(KILLS / 5);
  expect(committed.imports.size).toBeGreaterThanOrEqual(KILLS / 5);
  // Adding and editing take a few milliseconds each, so few kills can land there by chance;
  // importing and signing (rendering, archiving, numbering) are where the time goes.
  expect(interrupted.get('import') ?? 0).toBeGreaterThanOrEqual(2);
  expect(interrupted.get('compose+sign') ?? 0).toBeGreaterThanOrEqual(10);
  expect(lastCount.signed).toBeGreaterThanOrEqual(committed.signs.size);
  console.log(
    `crash-kill: ${KILLS} kills after ${Math.min(...delays)}–${Math.max(...delays)} ms; ${workerLines} committed steps reported; ` +
      `${lastCount.signed} issues signed, ${lastCount.submissions} drafts imported; cut short: ${JSON.stringify(Object.fromEntries(interrupted))}; ` +
      `${(workMs / 1000).toFixed(1)} s working, ${(verifyMs / 1000).toFixed(1)} s checking`,
  );
}

// Alone on 2 cores it takes about a minute; beside another test run, several times that. The
// limit is only a net for a hung worker (each is also killed by its own guard): on a machine
// loaded ten times over (eight other builds and tests), 50 kills took over ten minutes.
it(`survives ${KILLS} SIGKILLs at random moments during imports, edits and signings`, async () => {
  try {
    await killAndCheck();
  } catch (e) {
    if (e instanceof Error) e.message = `[replay with CRASH_KILL_SEED=${SEED}] ${e.message}`;
    throw e;
  }
}, 1_500_000);

/**
 * The archive most sections measure against: 10,000 signed issues and 100,000 items over about
 * 21 years (a tenth with --quick), 60 units, every signed issue with its archived Word file and
 * its link of the seal chain (so the check and verify sections read a real archive). Written with
 * plain SQL in big transactions (no journal while building), then indexed in one pass by the
 * application's own rebuild.
 *
 * Building the full size takes minutes, so the finished file is kept in a cache outside the
 * repository (BENCH_CACHE, else ~/.cache/bulletin-bench), named by a key over everything that
 * shapes its data: this file, the corpus, the schema's migrations and the seal. A run
 * copies it from there. The index rebuild (the reindex goal of issue 14, `bulletin search
 * reindex`) is timed on every run, on the run's own copy, cached or not.
 * A section that writes works on a copy (`archiveCopy`), so sections do not depend on each
 * other's order.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src-main/store/db';
import { rebuildSearchIndexNow } from '../../src-main/store/search-index';
import { sealExistingArchive } from '../../src-main/store/seal';
import { makeText, makeVocabulary, rng, sampleWord, type Vocabulary } from './corpus';

export interface Archive {
  file: string;
  items: number;
  issues: number;
  rawTextBytes: number;
  /** Writing the data (0 when it came from the cache). */
  buildSeconds: number;
  /** Whether the data came from the cache. */
  cached: boolean;
  /** The whole index rebuilt in one pass after the data (as `bulletin search reindex` does). */
  indexSeconds: number;
  /** CPU seconds of that rebuild (this process: the machine is shared, wall time alone misleads). */
  indexCpuSeconds: number;
  /** The vocabulary the text was drawn from, and a generator for the sections' queries. */
  vocabulary: Vocabulary;
  random: () => number;
}

const CATEGORIES = ['news', 'practice', 'problem', 'research', 'followup'];

let built: Archive | undefined;

/** Everything whose change changes the archive built: its hash names the cached file. */
function cacheKey(quick: boolean): string {
  const h = crypto.createHash('sha256').update(quick ? 'quick' : 'full');
  const files = [
    'scripts/bench/archive.ts',
    'scripts/bench/corpus.ts',
    'src-main/store/seal.ts',
    ...fs.readdirSync('src-main/store/migrations').sort().map((f) => path.join('src-main/store/migrations', f)),
  ];
  for (const f of files) h.update(f).update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

function cacheDir(): string {
  return process.env.BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'bulletin-bench');
}

export function sharedArchive(dir: string, quick: boolean): Archive {
  if (built) return built;
  const items = quick ? 10_000 : 100_000;
  const issues = quick ? 1_000 : 10_000;
  const vocabulary = makeVocabulary(30_000, rng(20261122));
  const file = path.join(dir, 'archive.db');
  const size = quick ? '10k' : '100k';
  const cached = path.join(cacheDir(), `archive-${size}-${cacheKey(quick)}.db`);
  const meta = `${cached}.json`;
  let rawTextBytes: number;
  let buildSeconds = 0;
  const hit = !process.env.BENCH_NO_CACHE && fs.existsSync(cached) && fs.existsSync(meta);
  if (hit) {
    fs.copyFileSync(cached, file);
    rawTextBytes = (JSON.parse(fs.readFileSync(meta, 'utf8')) as { rawTextBytes: number }).rawTextBytes;
  } else {
    const t0 = performance.now();
    rawTextBytes = buildData(file, items, issues, vocabulary, rng(20261123));
    buildSeconds = (performance.now() - t0) / 1000;
  }
  const { wall, cpu } = reindexTimed(file);
  if (!hit && !process.env.BENCH_NO_CACHE) {
    try {
      fs.mkdirSync(cacheDir(), { recursive: true });
      // Older builds of this size go: one archive per size is kept.
      for (const old of fs.readdirSync(cacheDir()).filter((n) => n.startsWith(`archive-${size}-`))) fs.rmSync(path.join(cacheDir(), old), { force: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      fs.copyFileSync(file, tmp);
      fs.renameSync(tmp, cached);
      fs.writeFileSync(meta, JSON.stringify({ rawTextBytes, items, issues, builtSeconds: buildSeconds }));
    } catch (e) {
      console.warn(`(the archive was not cached: ${(e as Error).message})`);
    }
  }
  built = { file, items, issues, rawTextBytes, buildSeconds, cached: hit, indexSeconds: wall, indexCpuSeconds: cpu, vocabulary, random: rng(20261124) };
  return built;
}

/** The whole index rebuilt as the app rebuilds it, timed: wall and this process's CPU. */
function reindexTimed(file: string): { wall: number; cpu: number } {
  const db = openDatabase(file);
  try {
    const c0 = process.cpuUsage();
    const wall = rebuildSearchIndexNow(db).ms / 1000;
    const c = process.cpuUsage(c0);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { wall, cpu: (c.user + c.system) / 1e6 };
  } finally {
    db.close();
  }
}

/** A copy of the shared archive under `name`, for a section that changes what it measures. */
export function archiveCopy(dir: string, quick: boolean, name: string): string {
  const src = sharedArchive(dir, quick).file;
  const dest = path.join(dir, name);
  fs.copyFileSync(src, dest);
  return dest;
}

/** An archived Word file's stand-in: incompressible bytes of a typical issue's size. */
const DOCX_BYTES = 24 * 1024;

/** Writes the data (no index) and returns the bytes of raw text written. */
function buildData(file: string, items: number, issues: number, v: Vocabulary, random: () => number): number {
  const db = openDatabase(file);
  // Building the fixture only: no journal, no syncs; the file is switched back to WAL at the end.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');
  const now = '2026-01-01T00:00:00.000Z';
  db.prepare("INSERT INTO series (name, org, created_at, updated_at) VALUES ('清源县政务信息', '清源县人民政府办公室', ?, ?)").run(now, now);
  const unitIds: number[] = [];
  for (let u = 0; u < 60; u++) {
    unitIds.push(Number(db.prepare('INSERT INTO units (name, kind, created_at, updated_at) VALUES (?, ?, ?, ?)').run(`单位${u + 1}`, 'town', now, now).lastInsertRowid));
  }
  const insertArticle = db.prepare(
    'INSERT INTO articles (title, paragraphs, unit_id, category, classification, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertIssue = db.prepare("INSERT INTO issues (series_id, status, date, created_at, updated_at) VALUES (1, 'review', ?, ?, ?)");
  const link = db.prepare('INSERT INTO issue_articles (issue_id, article_id, position) VALUES (?, ?, ?)');
  const sign = db.prepare("UPDATE issues SET status = 'signed', number = ?, total_number = ?, signed_by = '张建国', signed_at = ? WHERE id = ?");
  const archive = db.prepare('INSERT INTO issue_files (issue_id, docx, sha256, size, created_at) VALUES (?, ?, ?, ?, ?)');

  const perIssue = items / issues;
  const startYear = 2026 - Math.ceil(issues / 480) + 1;
  let rawTextBytes = 0;
  const batch = 2000; // issues per transaction
  let yearNumber = 0;
  let year = startYear;
  for (let first = 0; first < issues; first += batch) {
    db.transaction(() => {
      for (let i = first; i < Math.min(issues, first + batch); i++) {
        const y = startYear + Math.floor(i / 480);
        if (y !== year) {
          year = y;
          yearNumber = 0;
        }
        const dayOfYear = Math.floor(((i % 480) / 480) * 360);
        const date = new Date(Date.UTC(y, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
        const stamp = `${date}T08:00:00.000Z`;
        const issueId = Number(insertIssue.run(date, stamp, stamp).lastInsertRowid);
        for (let k = 0; k < perIssue; k++) {
          const title = Array.from({ length: 4 + Math.floor(random() * 4) }, () => sampleWord(v, random)).join('');
          const paragraphs = makeText(v, random, 300 + Math.floor(random() * 2700)).map((text) => ({ level: 0, text }));
          const json = JSON.stringify(paragraphs);
          rawTextBytes += Buffer.byteLength(title) + paragraphs.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
          const id = insertArticle.run(title, json, unitIds[Math.floor(random() * 60)], CATEGORIES[k % 5], 'public', stamp, stamp).lastInsertRowid;
          link.run(issueId, id, k + 1);
        }
        sign.run(++yearNumber, i + 1, stamp, issueId);
        const docx = crypto.randomBytes(DOCX_BYTES);
        archive.run(issueId, docx, crypto.createHash('sha256').update(docx).digest('hex'), docx.length, stamp);
      }
    })();
  }
  // As signing would have: one link of the archive's seal per signed issue.
  db.transaction(() => sealExistingArchive(db))();
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.close();
  return rawTextBytes;
}

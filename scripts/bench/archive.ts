/**
 * The archive most sections measure against: 10,000 signed issues and 100,000 items over about
 * 21 years (a tenth with --quick), 60 units, built once per run with plain SQL for speed, then
 * indexed in one pass by the application's own rebuild (`bulletin search reindex`), which is
 * timed: the reindex goal of issue 14. Built on first use and kept in the run's
 * folder; a section that writes works on a copy (`archiveCopy`), so sections do not depend on
 * each other's order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src-main/store/db';
import { rebuildSearchIndexNow } from '../../src-main/store/search-index';
import { makeText, makeVocabulary, rng, sampleWord, type Vocabulary } from './corpus';

export interface Archive {
  file: string;
  items: number;
  issues: number;
  rawTextBytes: number;
  buildSeconds: number;
  /** The whole index rebuilt in one pass after the data (as `bulletin search reindex` does). */
  indexSeconds: number;
  /** The vocabulary the text was drawn from, and the generator after building (for queries). */
  vocabulary: Vocabulary;
  random: () => number;
}

const CATEGORIES = ['news', 'practice', 'problem', 'research', 'followup'];

let built: Archive | undefined;

export function sharedArchive(dir: string, quick: boolean): Archive {
  if (built) return built;
  const items = quick ? 10_000 : 100_000;
  const issues = quick ? 1_000 : 10_000;
  const random = rng(20261122);
  const vocabulary = makeVocabulary(30_000, random);
  built = build(path.join(dir, 'archive.db'), items, issues, vocabulary, random);
  return built;
}

/** A copy of the shared archive under `name`, for a section that changes what it measures. */
export function archiveCopy(dir: string, quick: boolean, name: string): string {
  const src = sharedArchive(dir, quick).file;
  const dest = path.join(dir, name);
  fs.copyFileSync(src, dest);
  return dest;
}

function build(file: string, items: number, issues: number, v: Vocabulary, random: () => number): Archive {
  const db = openDatabase(file);
  db.pragma('synchronous = OFF'); // building the fixture only; the measured queries are reads
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

  const perIssue = items / issues;
  const startYear = 2026 - Math.ceil(issues / 480) + 1;
  let rawTextBytes = 0;
  let buildMs = 0;
  const batch = 500; // issues per transaction
  let yearNumber = 0;
  let year = startYear;
  for (let first = 0; first < issues; first += batch) {
    const t0 = performance.now();
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
          rawTextBytes += Buffer.byteLength(title) + paragraphs.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
          const id = insertArticle.run(title, JSON.stringify(paragraphs), unitIds[Math.floor(random() * 60)], CATEGORIES[k % 5], 'public', stamp, stamp).lastInsertRowid;
          link.run(issueId, id, k + 1);
        }
        sign.run(++yearNumber, i + 1, stamp, issueId);
      }
    })();
    buildMs += performance.now() - t0;
  }
  db.pragma('synchronous = FULL'); // the rebuild is timed as the app runs it
  const indexMs = rebuildSearchIndexNow(db).ms;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { file, items, issues, rawTextBytes, buildSeconds: buildMs / 1000, indexSeconds: indexMs / 1000, vocabulary: v, random };
}


/**
 * Keeps the full-text index in step with the data. Every service that changes an article, an
 * issue or a submission calls `reindex` inside its own transaction, naming what it touched;
 * related documents (an issue's articles, an article's submission) are refreshed with it.
 * Each document is deleted and re-inserted under the same rowid, so the index never holds a
 * stale or a duplicate entry, and rowid order stays the order documents were first entered.
 *
 * A document's token stream: its title twice (a word in the title weighs more in bm25 without
 * a column of its own), its body, then its filter tokens, with a separator token between so no
 * phrase matches across the seams.
 */
import type { DB } from './db-handle';
import { stmt } from './statements';
import { documentStreams } from '../search/token-stream';
import { hasPrintedNames, printedSeriesName } from './printed-series';
// issue 16's records in search (branch search16)
import { RECORD_BUILDERS, recordDocIds, type RecordKind } from './search-record-docs';
import { BULK, DEFAULTS, STEP_PAGES, bulkLoadSettings, defaultLoadSettings, mergeSteps, type LoadedTables } from './search-merge';
import { EvenHalf } from './search-half-worker';

export type DocKind = 'article' | 'submission' | 'issue' | RecordKind;

export interface Touched {
  articles?: readonly number[];
  issues?: readonly number[];
  submissions?: readonly number[];
}

interface DocText {
  title: string;
  body: string;
  meta: string[];
}

function paragraphsText(json: string): string {
  return (JSON.parse(json) as { text: string }[]).map((p) => p.text).join('\n');
}

interface ArticleRow {
  id: number;
  title: string;
  paragraphs: string;
  unit_id: number | null;
  category: string;
  created_at: string;
  status: string | null;
  series_id: number | null;
  year: number | null;
}

const ARTICLE_SQL = `SELECT a.id, a.title, a.paragraphs, a.unit_id, a.category, a.created_at, i.status, i.series_id, i.year
       FROM articles a
       LEFT JOIN issue_articles ia ON ia.article_id = a.id AND ia.live = 1
       LEFT JOIN issues i ON i.id = ia.issue_id`;

function articleText(a: ArticleRow): DocText {
  const state = a.status === 'signed' ? 'used' : a.status ? 'inissue' : 'unused';
  const meta = ['kindarticle', `cat${a.category}`, `state${state}`, `year${a.year ?? a.created_at.slice(0, 4)}`];
  if (a.unit_id !== null) meta.push(`unit${a.unit_id}`);
  if (a.series_id !== null) meta.push(`series${a.series_id}`);
  return { title: a.title, body: paragraphsText(a.paragraphs), meta };
}

function articleDoc(db: DB, id: number): DocText | null {
  const a = stmt(db, `${ARTICLE_SQL} WHERE a.id = ?`).get(id) as ArticleRow | undefined;
  return a ? articleText(a) : null;
}

/** Many items' documents read in one statement: the rebuild's slices. */
function articleDocs(db: DB, ids: readonly number[]): Map<number, DocText> {
  const rows = stmt(db, `${ARTICLE_SQL} WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ArticleRow[];
  return new Map(rows.map((r) => [r.id, articleText(r)]));
}

function submissionDoc(db: DB, id: number): DocText | null {
  const s = stmt(
    db,
    `SELECT s.title, s.paragraphs, s.unit_id, s.received_date, st.state
       FROM submissions s JOIN submission_states st ON st.id = s.id WHERE s.id = ?`,
  ).get(id) as { title: string; paragraphs: string; unit_id: number | null; received_date: string; state: string } | undefined;
  if (!s) return null;
  const meta = ['kindsubmission', `state${s.state}`, `year${s.received_date.slice(0, 4)}`];
  if (s.unit_id !== null) meta.push(`unit${s.unit_id}`);
  return { title: s.title, body: paragraphsText(s.paragraphs), meta };
}

function issueDoc(db: DB, id: number): DocText | null {
  const i = stmt(
    db,
    `SELECT i.series_id, i.year, i.number, i.total_number, i.supplement, i.status,
              ${hasPrintedNames(db) ? printedSeriesName('i', 's') : 's.name'} AS series
       FROM issues i JOIN series s ON s.id = i.series_id WHERE i.id = ?`,
  ).get(id) as
    | { series_id: number; year: number; number: number | null; total_number: number | null; supplement: number; status: string; series: string }
    | undefined;
  if (!i) return null;
  const titles = stmt(
    db,
    `SELECT coalesce(json_extract(ia.snapshot, '$.title'), a.title) AS title
       FROM issue_articles ia JOIN articles a ON a.id = ia.article_id WHERE ia.issue_id = ? ORDER BY ia.position`,
  ).all(id) as { title: string }[];
  const label = i.number === null ? `${i.series} 草稿` : `${i.series} ${i.year}年${i.supplement ? '增刊' : ''}第${i.number}期${i.total_number ? ` 总第${i.total_number}期` : ''}`;
  return {
    title: label,
    body: titles.map((t) => t.title).join('\n'),
    meta: ['kindissue', `series${i.series_id}`, `year${i.year}`, `state${i.status}`],
  };
}

const BUILDERS: Record<DocKind, (db: DB, id: number) => DocText | null> = {
  article: articleDoc,
  submission: submissionDoc,
  issue: issueDoc,
  ...RECORD_BUILDERS,
};

/** Filter tokens live in a namespace no text produces (text tokens are Han bigrams or words). */
export const META_PREFIX = 'zz';
const SEP = 'zzsep';

/** Migration 21's even half of the bigram index, known per connection once it is there. */
const withEvenHalf = new WeakSet<DB>();

export function hasEvenHalf(db: DB): boolean {
  if (withEvenHalf.has(db)) return true;
  if (!stmt(db, "SELECT 1 FROM sqlite_master WHERE name = 'search_bi_even'").get()) return false;
  withEvenHalf.add(db);
  return true;
}

/** The bigram tables a search reads: a document with an even rowid is in the second. */
export function bigramTables(db: DB): readonly ('search_bi' | 'search_bi_even')[] {
  return hasEvenHalf(db) ? ['search_bi', 'search_bi_even'] : ['search_bi'];
}

/** Even rowids written by others while a rebuild's worker writes that half: written again after its copy. */
const writtenDuringRebuild = new WeakMap<DB, Set<number>>();

/** Where the rebuild hands a document's even-half text to its worker instead of writing it here. */
type EvenSink = (rowid: number, text: string) => void;

/** `prebuilt`: the document already read (null: it is gone), else it is read here. */
export function writeDoc(db: DB, kind: DocKind, refId: number, prebuilt?: DocText | null, evenSink?: EvenSink): void {
  const halves = hasEvenHalf(db);
  const existing = stmt(db, 'SELECT id FROM search_docs WHERE kind = ? AND ref_id = ?').get(kind, refId) as { id: number } | undefined;
  const note = (rowid: number) => {
    if (!evenSink && rowid % 2 === 0) writtenDuringRebuild.get(db)?.add(rowid);
  };
  if (existing) {
    note(existing.id);
    stmt(db, 'DELETE FROM search_bi WHERE rowid = ?').run(existing.id);
    if (halves) stmt(db, 'DELETE FROM search_bi_even WHERE rowid = ?').run(existing.id);
    stmt(db, 'DELETE FROM search_uni WHERE rowid = ?').run(existing.id);
  }
  const doc = prebuilt !== undefined ? prebuilt : BUILDERS[kind](db, refId);
  if (!doc) {
    if (existing) stmt(db, 'DELETE FROM search_docs WHERE id = ?').run(existing.id);
    return;
  }
  const rowid = existing?.id ?? Number(stmt(db, 'INSERT INTO search_docs (kind, ref_id) VALUES (?, ?)').run(kind, refId).lastInsertRowid);
  note(rowid);
  const meta = doc.meta.map((m) => META_PREFIX + m).join(' ');
  const { bi, uni } = documentStreams(doc.title, doc.body, SEP);
  const biText = `${bi} ${SEP} ${meta}`;
  if (!halves || rowid % 2 === 1) stmt(db, 'INSERT INTO search_bi (rowid, text) VALUES (?, ?)').run(rowid, biText);
  else if (evenSink) evenSink(rowid, biText);
  else stmt(db, 'INSERT INTO search_bi_even (rowid, text) VALUES (?, ?)').run(rowid, biText);
  stmt(db, 'INSERT INTO search_uni (rowid, text) VALUES (?, ?)').run(rowid, uni ? `${uni} ${meta}` : meta);
}

/** After the worker's copy: what others wrote to the even half meanwhile, written again over it. */
function rewriteEvenHalf(db: DB, rowids: ReadonlySet<number>): void {
  db.transaction(() => {
    for (const id of rowids) {
      const d = stmt(db, 'SELECT kind, ref_id FROM search_docs WHERE id = ?').get(id) as { kind: DocKind; ref_id: number } | undefined;
      if (d) writeDoc(db, d.kind, d.ref_id);
      else stmt(db, 'DELETE FROM search_bi_even WHERE rowid = ?').run(id);
    }
  }).immediate();
}

/** Refreshes the named documents and those whose index entry depends on them. */
export function reindex(db: DB, touched: Touched): void {
  const articles = new Set(touched.articles ?? []);
  const issues = new Set(touched.issues ?? []);
  const submissions = new Set(touched.submissions ?? []);
  for (const issueId of issues) {
    for (const r of db.prepare('SELECT article_id FROM issue_articles WHERE issue_id = ?').all(issueId) as { article_id: number }[]) {
      articles.add(r.article_id);
    }
  }
  const linked = db.prepare('SELECT id FROM submissions WHERE article_id = ?');
  for (const articleId of articles) {
    for (const r of linked.all(articleId) as { id: number }[]) submissions.add(r.id);
  }
  for (const id of articles) writeDoc(db, 'article', id);
  for (const id of issues) writeDoc(db, 'issue', id);
  for (const id of submissions) writeDoc(db, 'submission', id);
}

/** Every document the index should hold, in the order their rowids are given (oldest first). */
function allDocs(db: DB): [DocKind, number][] {
  const ids = (sql: string) => (db.prepare(sql).pluck().all() as number[]);
  return [
    ...ids('SELECT id FROM articles ORDER BY created_at, id').map((id): [DocKind, number] => ['article', id]),
    ...ids('SELECT id FROM submissions ORDER BY received_date, id').map((id): [DocKind, number] => ['submission', id]),
    ...ids('SELECT id FROM issues ORDER BY date, id').map((id): [DocKind, number] => ['issue', id]),
    ...recordDocIds(db),
  ];
}

function clearIndex(db: DB): void {
  db.exec("DELETE FROM search_docs; INSERT INTO search_bi(search_bi) VALUES ('delete-all'); INSERT INTO search_uni(search_uni) VALUES ('delete-all');");
  if (hasEvenHalf(db)) db.exec("INSERT INTO search_bi_even(search_bi_even) VALUES ('delete-all');");
}

/** Rebuilds the whole index from the data in the caller's transaction: at migration. */
export function reindexAll(db: DB): void {
  clearIndex(db);
  for (const [kind, id] of allDocs(db)) writeDoc(db, kind, id);
}

export interface RebuildProgress {
  done: number;
  total: number;
}

export interface RebuildOptions {
  /**
   * Documents per transaction (default 1000): each slice is committed before the next begins.
   * 1000 rather than 2000 since the worker: the same time at 100,000 items (68–73 s against
   * 66–73 s) and about 70 MB less at the peak (310–318 MB resident against 379–389 MB), the
   * slices in flight being half the size.
   */
  slice?: number;
  /** Called after the index is emptied and after every slice, with `done` never going back. */
  onProgress?: (p: RebuildProgress) => void;
  /** Awaited between slices and between the merge steps at the end (e.g. `setImmediate`): other calls and writes get their turn. */
  pause?: () => Promise<void>;
}

/**
 * Rebuilds the whole index from the data, slice by slice, each slice its own transaction: to
 * repair, and after an upgrade that changes what is indexed. Writes made between slices index
 * their own documents as always; a document written twice keeps one entry (writeDoc). Search
 * finds less until the rebuild ends.
 */
export async function rebuildSearchIndex(db: DB, options: RebuildOptions = {}): Promise<{ documents: number; ms: number }> {
  const started = performance.now();
  const slices = rebuildSlices(db, options);
  let documents = 0;
  try {
    for (let next = slices.next(); !next.done; next = slices.next()) {
      if (next.value) documents = next.value.total;
      if (options.pause) await options.pause();
    }
  } finally {
    // a pause that threw leaves the generator suspended: closing it runs its own clean-up
    slices.return(undefined);
  }
  return { documents, ms: performance.now() - started };
}

/** The same, without pauses: for a caller that has nothing else to do (the bench's fixture). */
export function rebuildSearchIndexNow(db: DB, options: Omit<RebuildOptions, 'pause'> = {}): { documents: number; ms: number } {
  const started = performance.now();
  let documents = 0;
  for (const p of rebuildSlices(db, options)) if (p) documents = p.total;
  return { documents, ms: performance.now() - started };
}

/**
 * While the rebuild runs, a larger page cache (FTS5's merges read back the segments just written;
 * SQLite's default keeps 2 MB) and fewer, larger checkpoints (pages FTS5 rewrites at every flush
 * are copied into the database once per checkpoint, not each time). Put back when it ends, however
 * it ends (and FTS5's merge settings, if it ended early). Measured with synchronous NORMAL below
 * on 100,000 items: 139 s → 127 s wall.
 */
const REBUILD_CACHE_KB = 32 * 1024;
/** The worker's cache for its half: it only appends and merges once (8 MB was as fast as 32 at 100k). */
const HALF_CACHE_KB = 8 * 1024;
const REBUILD_CHECKPOINT_PAGES = 8000;

function roomForRebuild(db: DB): (finished: boolean, tables: LoadedTables) => void {
  const cache = db.pragma('cache_size', { simple: true }) as number;
  const checkpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`cache_size = -${REBUILD_CACHE_KB}`);
  db.pragma(`wal_autocheckpoint = ${REBUILD_CHECKPOINT_PAGES}`);
  return (finished: boolean, tables: LoadedTables) => {
    if (!db.open) return;
    db.pragma(`cache_size = ${Math.trunc(cache)}`);
    db.pragma(`wal_autocheckpoint = ${Math.trunc(checkpoint)}`);
    if (!finished && !db.inTransaction) defaultLoadSettings(db, tables);
  };
}

/**
 * One slice of the rebuild committed without waiting for the disk (synchronous NORMAL: WAL keeps
 * the file consistent; a power cut may lose the last slices, which a rebuild would redo anyway),
 * then FULL again at once, so no other write (a signed issue) is ever committed that way. Saves
 * the rebuild of 100,000 items about a tenth of its time (README, Search).
 */
function withoutSyncWait(db: DB, fn: () => void): void {
  const was = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    fn();
  } finally {
    db.pragma(`synchronous = ${Math.trunc(was)}`);
  }
}

/** Yields after every slice (its progress) and after every merge step at the end (null). */
function* rebuildSlices(db: DB, options: RebuildOptions): Generator<RebuildProgress | null> {
  const slice = Math.max(1, options.slice ?? 1000);
  const docs = allDocs(db);
  const report = (done: number) => {
    const p = { done, total: docs.length };
    options.onProgress?.(p);
    return p;
  };
  // The rebuild's own settings, put back in `finally` however it ends: at the last merge step, on
  // an error, or when its caller closes it (return()) after a pause that threw.
  const restore = roomForRebuild(db);
  // The even half of the bigrams in a worker, on the other core (search-half-worker.ts); where
  // none can run, this connection writes it too.
  const halves = hasEvenHalf(db);
  const half = halves ? EvenHalf.start(db, { bulk: BULK, defaults: DEFAULTS, stepPages: STEP_PAGES, cacheKb: HALF_CACHE_KB }) : null;
  const tables = halves && !half ? ['search_bi', 'search_bi_even', 'search_uni'] : ['search_bi', 'search_uni'];
  const written = new Set<number>();
  if (half) writtenDuringRebuild.set(db, written);
  let finished = false;
  try {
    db.transaction(() => {
      clearIndex(db);
      bulkLoadSettings(db, tables);
    }).immediate();
    yield report(0);
    for (let at = 0; at < docs.length; at += slice) {
      const part = docs.slice(at, at + slice);
      const evenIds: number[] = [];
      const evenTexts: string[] = [];
      const sink = half
        ? (rowid: number, text: string) => {
            evenIds.push(rowid);
            evenTexts.push(text);
          }
        : undefined;
      withoutSyncWait(db, () =>
        db.transaction(() => {
          const articles = articleDocs(
            db,
            part.filter(([kind]) => kind === 'article').map(([, id]) => id),
          );
          for (const [kind, id] of part) writeDoc(db, kind, id, kind === 'article' ? (articles.get(id) ?? null) : undefined, sink);
        }).immediate(),
      );
      if (half) {
        // sent once committed, and never more than two slices ahead of the worker (memory)
        while (half.behind() >= 2) {
          half.waitAWhile(50);
          yield null;
        }
        half.put(evenIds, evenTexts);
      }
      yield report(Math.min(docs.length, at + slice));
    }
    half?.finish();
    // the segments merged into one (search-merge.ts), in steps: the last part of the rebuild
    for (const step of mergeSteps(db, tables)) yield step;
    if (half) {
      while (!half.copied()) {
        half.waitAWhile(50);
        yield null;
      }
      writtenDuringRebuild.delete(db);
      rewriteEvenHalf(db, written);
    }
    finished = true;
  } finally {
    writtenDuringRebuild.delete(db);
    half?.stop();
    restore(finished, tables);
  }
}

/**
 * How a search asks FTS5: a query's words become phrases of bigrams (two or more characters) or
 * single-character lookups, filters become terms on the filter tokens, and one query is run per
 * table the words live in. The bigrams are in two halves (search_bi, search_bi_even: migration 21,
 * so a rebuild writes them on two cores), so a page is the two halves' pages merged: newest first
 * by rowid, or ranked by bm25, each half scoring with its own counts (the halves are every other
 * document, so their counts agree but for a handful of documents).
 */
import { ftsPhrase, type QueryTerm } from '../search/tokenize';
import { bigramTables } from '../store/search-index';
import type { DB } from '../store/db-handle';
import { stmt } from '../store/statements';
import { docFrequencies, tableRows, type IndexTable } from './search-doc-frequency';

type Order = 'rank' | 'newest';

interface Query {
  sql: string;
  params: string[];
}

/** How many documents hold the rarest word: the 约 N 处 shown, and the choice of order. */
export function estimate(db: DB, terms: readonly QueryTerm[]): number {
  const docFrequency = docFrequencies(db);
  const bigrams = bigramTables(db);
  const inBigrams = (token: string) => bigrams.reduce((n, table) => n + docFrequency(`${table}_vocab`, token), 0);
  let best = Number.POSITIVE_INFINITY;
  for (const t of terms) {
    const df = t.kind === 'char' ? docFrequency('search_uni_vocab', t.text) : Math.min(...t.tokens.map(inBigrams));
    best = Math.min(best, df);
  }
  return Number.isFinite(best) ? best : 0;
}

/**
 * The words that can move bm25's order in `table`. FTS5's bm25 gives a word in at least half of a
 * table's documents an idf of 1e-6 (log((N - n + 0.5) / (n + 0.5)) ≤ 0 is raised to that), so
 * such a word adds nothing to any score; yet bm25 reads its whole list to count its documents
 * first: 2–3 ms per half for a bigram in most items, the most of a rare two-word search at
 * 100,000 items. Only one-token words are left out (a longer phrase's count is not known here),
 * and never all of them.
 */
function rankingTerms<T extends QueryTerm>(db: DB, list: readonly T[], table: IndexTable): readonly T[] {
  const docFrequency = docFrequencies(db);
  const rows = tableRows(db, table);
  const token = (t: QueryTerm) => (t.kind === 'char' ? [t.text] : t.tokens);
  const moving = list.filter((t) => token(t).length !== 1 || 2 * docFrequency(`${table}_vocab`, token(t)[0]!) < rows);
  return moving.length > 0 ? moving : list;
}

/**
 * One query per table: each gives its rows as (rowid, score), best first, `LIMIT ?` left to bind.
 * `ranking`: the query that only orders (the caller keeps the rows the whole query matches), so it
 * has no filters and only the words that move the order.
 */
function queries(db: DB, terms: readonly QueryTerm[], meta: readonly string[], order: Order, ranking = false): Query[] {
  const phrases = terms.filter((t): t is Extract<QueryTerm, { kind: 'phrase' }> => t.kind === 'phrase');
  const chars = terms.filter((t) => t.kind === 'char');
  const filters = ranking ? [] : meta;
  const score = order === 'rank' ? 'rank' : 'rowid';
  const orderBy = order === 'rank' ? 'rank' : 'rowid DESC';
  if (phrases.length === 0) {
    const charMatch = [...(ranking ? rankingTerms(db, chars, 'search_uni') : chars).map((c) => ftsPhrase([c.text])), ...filters].join(' AND ');
    return [{ sql: `SELECT rowid, ${score} AS score FROM search_uni WHERE search_uni MATCH ? ORDER BY ${orderBy} LIMIT ?`, params: [charMatch] }];
  }
  const charMatch = [...chars.map((c) => ftsPhrase([c.text])), ...filters].join(' AND ');
  return bigramTables(db).map((t) => {
    const biMatch = [...(ranking ? rankingTerms(db, phrases, t) : phrases).map((p) => ftsPhrase(p.tokens)), ...filters].join(' AND ');
    return chars.length === 0
      ? { sql: `SELECT rowid, ${score} AS score FROM ${t} WHERE ${t} MATCH ? ORDER BY ${orderBy} LIMIT ?`, params: [biMatch] }
      : {
          sql: `SELECT rowid, ${score} AS score FROM ${t} WHERE ${t} MATCH ? AND rowid IN (SELECT rowid FROM search_uni WHERE search_uni MATCH ?)
                ORDER BY ${orderBy} LIMIT ?`,
          params: [biMatch, charMatch],
        };
  });
}

/** The page `offset`, `limit` (-1: every row) of the queries' rows merged in `order`. */
function page(db: DB, qs: readonly Query[], order: Order, limit: number, offset: number): number[] {
  const each = limit < 0 ? -1 : offset + limit;
  const rows = qs.flatMap((q) => stmt(db, q.sql).all(...q.params, each) as { rowid: number; score: number }[]);
  if (qs.length > 1) rows.sort(order === 'rank' ? (a, b) => a.score - b.score || a.rowid - b.rowid : (a, b) => b.rowid - a.rowid);
  return rows.slice(offset, limit < 0 ? undefined : offset + limit).map((r) => r.rowid);
}

/**
 * The rowids of the page asked for. Ranked, with filters or several words, and few enough matches
 * (`fewMatches`): bm25 counts the documents of every phrase in the query before it scores a row, a
 * filter token too, and a filter such as 只查信息 (zzkindarticle) is in nearly every document:
 * reading its list cost 2–4 ms of a 3–9 ms search at 100,000 items (bench, rare words). So only the
 * words that move the order are ranked (rankingTerms), the whole query with its filters says which
 * rows are kept (no bm25, no order to build), and the page is cut from what is left. The filters do
 * not move the order: a rare filter token (a unit) used to favour short items.
 */
export function matchingRowids(db: DB, terms: readonly QueryTerm[], meta: readonly string[], order: Order, limit: number, offset: number, fewMatches: boolean): number[] {
  if (order === 'rank' && fewMatches && (meta.length > 0 || terms.length > 1)) {
    const kept = new Set(page(db, queries(db, terms, meta, 'newest'), 'newest', -1, 0));
    return page(db, queries(db, terms, meta, 'rank', true), 'rank', -1, 0)
      .filter((rowid) => kept.has(rowid))
      .slice(offset, offset + limit);
  }
  return page(db, queries(db, terms, meta, order), order, limit, offset);
}

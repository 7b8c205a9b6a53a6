/**
 * Search at archive scale: the shared archive of 10,000 issues and 100,000 items (archive.ts),
 * queried through the API table exactly as the UI does, beside a LIKE scan answering the same
 * queries in the same order on the same data, its page of hits built by the same code.
 */
import fs from 'node:fs';
import { dispatch } from '../../src-main/wiring/dispatch';
import type { SearchHit, SearchResult } from '../../src-main/api/ops/search';
import { searchHits } from '../../src-main/services/search';
import { parseQuery } from '../../src-main/search/tokenize';
import { renderIssueDocx } from '../../src-main/export/docx-issue';
import { buildIssueModel } from '../../src-main/services/archive';
import { createCtx, type Ctx } from '../../src-main/services/context';
import { openDatabase } from '../../src-main/store/db';
import { sharedArchive } from './archive';
import type { Vocabulary } from './corpus';
import { goalLine, MIN_SAMPLES, ms, row, stats, time } from './stats';

interface Query {
  kind: string;
  text: string;
}

export function pickQueries(v: Vocabulary, random: () => number): Query[] {
  const byLength = (n: number) => v.words.map((w, rank) => ({ w, rank })).filter((x) => [...x.w].length === n);
  const spread = (list: { w: string; rank: number }[], count: number) => {
    // frequent and rare alike: evenly spaced over the ranks, on a log scale
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const target = Math.floor(Math.exp((Math.log(list.length) * i) / Math.max(1, count - 1))) - 1;
      out.push(list[Math.min(list.length - 1, Math.max(0, target))]!.w);
    }
    return [...new Set(out)];
  };
  const one = [...new Set([...spread(byLength(1), 8), ...Array.from({ length: 6 }, () => v.chars[Math.floor(random() * v.chars.length)]!)])];
  const two = spread(byLength(2), 16);
  const four = spread(byLength(4), 12);
  const pairs = Array.from({ length: 12 }, (_, i) => `${two[i % two.length]} ${two[(i * 5 + 3) % two.length]}`);
  return [
    ...one.map((text) => ({ kind: '1 character', text })),
    ...two.map((text) => ({ kind: '2 characters', text })),
    ...four.map((text) => ({ kind: '4 characters', text })),
    ...pairs.map((text) => ({ kind: 'two words', text })),
  ];
}

/**
 * The same query answered by scanning the text, in the order the UI shows, and its page of hits
 * built as the search builds its own (rows, snippets, marks: searchHits), so the two answer the
 * same question: the scan is what differs.
 */
export function likeScan(ctx: Ctx, query: string, order: 'rank' | 'newest'): SearchHit[] {
  const db = ctx.db;
  const words = query.split(/\s+/).filter(Boolean);
  const where = words.map(() => '(title LIKE ? OR paragraphs LIKE ?)').join(' AND ');
  const params = words.flatMap((w) => [`%${w}%`, `%${w}%`]);
  let ids: number[];
  if (order === 'newest') {
    ids = (db.prepare(`SELECT id FROM articles WHERE ${where} ORDER BY id DESC LIMIT 50`).all(...params) as { id: number }[]).map((r) => r.id);
  } else {
    // ranking needs every match scored: occurrences, a title match counting ten
    const w = words[0]!;
    const score = `(length(paragraphs) - length(replace(paragraphs, ?, ''))) / length(?) + 10 * (instr(title, ?) > 0)`;
    ids = (db.prepare(`SELECT id, ${score} AS score FROM articles WHERE ${where} ORDER BY score DESC LIMIT 50`).all(w, w, w, ...params) as { id: number }[]).map((r) => r.id);
  }
  return searchHits(
    ctx,
    ids.map((id) => ({ kind: 'article' as const, ref_id: id })),
    parseQuery(query).map((t) => t.text),
  );
}

export async function benchSearch(dir: string, quick: boolean): Promise<string[]> {
  const out: string[] = [];
  const built = sharedArchive(dir, quick);
  const { vocabulary: v, random } = built;
  const db = openDatabase(built.file);
  const ctx: Ctx = createCtx(db);
  const source = built.cached ? 'data from the cache' : `data written in ${built.buildSeconds.toFixed(1)} s`;
  out.push(`archive: ${built.issues} issues, ${built.items} items; ${source}, then the whole index rebuilt in ${built.indexSeconds.toFixed(1)} s (CPU ${built.indexCpuSeconds.toFixed(1)} s)`);
  out.push(goalLine(`reindex everything (${built.items} items, searchReindex)`, built.indexSeconds, '<=', 120, 's'));

  const queries = pickQueries(v, random);
  const byKind = new Map<string, number[]>();
  // The first run of a query counts its tokens' documents; later runs find the counts kept
  // (search-doc-frequency.ts) until the database changes: the first runs are shown apart.
  const firstByKind = new Map<string, number[]>();
  const likeRare: number[] = [];
  const ftsRare: number[] = [];
  const rareLines: string[] = [];
  const likeAll = new Map<string, number[]>();
  // CPU time beside wall time: on a shared machine the wall clock measures the neighbours too.
  const cpuByKind = new Map<string, number[]>();
  const likeRareCpu: number[] = [];
  const ftsRareCpu: number[] = [];
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  for (const q of queries) {
    const samples: number[] = [];
    const cpu: number[] = [];
    let result: SearchResult | undefined;
    for (let run = 0; run < MIN_SAMPLES; run++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      result = (await dispatch(ctx, 'search', { query: q.text, kinds: ['article'], limit: 50 })) as SearchResult;
      samples.push(performance.now() - t0);
      cpu.push(cpuMs(process.cpuUsage(c0)));
    }
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ...samples]);
    firstByKind.set(q.kind, [...(firstByKind.get(q.kind) ?? []), samples[0]!]);
    cpuByKind.set(q.kind, [...(cpuByKind.get(q.kind) ?? []), ...cpu]);
    const fraction = result!.estimate / built.items;
    const rare = fraction < 0.01;
    // the LIKE scan takes seconds at full size: once per query, and for every rare query
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    likeScan(ctx, q.text, result!.order);
    const likeMs = performance.now() - t0;
    const likeCpu = cpuMs(process.cpuUsage(c0));
    likeAll.set(q.kind, [...(likeAll.get(q.kind) ?? []), likeMs]);
    if (rare) {
      likeRare.push(likeMs);
      ftsRare.push(stats(samples).median);
      likeRareCpu.push(likeCpu);
      ftsRareCpu.push(Math.max(0.001, stats(cpu).median));
      rareLines.push(
        `  rare ${q.kind.padEnd(12)} in ${(fraction * 100).toFixed(2)}% of items: search median ${ms(stats(samples).median)}, p95 ${ms(stats(samples).p95)} (n=${samples.length}) vs LIKE ${ms(likeMs)} = ${(likeMs / stats(samples).median).toFixed(0)}x; CPU ${ms(stats(cpu).median)} vs ${ms(likeCpu)}`,
      );
    }
  }
  for (const [kind, samples] of byKind) {
    const like = stats(likeAll.get(kind)!);
    const st = stats(samples);
    const cpu = stats(cpuByKind.get(kind)!);
    out.push(row(`search "${kind}" (first 50, UI order)`, st, `LIKE scan median ${ms(like.median)}; CPU median ${ms(cpu.median)}, p95 ${ms(cpu.p95)}`));
    out.push(goalLine(`search p95, ${kind}`, st.p95, '<=', 20, 'ms'));
    const first = firstByKind.get(kind)!;
    out.push(`  first run of each query (token counts not yet kept): median ${ms(stats(first).median)}, max ${ms(Math.max(...first))} (${first.length} queries)`);
  }
  if (ftsRare.length) {
    const speedups = ftsRare.map((f, i) => likeRare[i]! / f);
    out.push(
      `rare words (<1% of items, ${ftsRare.length} queries): search median ${ms(stats(ftsRare).median)} vs LIKE ${ms(stats(likeRare).median)}; ` +
        `speed-up min ${Math.min(...speedups).toFixed(0)}x, median ${stats(speedups).median.toFixed(0)}x`,
    );
    out.push(goalLine('rare-word speed-up over LIKE, worst query', Math.min(...speedups), '>=', 100, 'x'));
    const cpuSpeedups = ftsRareCpu.map((f, i) => likeRareCpu[i]! / f);
    out.push(`rare-word speed-up in CPU time (the machine's load aside): min ${Math.min(...cpuSpeedups).toFixed(0)}x, median ${stats(cpuSpeedups).median.toFixed(0)}x`);
    out.push(...rareLines);
  }

  db.close();
  // Opening and the start-up check are measured in 'Start-up and checks' (startup.ts).
  const db2 = openDatabase(built.file);
  const ctx2 = createCtx(db2);
  const lastIssue = (db2.prepare('SELECT max(id) AS id FROM issues').get() as { id: number }).id;
  const render = await time(30, () => renderIssueDocx(buildIssueModel(ctx2, lastIssue)));
  out.push(row('render one issue of the archive as Word', render));
  db2.close();

  const size = fs.statSync(built.file).size;
  out.push(
    `database ${(size / 1e6).toFixed(0)} MB for ${(built.rawTextBytes / 1e6).toFixed(0)} MB of raw text (UTF-8): ${(size / built.rawTextBytes).toFixed(2)}x ` +
      '(text kept once; index in contentless FTS5 tables; archived Word files not included)',
  );
  return out;
}

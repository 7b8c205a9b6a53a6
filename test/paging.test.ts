/**
 * Paged lists (issue 14): every list op takes sort / dir / limit / offset and its filters and
 * answers { rows, total }. For each list and each column, both ways: the pages read one after
 * another are the whole list in that order (no row twice, none skipped, ties kept by id), the
 * order really follows the column, and the total counts what the filters match. An unknown
 * column is refused in Chinese and changes nothing. EXPLAIN QUERY PLAN shows that the default
 * order of each list is read off an index (no full scan of a big table, no sort of it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpName } from '../src-main/api/contract';
import { SORTS, type SortList } from '../src-main/api/paging';
import { cli } from './helpers/cli';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';

const NOW = new Date('2026-11-21T02:00:00Z');
let t: TestDb;
let seriesId: number;
let unitIds: number[];

type Row = Record<string, unknown> & { id: number | null };

/** Many rows with repeated values, so ties and page boundaries are really exercised. */
beforeAll(async () => {
  t = openTestDb({ now: () => NOW });
  const s = await seed(t, 30);
  seriesId = s.series.id;
  unitIds = s.units.map((u) => u.id);
  const third = await t.call('unitAdd', { name: '河口乡' });
  unitIds.push(third.id);
  const ids = s.articles.map((a) => a.id);
  // item fields with ties: categories, classifications, a unit on every third
  for (let i = 0; i < 30; i++) {
    await t.call('articleEdit', { id: ids[i]!, category: (['news', 'practice', 'problem'] as const)[i % 3], unit: unitIds[i % 3] ?? null });
  }
  // three signed issues, one voided, and two drafts
  const dates = ['2026-03-02', '2026-03-02', '2026-05-10', '2026-06-01'];
  for (let i = 0; i < dates.length; i++) await publish(t, seriesId, ids.slice(i * 3, i * 3 + 3), dates[i]!, i % 2 ? '李某' : '张某某');
  const last = (await t.call('issueList', { series: seriesId, status: 'signed', sort: 'date', dir: 'desc', limit: 1 })).rows[0]!;
  await t.call('issueVoid', { id: last.id, reason: '误签' });
  await t.call('issueCreate', { series: seriesId, date: '2026-11-01' });
  await t.call('issueCreate', { series: seriesId, date: '2026-11-02' });
  // drafts: dates, units (some none), states repeated
  for (let i = 0; i < 40; i++) {
    const d = await t.call('submissionAdd', {
      title: `来稿${String.fromCharCode(0x4e00 + (i % 7))}第${i}份`,
      body: `正文${i}`,
      unit: i % 4 === 0 ? null : unitIds[i % 3]!,
      liaisonName: ['王某', '李某', ''][i % 3],
      receivedDate: `2026-10-${String(1 + (i % 9)).padStart(2, '0')}`,
      allowDuplicate: true,
    });
    if (i % 5 === 0) await t.call('submissionSetState', { id: d.id, state: 'unused', reason: '不采用' });
    if (i % 7 === 0) await t.call('submissionSetState', { id: d.id, state: 'forwarded' });
  }
  // hand-entered adoptions and instructions beside those of the signed issues
  for (let i = 0; i < 12; i++) {
    await t.call('adoptionAdd', { articleId: ids[i % 5]!, publication: `刊物${i % 3}`, level: 'city', kind: 'single', date: `2026-0${1 + (i % 4)}-15`, issueRef: `第${i}期` });
    await t.call('instructionAdd', { articleId: ids[i % 6]!, level: i % 2 ? 'city' : 'county', leader: `领导${i % 3}`, date: `2026-0${1 + (i % 5)}-20` });
  }
  // a register of packets (written here as the export would register them)
  const insert = t.db.prepare(
    `INSERT INTO packets (created_at, created_by, file_name, path, sha256, size, manifest, issue_count, article_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1)`,
  );
  for (let i = 0; i < 9; i++) {
    insert.run(`2026-11-0${1 + (i % 3)}T08:00:00.000Z`, ['王某', '李某'][i % 2], `上报包${i % 4}.zip`, `/tmp/p${i}.zip`, 'a'.repeat(64), 100 + (i % 3), JSON.stringify({ issues: [], articles: [{ id: ids[0], title: 't' }] }));
  }
}, 120_000);
afterAll(() => t.close());

/** The field of a row each sort column orders by (several for 期号). */
const VALUE: Record<SortList, Record<string, (r: Row) => unknown[]>> = {
  issue: {
    date: (r) => [r.date],
    number: (r) => [r.year, r.supplement ? 1 : 0, r.number],
    totalNumber: (r) => [r.totalNumber],
    status: (r) => [r.status],
    articles: (r) => [r.articleCount],
    signedBy: (r) => [r.signedBy],
    updatedAt: (r) => [r.updatedAt],
  },
  article: {
    updatedAt: (r) => [r.updatedAt],
    createdAt: (r) => [r.createdAt],
    title: (r) => [r.title],
    unit: (r) => [r.unit],
    category: (r) => [r.category],
    classification: (r) => [r.classification],
  },
  submission: {
    receivedDate: (r) => [r.receivedDate],
    title: (r) => [r.title],
    unit: (r) => [r.unit],
    state: (r) => [r.state],
    liaisonName: (r) => [r.liaisonName],
    category: (r) => [r.category],
  },
  packet: { createdAt: (r) => [r.createdAt], fileName: (r) => [r.fileName], size: (r) => [r.size], createdBy: (r) => [r.createdBy] },
  adoption: { date: (r) => [r.date], title: (r) => [r.title], publication: (r) => [r.publication], kind: (r) => [r.kind] },
  instruction: { date: (r) => [r.date], title: (r) => [r.title], leader: (r) => [r.leader], level: (r) => [r.level] },
  audit: { at: (r) => [r.at], operator: (r) => [r.operator], operation: (r) => [r.operation] },
};

const LISTS: { list: SortList; op: OpName; filters: Record<string, unknown>[] }[] = [
  { list: 'issue', op: 'issueList', filters: [{}, { archived: true }, { series: 0, year: 2026 }, { status: 'signed' }] },
  { list: 'article', op: 'articleList', filters: [{}, { used: false }, { category: 'news' }, { unit: 0, text: '信息' }] },
  { list: 'submission', op: 'submissionList', filters: [{}, { withoutUnit: true }, { state: 'unused' }, { from: '2026-10-03', to: '2026-10-06', unit: 1 }] },
  { list: 'packet', op: 'packetList', filters: [{}] },
  { list: 'adoption', op: 'adoptionList', filters: [{}, { from: '2026-02-01' }, { unit: 0 }] },
  { list: 'instruction', op: 'instructionList', filters: [{}, { to: '2026-03-31' }, { unit: 1 }] },
  { list: 'audit', op: 'auditList', filters: [{}, { object: 'issue' }] },
];

/** Unit filters are written as an index into the units made above. */
function resolve(f: Record<string, unknown>): Record<string, unknown> {
  const out = { ...f };
  if (typeof f.unit === 'number') out.unit = unitIds[f.unit];
  if (f.series === 0) out.series = seriesId;
  return out;
}

async function page(op: OpName, input: Record<string, unknown>): Promise<{ rows: Row[]; total: number }> {
  return (await t.call(op, input as never)) as unknown as { rows: Row[]; total: number };
}

/** SQLite's order: NULL first, numbers before text, text by code point. */
function cmp(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

const rowKey = (r: Row) => JSON.stringify([r.id, r.articleId, r.source]);

describe('each list, each column, both ways', () => {
  for (const { list, op, filters } of LISTS) {
    it(`${op}: pages joined are the whole ordered list, total right`, async () => {
      for (const raw of filters) {
        const f = resolve(raw);
        const all = await page(op, { ...f, limit: 1000 });
        expect(all.total).toBe(all.rows.length);
        expect(all.rows.length, `${op} ${JSON.stringify(raw)} matches something`).toBeGreaterThan(0);
        for (const sort of Object.keys(SORTS[list])) {
          for (const dir of ['asc', 'desc'] as const) {
            const whole = await page(op, { ...f, sort, dir, limit: 1000 });
            expect(whole.total).toBe(all.total);
            // the same rows as the default order, each once
            expect(whole.rows.map(rowKey).sort()).toEqual(all.rows.map(rowKey).sort());
            // ordered by the column, in the direction asked
            const sign = dir === 'asc' ? 1 : -1;
            for (let i = 1; i < whole.rows.length; i++) {
              const a = VALUE[list][sort]!(whole.rows[i - 1]!);
              const b = VALUE[list][sort]!(whole.rows[i]!);
              const c = a.map((x, k) => cmp(x, b[k])).find((x) => x !== 0) ?? 0;
              expect(c * sign, `${op} ${sort} ${dir} at ${i}`).toBeLessThanOrEqual(0);
            }
            // pages of 7 read one after another give exactly the same sequence
            const joined: Row[] = [];
            for (let offset = 0; offset < whole.total + 7; offset += 7) {
              const p = await page(op, { ...f, sort, dir, limit: 7, offset });
              expect(p.total).toBe(whole.total);
              expect(p.rows.length).toBe(Math.max(0, Math.min(7, whole.total - offset)));
              joined.push(...p.rows);
            }
            expect(joined.map(rowKey)).toEqual(whole.rows.map(rowKey));
          }
        }
      }
    }, 120_000);
  }
});

describe('filters with paging', () => {
  it('counts what the filters match, not the page', async () => {
    const unused = await page('submissionList', { state: 'unused', limit: 3 });
    const expected = (t.db.prepare("SELECT count(*) AS n FROM submission_states WHERE state = 'unused'").get() as { n: number }).n;
    expect(unused.total).toBe(expected);
    expect(unused.rows).toHaveLength(3);
    expect(unused.rows.every((r) => r.state === 'unused')).toBe(true);

    const noUnit = await page('submissionList', { withoutUnit: true, sort: 'receivedDate', dir: 'asc', limit: 4, offset: 4 });
    expect(noUnit.total).toBe(10);
    expect(noUnit.rows.every((r) => r.unit === null)).toBe(true);

    const archived = await page('issueList', { archived: true, limit: 2 });
    expect(archived.total).toBe(4);
    expect(archived.rows.every((r) => r.status === 'signed' || r.status === 'voided')).toBe(true);
    const drafts = await page('issueList', { archived: false });
    expect(drafts.rows.map((r) => r.status)).toEqual(['draft', 'draft']);

    const beyond = await page('articleList', { offset: 500 });
    expect(beyond).toEqual({ rows: [], total: 30 });
  });

  it('keeps the workflow order by default: drafts first, then the newest numbers', async () => {
    const issues = (await page('issueList', { series: seriesId })).rows;
    expect(issues.map((i) => i.number)).toEqual([null, null, 4, 3, 2, 1]);
    expect(issues[0]!.id).toBeGreaterThan(issues[1]!.id as number);
  });
});

describe('refused sort keys and pages', () => {
  it('refuses a column not on the list, in Chinese, and changes nothing', async () => {
    const before = snapshotAll(t.db);
    for (const [op, sort] of [
      ['issueList', 'series_id'],
      ['articleList', 'paragraphs'],
      ['submissionList', 'sb.title; DROP TABLE submissions'],
      ['packetList', 'sha256'],
      ['adoptionList', 'id'],
      ['instructionList', 'text'],
      ['auditList', 'detail'],
    ] as const) {
      const e = await t.refuse(op, { sort });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/不能按此列排序，可排序的列：/);
    }
    expect((await t.refuse('articleList', { sort: 'title', dir: 'up' })).message).toMatch(/排序方向只能是 asc（升序）或 desc（降序）/);
    expect((await t.refuse('issueList', { limit: 0 })).code).toBe('INVALID_INPUT');
    expect((await t.refuse('issueList', { limit: 1001 })).message).toMatch(/每页最多1000条/);
    expect((await t.refuse('submissionList', { offset: -1 })).code).toBe('INVALID_INPUT');
    expect(snapshotAll(t.db)).toEqual(before);
  });
});

describe('EXPLAIN QUERY PLAN of each default order', () => {
  /** Runs the op with every statement it prepares recorded, and returns the plans of those with LIMIT. */
  async function plans(op: OpName, input: Record<string, unknown>): Promise<string[]> {
    const db = t.db;
    const original = db.prepare.bind(db);
    const seen: string[] = [];
    (db as { prepare: unknown }).prepare = (sql: string) => {
      if (/LIMIT \?/.test(sql) && !/EXPLAIN/.test(sql)) seen.push(sql);
      return original(sql);
    };
    try {
      await t.call(op, input as never);
    } finally {
      (db as { prepare: unknown }).prepare = original;
    }
    expect(seen.length, `${op} ran a paged query`).toBeGreaterThan(0);
    return seen.map((sql) => {
      const params = [...sql.matchAll(/\?/g)].map(() => 1);
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    });
  }

  const CASES: [OpName, Record<string, unknown>][] = [
    ['issueList', { series: 1 }],
    ['issueList', { archived: true }],
    ['issueList', {}],
    ['articleList', {}],
    ['submissionList', {}],
    ['packetList', {}],
    ['adoptionList', {}],
    ['instructionList', {}],
    ['auditList', {}],
  ];
  for (const [op, input] of CASES) {
    it(`${op} ${JSON.stringify(input)} reads its first page off an index`, async () => {
      for (const plan of await plans(op, input)) {
        // A bare "SCAN t" reads the whole table; "SCAN t USING INDEX" walks an index in order and
        // stops at the page's end. The series and unit lookups are a handful of rows; packets and
        // the audit log are listed in rowid order (newest first), which SQLite shows as a bare
        // SCAN of the table in that order — with no sort after it, it stops at the page's end.
        const rowidOrder = op === 'packetList' ? 'packets' : op === 'auditList' ? 'audit_log' : '-';
        const fullScans = plan
          .split('\n')
          .filter((l) => /SCAN \w+( LEFT-JOIN)?$/.test(l.trim()) && !/SCAN (s|se|u|du)\b/.test(l) && l.trim() !== `SCAN ${rowidOrder}`);
        expect(fullScans, plan).toEqual([]);
        expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      }
    });
  }
});

describe('the command line', () => {
  it('prints every row as JSON or with --all, the first 100 as text, one page with --limit, and refuses an unknown column', async () => {
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const all = await cli(t.file, '--json', 'submission', 'list', '--sort', 'receivedDate', '--dir', 'desc');
    expect(all.code).toBe(0);
    const rows = all.json() as { id: number; receivedDate: string }[];
    expect(rows).toHaveLength(40);
    expect(rows.map((r) => r.receivedDate)).toEqual([...rows.map((r) => r.receivedDate)].sort().reverse());

    const one = await cli(t.file, '--json', 'submission', 'list', '--sort', 'receivedDate', '--dir', 'desc', '--limit', '5', '--offset', '5');
    expect(one.json()).toMatchObject({ total: 40, rows: rows.slice(5, 10).map((r) => ({ id: r.id })) });
    const text = await cli(t.file, 'issue', 'list', '--archived', '--limit', '2');
    expect(text.stdout).toMatch(/共 4 条，显示第 1–2 条。/);

    // As text, with no page asked for: the first 100 rows and how to see more; --all prints every one.
    for (let i = 0; i < 70; i++) await t.call('submissionAdd', { title: `屏幕分页来稿第${i + 1}篇`, body: `第${i + 1}篇来稿的正文。`, allowDuplicate: true });
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const screen = await cli(t.file, 'submission', 'list');
    expect(screen.code).toBe(0);
    expect(screen.stdout).toContain('共 110 条，显示第 1–100 条。下一页：--offset 100；全部列出：--all。');
    expect(screen.stdout.trim().split('\n')).toHaveLength(101);
    const every = await cli(t.file, 'submission', 'list', '--all');
    expect(every.stdout.trim().split('\n')).toHaveLength(110);
    expect(every.stdout).not.toContain('共 110 条');
    expect(((await cli(t.file, '--json', 'submission', 'list')).json() as unknown[]).length).toBe(110);

    const bad = await cli(t.file, 'article', 'list', '--sort', 'paragraphs');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/不能按此列排序，可排序的列：updatedAt（修改时间）/);
  }, 60_000);
});

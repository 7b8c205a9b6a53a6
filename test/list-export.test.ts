/**
 * Lists to Excel (issue 15): the file holds every row the list shows with the same filters and
 * sort (all pages, not only the loaded one), read back by exceljs and by an independent reader
 * (Python's openpyxl); the CLI's `bulletin list export` and the batch commands are the same ops.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { openTestDb, publish, seed, type TestDb } from './helpers/db';

const PY = '/usr/bin/python3';
let t: TestDb;
beforeEach(() => {
  t = openTestDb({ now: () => new Date('2026-11-21T02:00:00Z') });
});
afterEach(() => t.close());

function readWithOpenpyxl(file: string, sheet: string): unknown[][] {
  const script = `
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], ensure_ascii=False))
`;
  return JSON.parse(execFileSync(PY, ['-c', script, file, sheet]).toString()) as unknown[][];
}

async function readWithExceljs(base64: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('list export', () => {
  it('writes the drafts as filtered and sorted, every page of them', async () => {
    const a = await t.call('unitAdd', { name: '白沙镇' });
    await t.call('unitAdd', { name: '县教育局' });
    for (let i = 0; i < 1003; i++) {
      await t.call('submissionAdd', { title: `来稿${String(i).padStart(4, '0')}`, body: '正文。', unit: i % 3 === 0 ? a.id : '县教育局', receivedDate: '2026-11-20' });
    }
    // More rows than one page (1000): the file holds them all, in the list's order.
    const everything = await t.call('listXlsx', { list: 'submissions', query: { sort: 'title', dir: 'desc' } });
    expect(everything.rows).toBe(1003);
    const all = await readWithExceljs(everything.base64, '来稿');
    const firstPage = await t.call('submissionList', { sort: 'title', dir: 'desc', limit: 1000 });
    expect(all.slice(1, 1001).map((r) => r[3])).toEqual(firstPage.rows.map((s) => s.title));
    expect(all.slice(1001).map((r) => r[3])).toEqual(['来稿0002', '来稿0001', '来稿0000']);

    const query = { unit: a.id, sort: 'title' as const, dir: 'desc' as const };
    const shown = await t.call('submissionList', { ...query, limit: 1000 });
    const file = await t.call('listXlsx', { list: 'submissions', query });
    expect(file.rows).toBe(335);
    expect(file.fileName).toBe('来稿_20261121.xlsx');
    const rows = await readWithExceljs(file.base64, '来稿');
    expect(rows[0]).toEqual(['编号', '收稿日期', '来稿单位', '标题', '分类', '信息员', '联系电话', '字数', '原件', '状态', '原因或说明', '采用情况']);
    expect(rows.slice(1).map((r) => r[3])).toEqual(shown.rows.map((s) => s.title));
    expect(rows[1]![3]).toBe('来稿1002');
    expect(rows.slice(1).every((r) => r[2] === '白沙镇')).toBe(true);

    const out = path.join(t.dir, '导出');
    fs.mkdirSync(out);
    const written = await t.call('listExport', { list: 'submissions', query, out });
    expect(written.path).toBe(path.join(out, '来稿_20261121.xlsx'));
    const py = readWithOpenpyxl(written.path, '来稿');
    expect(py).toHaveLength(336);
    expect(py.slice(1).map((r) => r[3])).toEqual(rows.slice(1).map((r) => r[3]));
  });

  it('exports items, issues, the archive and the packet register', async () => {
    const { series, articles } = await seed(t, 4);
    await publish(t, series.id, [articles[0]!.id, articles[1]!.id], '2026-11-20');
    const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-21' });
    await t.call('issueAddArticles', { id: issue.id, articleIds: [articles[2]!.id] });

    const items = await readWithExceljs((await t.call('listXlsx', { list: 'articles', query: { used: true, sort: 'title' } })).base64, '稿件');
    expect(items.slice(1).map((r) => r[1])).toEqual(['第1条信息标题', '第2条信息标题', '第3条信息标题']);
    expect(items[1]![6]).toBe('《城关县政务信息》2026年第1期');

    const issues = await readWithExceljs((await t.call('listXlsx', { list: 'issues', query: { archived: false } })).base64, '期刊');
    expect(issues).toHaveLength(2);
    expect(issues[1]![5]).toBe('编辑中');
    const archive = await readWithExceljs((await t.call('listXlsx', { list: 'archive' })).base64, '归档');
    expect(archive).toHaveLength(2);
    expect(archive[1]!.slice(0, 3)).toEqual(['城关县政务信息', 2026, 1]);
    expect(archive[1]![7]).toBe('张某某');

    const packets = await t.call('listXlsx', { list: 'packets' });
    expect(packets.rows).toBe(0);

    // 积分明细: the ledger of a period, as the 统计 page's drawer shows it
    const period = { from: '2026-01-01', to: '2026-12-31' };
    const ledger = await t.call('scoreLedger', period);
    const scores = await t.call('listXlsx', { list: 'scores', query: period });
    expect(scores.rows).toBe(ledger.length);
    const sheet = await readWithExceljs(scores.base64, '积分明细');
    expect(sheet[0]).toEqual(['日期', '来稿单位', '事项', '标题', '计分规则', '得分', '扣分', '奖励（元）', '规则版本']);
    expect(sheet.slice(1).map((r) => r[2])).toEqual(ledger.map((e) => e.label));
  });

  it('refuses a filter the list does not take, naming it', async () => {
    const e = await t.refuse('listXlsx', { list: 'issues', query: { state: 'unused' } });
    expect(e.message).toMatch(/state|不认识/);
  });

  it('has CLI doors: list export, submission batch, article batch', async () => {
    await t.call('unitAdd', { name: '白沙镇' });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await t.call('submissionAdd', { title: `来稿${i}`, body: '正文。', receivedDate: '2026-11-20' })).id);
    const b = await cli(t.file, 'submission', 'batch', 'setUnit', ...ids.map(String), '--unit', '白沙镇');
    expect(b.stderr).toBe('');
    expect(b.stdout).toContain('已处理 3 份来稿');
    const refused = await cli(t.file, 'submission', 'batch', 'delete', ...ids.map(String), '999');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('没有任何改动');

    const out = path.join(t.dir, '来稿.xlsx');
    const r = await cli(t.file, 'list', 'export', 'submissions', '--unit', '白沙镇', '--out', out);
    expect(r.stdout).toContain('已导出 3 行');
    expect(readWithOpenpyxl(out, '来稿').slice(1).map((x) => x[2])).toEqual(['白沙镇', '白沙镇', '白沙镇']);

    const { articles } = await (async () => {
      const s = await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室' });
      void s;
      const a1 = await t.call('articleAdd', { title: '甲', body: '正文。' });
      const a2 = await t.call('articleAdd', { title: '乙', body: '正文。' });
      return { articles: [a1, a2] };
    })();
    const c = await cli(t.file, 'article', 'batch', 'setCategory', String(articles[0]!.id), String(articles[1]!.id), '--category', 'problem');
    expect(c.stdout).toContain('已处理 2 条稿件');
  });
});

/**
 * 导出全年: a year of one series written to a folder — the archived originals byte for byte, the
 * voided ones in 作废/, the register read back by exceljs and by openpyxl, SHA256SUMS checked by
 * the real sha256sum; an export stopped mid-way (in-process, and Ctrl+C on the real command)
 * leaves only complete files; a refusal writes nothing and changes nothing.
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../src-main/api/ops/year-export';
import { addBigYear } from './helpers/big-year';
import { cli } from './helpers/cli';
import { openTestDb, publish, seed, snapshotAll, type TestDb } from './helpers/db';
import { BIN, run } from './helpers/packet';

const NOW = new Date('2026-11-21T06:30:00Z');
const SERIES = '城关县政务信息';

interface Year {
  t: TestDb;
  out: string;
  /** Signed 2026 issues in number order, and the voided one. */
  signed: { id: number; number: number; totalNumber: number | null }[];
  voided: { id: number; number: number };
  lastYear: number;
}

async function county(): Promise<Year> {
  const t = openTestDb({ now: () => NOW });
  const { series, articles } = await seed(t, 8);
  const ids = articles.map((a) => a.id);
  const lastYear = (await publish(t, series.id, [ids[0]!], '2025-12-20')).id;
  const a = await publish(t, series.id, [ids[1]!, ids[2]!], '2026-01-10');
  const b = await publish(t, series.id, [ids[3]!], '2026-02-10', '李某某');
  const c = await publish(t, series.id, [ids[4]!, ids[5]!], '2026-03-10');
  await t.call('issueVoid', { id: b.id, reason: '数据有误' });
  const d = await publish(t, series.id, [ids[6]!], '2026-04-10');
  const out = path.join(t.dir, 'U盘');
  fs.mkdirSync(out);
  const pick = (i: { id: number; number: number | null; totalNumber: number | null }) => ({ id: i.id, number: i.number!, totalNumber: i.totalNumber });
  return { t, out, signed: [a, c, d].map(pick), voided: { id: b.id, number: b.number! }, lastYear };
}

function archived(t: TestDb, issueId: number): Buffer {
  return (t.db.prepare('SELECT docx FROM issue_files WHERE issue_id = ?').get(issueId) as { docx: Buffer }).docx;
}

/** Every file under a folder, relative, with '/', sorted. */
function listAll(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/') + (e.isDirectory() ? '/' : ''))
    .sort();
}

const fileOf = (n: number) => `${SERIES}2026年第${n}期.docx`;
const REGISTER = `${SERIES}2026年刊物目录.xlsx`;

let y: Year;
beforeEach(async () => {
  y = await county();
});
afterEach(() => y.t.close());

describe('bulletin issue export-year (the real command)', () => {
  it('writes the archived originals, 作废/, the register and SHA256SUMS that sha256sum -c accepts', async () => {
    const r = await run(process.execPath, [BIN, '--db', y.t.file, 'issue', 'export-year', '--series', SERIES, '--year', '2026', '--out', y.out]);
    expect(r.stdout).toContain(`已导出《${SERIES}》2026年全年到“${y.out}”`);
    expect(r.stdout).toContain('已签发 3 期，导出存档原件 3 个；作废 1 期');
    // not a terminal: no bar redrawn, one final line
    expect(r.stderr.trim()).toMatch(/^导出全年 █+ 6\/6 100% {2}完成$/);

    expect(listAll(y.out)).toEqual([...y.signed.map((s) => fileOf(s.number)), REGISTER, 'SHA256SUMS', '作废/', `作废/${fileOf(y.voided.number)}`].sort());
    for (const s of y.signed) expect(fs.readFileSync(path.join(y.out, fileOf(s.number))).equals(archived(y.t, s.id))).toBe(true);
    expect(fs.readFileSync(path.join(y.out, '作废', fileOf(y.voided.number))).equals(archived(y.t, y.voided.id))).toBe(true);

    const sums = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: y.out }).toString();
    expect(sums.trim().split('\n').sort()).toEqual([...y.signed.map((s) => `${fileOf(s.number)}: OK`), `作废/${fileOf(y.voided.number)}: OK`, `${REGISTER}: OK`].sort());

    // The export is in the audit log, named by its series.
    const logged = y.t.db.prepare("SELECT object, summary FROM audit_log WHERE operation = 'issueExportYear'").all() as { object: string; summary: string }[];
    expect(logged).toHaveLength(1);
    expect(logged[0]!.summary).toBe(`导出《${SERIES}》2026年全年：4 期存档原件、刊物目录和 SHA256SUMS，文件夹：U盘`);
    expect(logged[0]!.object).toBe('series:1');
  });

  it('writes a register that exceljs and openpyxl read alike: numbers as numbers, dates as dates, titles and units', async () => {
    const r = await y.t.call('issueExportYear', { series: SERIES, year: 2026, out: y.out });
    expect(r.register).toBe(path.join(y.out, REGISTER));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.register!);
    const sheet = wb.getWorksheet('刊物目录')!;
    expect(sheet.getCell('A1').value).toBe(`《${SERIES}》2026年刊物目录`);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 8)).toEqual(['期号', '总期号', '日期', '签发人', '信息条数', '信息标题', '来稿单位']);
    const first = sheet.getRow(3);
    expect(first.getCell(1).value).toBe(y.signed[0]!.number);
    expect(first.getCell(2).value).toBe(y.signed[0]!.totalNumber);
    expect(first.getCell(3).value).toEqual(new Date(Date.UTC(2026, 0, 10)));
    expect(first.getCell(4).value).toBe('张某某');
    expect(first.getCell(5).value).toBe(2);
    expect(first.getCell(6).value).toBe('1. 第2条信息标题\n2. 第3条信息标题');
    expect(first.getCell(7).value).toBe('县发改局、城关镇');
    expect(first.getCell(8).value).toBe('已签发');
    // the voided issue comes after the signed ones, with its reason
    const voided = sheet.getRow(6);
    expect(voided.getCell(1).value).toBe(y.voided.number);
    expect(voided.getCell(4).value).toBe('李某某');
    expect(voided.getCell(8).value).toBe('已作废');
    expect(voided.getCell(9).value).toBe('数据有误');
    expect(voided.getCell(10).value).toBe(`作废/${fileOf(y.voided.number)}`);
    expect(sheet.getRow(7).getCell(1).value).toBe('合计');
    expect(sheet.getRow(7).getCell(5).value).toBe(5);
    expect(wb.getWorksheet('信息明细')!.rowCount).toBe(1 + 6);

    const script = `
import json, sys, datetime
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], data_only=True)
ws = wb['刊物目录']
rows = []
for r in ws.iter_rows(min_row=3, values_only=True):
    rows.append({'number': r[0], 'total': r[1], 'date': r[2].strftime('%Y-%m-%d') if isinstance(r[2], datetime.datetime) else repr(r[2]),
                 'signer': r[3], 'count': r[4], 'titles': r[5], 'units': r[6], 'status': r[7], 'sha': r[10]})
items = [list(r) for r in wb['信息明细'].iter_rows(min_row=2, max_col=4, values_only=True)]
print(json.dumps({'rows': rows, 'items': items}, ensure_ascii=False, default=str))
`;
    const read = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, r.register!]).toString()) as {
      rows: { number: unknown; total: unknown; date: string; signer: string; count: unknown; titles: string; units: string; status: string; sha: string }[];
      items: unknown[][];
    };
    expect(read.rows.map((x) => x.number)).toEqual([...y.signed.map((s) => s.number), y.voided.number, '合计']);
    expect(read.rows[0]).toMatchObject({ total: y.signed[0]!.totalNumber, date: '2026-01-10', signer: '张某某', count: 2, units: '县发改局、城关镇', status: '已签发' });
    expect(read.rows[0]!.sha).toBe(crypto.createHash('sha256').update(archived(y.t, y.signed[0]!.id)).digest('hex'));
    expect(read.rows[3]).toMatchObject({ status: '已作废', date: '2026-02-10' });
    expect(read.items[0]).toEqual([y.signed[0]!.number, '2026-01-10 00:00:00', 1, '第2条信息标题']);
  });
});

describe('stopping mid-way', () => {
  it('a stop asked for in-process leaves only complete files and no register; the same export again completes the year', async () => {
    const seen: ExportProgress[] = [];
    const exporting = y.t.call('issueExportYear', { series: SERIES, year: 2026, out: y.out });
    // The export yields after every file: ask how far it got, and stop it after the second.
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const p = (await y.t.call('exportProgress', { kind: 'yearExport' })).running;
      if (!p) break;
      seen.push(p);
      if (p.done >= 2) {
        expect(await y.t.call('exportStop', { kind: 'yearExport' })).toEqual({ stopping: true });
        break;
      }
    }
    const r = await exporting;
    expect(r.stopped).toBe(true);
    expect(r.register).toBeNull();
    expect(r.sums).toBeNull();
    expect(r.files.length).toBeGreaterThanOrEqual(2);
    expect(r.files.length).toBeLessThan(4);
    expect(seen.at(-1)).toMatchObject({ kind: 'yearExport', total: 6, stopping: false });
    expect(seen.at(-1)!.remainingMs).not.toBeNull();
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));

    // Only the files it reported, each whole; no temporary file, no register, no SHA256SUMS.
    expect(listAll(y.out).filter((f) => !f.endsWith('/'))).toEqual(r.files.map((f) => f.file).sort());
    for (const f of r.files) expect(fs.readFileSync(path.join(y.out, f.file)).equals(archived(y.t, f.issueId))).toBe(true);
    expect((await y.t.call('exportProgress', { kind: 'yearExport' })).running).toBeNull();
    expect(await y.t.call('exportStop', { kind: 'yearExport' })).toEqual({ stopping: false });

    const again = await y.t.call('issueExportYear', { series: SERIES, year: 2026, out: y.out });
    expect(again.stopped).toBe(false);
    expect(again.files).toHaveLength(4);
    expect(execFileSync('sha256sum', ['-c', '--strict', '--quiet', 'SHA256SUMS'], { cwd: y.out }).toString()).toBe('');
  });

  it('Ctrl+C on the real command stops it after the current file: exit 130, only complete files', async () => {
    // A big year made quickly: 400 signed issues with stored files of 64 KB.
    const files = addBigYear(y.t.db, { seriesId: 1, year: 2027, count: 400, fileBytes: 64 * 1024 });
    const child = spawn(process.execPath, [BIN, '--db', y.t.file, 'issue', 'export-year', '--series', SERIES, '--year', '2027', '--out', y.out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt as soon as the first file is there.
    const deadline = Date.now() + 120_000;
    while (!fs.readdirSync(y.out).some((f) => f.endsWith('.docx')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGINT');
    const code = await exited;

    const left = listAll(y.out);
    expect(left.filter((f) => f.includes('.tmp'))).toEqual([]);
    const docs = left.filter((f) => f.endsWith('.docx'));
    for (const f of docs) {
      const n = Number(/第(\d+)期/.exec(f)![1]);
      expect(fs.readFileSync(path.join(y.out, f)).equals(files.get(n)!), f).toBe(true);
    }
    if (code === 130) {
      expect(stderr).toContain('正在停止');
      expect(stdout).toContain(`已停止：在“${y.out}”中写完了 ${docs.length} 个完整文件`);
      expect(docs.length).toBeLessThan(400);
      expect(left).not.toContain('SHA256SUMS');
      expect(left.some((f) => f.endsWith('.xlsx'))).toBe(false);
    } else {
      // The machine was quicker than the signal: then the year is complete and checks out.
      console.log('year-export: the export finished before SIGINT arrived');
      expect(code).toBe(0);
      expect(docs).toHaveLength(400);
      execFileSync('sha256sum', ['-c', '--strict', '--quiet', 'SHA256SUMS'], { cwd: y.out });
    }
  });
});

describe('refusals write nothing and change nothing', () => {
  it('an unknown series, a year without a signed issue, a missing folder, a file in place of 作废/', async () => {
    const before = snapshotAll(y.t.db);
    const refused = async (input: Record<string, unknown>, code: string, words: string) => {
      const e = await y.t.refuse('issueExportYear', { series: SERIES, year: 2026, out: y.out, ...input });
      expect(e.code).toBe(code);
      expect(e.message).toContain(words);
      expect(e.message).toContain('没有写入任何文件');
    };
    await refused({ series: '城关县信息快报' }, 'NOT_FOUND', '没有名为“城关县信息快报”的刊物');
    await refused({ series: 99 }, 'NOT_FOUND', '没有编号为 99 的刊物');
    await refused({ year: 2024 }, 'INVALID_STATE', '已有签发期次的年份：2026年、2025年');
    await refused({ out: path.join(y.out, '没有这个文件夹') }, 'INVALID_INPUT', '不存在');
    const file = path.join(y.t.dir, '一个文件.txt');
    fs.writeFileSync(file, 'x');
    await refused({ out: file }, 'INVALID_INPUT', '不是文件夹');
    fs.writeFileSync(path.join(y.out, '作废'), '不是文件夹');
    await refused({}, 'INVALID_INPUT', '作废的期次要放进同名的文件夹');
    fs.rmSync(path.join(y.out, '作废'));
    // a year of only a voided issue has no signed issue to export
    expect(listAll(y.out)).toEqual([]);
    expect(snapshotAll(y.t.db)).toEqual(before);

    const r = await cli(y.t.file, 'issue', 'export-year', '--series', SERIES, '--year', '2024', '--out', y.out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('《城关县政务信息》2024年没有已签发的期次');
    expect(listAll(y.out)).toEqual([]);
    expect(snapshotAll(y.t.db)).toEqual(before);
  });

  it.skipIf(process.getuid?.() === 0)('a folder that cannot be written to', async () => {
    const before = snapshotAll(y.t.db);
    fs.chmodSync(y.out, 0o555);
    try {
      const e = await y.t.refuse('issueExportYear', { series: SERIES, year: 2026, out: y.out });
      expect(e.message).toContain('不能写入');
    } finally {
      fs.chmodSync(y.out, 0o755);
    }
    expect(listAll(y.out)).toEqual([]);
    expect(snapshotAll(y.t.db)).toEqual(before);
  });

  it('a second export of the same database while one runs is refused as busy', async () => {
    const first = y.t.call('issueExportYear', { series: SERIES, year: 2026, out: y.out });
    const e = await y.t.refuse('issueExportYear', { series: SERIES, year: 2026, out: y.out });
    expect(e.code).toBe('BUSY');
    expect((await first).stopped).toBe(false);
  });
});

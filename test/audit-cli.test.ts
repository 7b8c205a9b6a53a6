/**
 * The audit trail through the real `bulletin` binary: submit, sign, void, export, restore and a
 * correction each leave an entry naming who did it; the operator comes from --operator, then
 * BULLETIN_OPERATOR, then the OS user; and the sqlite3 shell (foreign keys off, its default)
 * cannot DELETE, UPDATE or REPLACE INTO the log.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditPage } from '../src-main/api/ops/audit';
import { runCli } from '../src-main/cli/main';
import { tempDir } from './helpers/db';

const BIN = path.resolve('bin/bulletin.cjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real built binary, as an office PC runs it: for the checks the issue names. */
function binary(db: string, args: string[], env: Record<string, string> = {}): Run {
  const base = { ...process.env };
  delete base.BULLETIN_OPERATOR;
  delete base.BULLETIN_DB;
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...base, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same command in-process (runCli is what the binary runs): the machine is slow to spawn. */
async function bulletin(db: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, ...args], { stdout: (s) => out.push(s), stderr: (s) => err.push(s), env });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function ok(db: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await bulletin(db, args, env);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

const auditList = async (db: string, ...args: string[]): Promise<AuditPage> =>
  JSON.parse(await await ok(db, ['--json', 'audit', 'list', ...args])) as AuditPage;

function sqlite(db: string, sql: string): { code: number; stderr: string } {
  const r = spawnSync('sqlite3', [db, sql], { encoding: 'utf8' });
  return { code: r.status ?? -1, stderr: r.stderr };
}

function fresh(): { dir: string; db: string } {
  const dir = tempDir('bulletin-audit-cli-');
  dirs.push(dir);
  return { dir, db: path.join(dir, 'bulletin.db') };
}

/** A series, a unit, a registered draft, an item made from it, an issue with the item. */
async function setUp(db: string): Promise<void> {
  await ok(db, ['series', 'add', '--name', '城关县政务信息', '--org', '城关县人民政府办公室']);
  await ok(db, ['unit', 'add', '--name', '城关镇']);
  await ok(db, ['unit', 'add', '--name', '河口乡']);
  await ok(db, ['submission', 'add', '--title', '城关镇秋粮收购进展', '--unit', '城关镇', '--body', '今年秋粮收购进展顺利。']);
  await ok(db, ['article', 'add', '--title', '城关镇推进老旧小区改造', '--unit', '城关镇', '--category', 'practice', '--body', '今年以来，城关镇投入1.5亿元改造老旧小区。']);
  await ok(db, ['issue', 'create', '--series', '城关县政务信息', '--date', '2026-11-21']);
  await ok(db, ['issue', 'add', '1', '1']);
}

describe('bulletin audit list', () => {
  it('shows submit, sign, void, export, restore and correction entries with their operators', async () => {
    const { dir, db } = fresh();
    await setUp(db);
    await ok(db, ['--operator', '李四', 'issue', 'submit', '1']);
    await ok(db, ['issue', 'sign', '1', '--by', '张某某'], { BULLETIN_OPERATOR: '赵六' });
    await ok(db, ['--operator', '王五', 'submission', 'correct', '1', '--unit', '河口乡', '--reason', '落款为河口乡，登记时填错']);
    await ok(db, ['--operator', '王五', 'issue', 'export', '1', '--out', dir]);
    const backup = JSON.parse(await ok(db, ['--json', 'backup', 'create'])) as { path: string };
    await ok(db, ['--operator', '王五', 'issue', 'void', '1', '--reason', '数据有误']);
    await ok(db, ['--operator', '钱七', 'backup', 'restore', backup.path, '--yes']);

    const listed = binary(db, ['audit', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const page = JSON.parse(listed.stdout) as AuditPage;
    const byOp = (op: string) => page.rows.filter((e) => e.operation === op);
    expect(byOp('issueSubmit')).toMatchObject([{ operator: '李四', object: 'issue:1' }]);
    expect(byOp('issueSign')).toMatchObject([{ operator: '赵六', object: 'issue:1', detail: { input: { signedBy: '张某某' }, result: { number: 1 } } }]);
    expect(byOp('submissionCorrect')).toMatchObject([
      { operator: '王五', object: 'submission:1', summary: expect.stringContaining('原因：落款为河口乡，登记时填错') as unknown, detail: { input: { reason: '落款为河口乡，登记时填错' } } },
    ]);
    expect(byOp('issueExport')).toMatchObject([{ operator: '王五', object: 'issue:1' }]);
    expect(byOp('issueExport')[0]!.detail).toMatchObject({ result: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown } });
    // The restored database is the backup: it holds what was logged before the backup was
    // made (not the backup's own entry, written once it succeeded, nor the void after it), and
    // its log ends with the restore.
    expect(byOp('backupCreate')).toHaveLength(0);
    expect(byOp('issueVoid')).toHaveLength(0);
    expect(page.rows[0]).toMatchObject({ operation: 'backupRestore', operator: '钱七' });
    expect(page.rows[0]!.detail).toMatchObject({ result: { restoredFrom: backup.path } });
    expect(page.total).toBe(page.rows.length);

    // Void again in the restored database: the entry keeps the reason.
    await ok(db, ['--operator', '王五', 'issue', 'void', '1', '--reason', '数据有误，另行刊发更正']);
    const voided = await auditList(db, '--object', 'issue:1', '--operator', '王五');
    expect(voided.rows.map((e) => e.operation)).toEqual(['issueVoid', 'issueExport']);
    expect(voided.rows[0]).toMatchObject({ summary: expect.stringContaining('原因：数据有误，另行刊发更正') as unknown });
    expect(voided.rows[0]!.detail).toMatchObject({ input: { reason: '数据有误，另行刊发更正' } });

    // The issue itself records who moved it along.
    const issue = JSON.parse(await ok(db, ['--json', 'issue', 'show', '1'])) as Record<string, unknown>;
    expect(issue).toMatchObject({ submittedBy: '李四', signOperator: '赵六', signedBy: '张某某', voidedBy: '王五' });
    expect(await ok(db, ['issue', 'show', '1'])).toContain('提交审核：李四');
  });

  it('filters by object kind, date and operation, pages with the total, and refuses a malformed object', async () => {
    const { db } = fresh();
    await setUp(db);
    const all = await auditList(db);
    expect(all.total).toBe(7);
    const issues = await auditList(db, '--object', 'issue');
    expect(issues.rows.map((e) => e.operation)).toEqual(['issueAddArticles', 'issueCreate']);
    const page = await auditList(db, '--limit', '2', '--offset', '2');
    expect(page).toMatchObject({ total: 7, limit: 2, offset: 2 });
    expect(page.rows.map((e) => e.id)).toEqual([all.rows[2]!.id, all.rows[3]!.id]);
    expect((await auditList(db, '--to', '2000-01-01')).total).toBe(0);
    expect((await auditList(db, '--from', '2000-01-01', '--operation', 'unitAdd')).total).toBe(2);
    expect(await ok(db, ['audit', 'list', '--limit', '1'])).toMatch(/共 7 条，显示第 1–1 条.*--offset 1/);
    const bad = await bulletin(db, ['audit', 'list', '--object', 'issue 12']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('issue:12');
  });

  it('exports the log to Excel: every entry, oldest first, read back with exceljs', async () => {
    const { dir, db } = fresh();
    await setUp(db);
    const out = path.join(dir, '日志.xlsx');
    expect(await ok(db, ['--operator', '王五', 'audit', 'export', '--out', out])).toContain('已导出 7 条');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('操作日志')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '时间', '操作人', '操作', '对象', '摘要', '详情']);
    expect(sheet.rowCount).toBe(8);
    expect(sheet.getRow(2).getCell(4).value).toBe('新建刊物');
    expect(sheet.getRow(8).getCell(5).value).toBe('issue:1');
    // The export itself is an entry, written after it succeeded.
    expect((await auditList(db, '--operation', 'auditExport')).rows).toMatchObject([{ operator: '王五', detail: { result: { path: out } } }]);
    // A folder that does not exist: refused, and no entry.
    expect((await bulletin(db, ['audit', 'export', '--out', path.join(dir, 'nope', 'x.xlsx')])).code).toBe(2);
    expect((await auditList(db, '--operation', 'auditExport')).total).toBe(1);
  });
});

describe('the operator', () => {
  it('is --operator, else BULLETIN_OPERATOR, else the OS user; a blank one is refused', async () => {
    const { db } = fresh();
    await ok(db, ['--operator', '甲', 'unit', 'add', '--name', '一号单位'], { BULLETIN_OPERATOR: '乙' });
    await ok(db, ['unit', 'add', '--name', '二号单位'], { BULLETIN_OPERATOR: '乙' });
    await ok(db, ['unit', 'add', '--name', '三号单位']);
    await ok(db, ['--operator=丁', 'unit', 'add', '--name', '四号单位']);
    const ops = (await auditList(db)).rows.map((e) => e.operator).reverse();
    expect(ops).toEqual(['甲', '乙', os.userInfo().username, '丁']);
    const before = fs.readFileSync(db);
    const blank = await bulletin(db, ['--operator', '  ', 'unit', 'add', '--name', '五号单位']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('操作人');
    // Refused before the database is opened: not a byte changed.
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect((await auditList(db)).total).toBe(4);
  });
});

describe('the database refuses changes to the log', () => {
  it('refuses DELETE, UPDATE and REPLACE INTO from the sqlite3 shell (foreign keys off)', async () => {
    const { db } = fresh();
    await setUp(db);
    const dump = () => execFileSync('sqlite3', [db, 'SELECT * FROM audit_log ORDER BY id'], { encoding: 'utf8' });
    const before = dump();
    expect(before.split('\n').filter(Boolean)).toHaveLength(7);
    for (const sql of [
      'DELETE FROM audit_log',
      'DELETE FROM audit_log WHERE id = 3',
      "UPDATE audit_log SET operator = '某人'",
      "REPLACE INTO audit_log (id, at, operator, operation, object, summary, detail) VALUES (1, '2026-01-01T00:00:00Z', '某人', 'x', '', '', '{}')",
      "INSERT OR REPLACE INTO audit_log (id, at, operator, operation) VALUES (2, '2026-01-01T00:00:00Z', '某人', 'x')",
      'PRAGMA foreign_keys = OFF; DELETE FROM audit_log',
    ]) {
      const r = sqlite(db, sql);
      expect(r.code, sql).not.toBe(0);
      expect(r.stderr, sql).toContain('append-only');
    }
    expect(dump()).toBe(before);
    // Appending still works (the bulletin itself does it).
    await ok(db, ['unit', 'add', '--name', '新单位']);
    expect((await auditList(db)).total).toBe(8);
  });
});

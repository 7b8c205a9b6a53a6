/**
 * Units in and out by Excel (单位名单): export writes a sheet an independent reader (Python's
 * openpyxl) reads as the list; importing it back changes nothing; a list written by another
 * program (openpyxl here, as WPS would write it: its own column order, a 序号 column) adds and
 * updates units by name in one transaction; a list with any bad row is refused whole, every bad
 * row named, the database left as it was. Pasted text and GBK CSV go through the same reader.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';
import { encodeGbk } from './helpers/intake-files';

let t: TestDb;
beforeEach(() => {
  t = openTestDb({ now: () => new Date('2026-11-21T02:00:00Z') });
});
afterEach(() => t.close());

const PY = '/usr/bin/python3';

async function writeSheet(file: string, rows: (string | number | null)[][], sheetName = '单位名单'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A workbook written by openpyxl: another program's xlsx, as WPS or Excel would save one. */
function writeWithOpenpyxl(file: string, rows: (string | number | null)[][]): string {
  const script = `
import json, sys
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.title = '单位名单'
for r in json.load(sys.stdin):
    ws.append(r)
wb.save(sys.argv[1])
`;
  execFileSync(PY, ['-c', script, file], { input: JSON.stringify(rows) });
  return file;
}

function readWithOpenpyxl(file: string): unknown[][] {
  const script = `
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb['单位名单']
print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], ensure_ascii=False))
`;
  return JSON.parse(execFileSync(PY, ['-c', script, file]).toString()) as unknown[][];
}

async function seedUnits() {
  await t.call('unitAdd', { name: '城关镇' });
  await t.call('unitAdd', { name: '县发展和改革局', shortName: '县发改局', aliases: ['发改局', '县发改委'] });
  await t.call('unitAdd', { name: '东城街道', kind: 'street' });
  const old = await t.call('unitAdd', { name: '原白沙乡' });
  await t.call('unitUpdate', { unit: old.id, active: false });
}

describe('unit export', () => {
  it('writes every unit, inactive ones too, as openpyxl reads it', async () => {
    await seedUnits();
    const r = await t.call('unitExport', { out: t.dir });
    expect(r).toEqual({ path: path.join(t.dir, '单位名单.xlsx'), rows: 4 });
    expect(readWithOpenpyxl(r.path)).toEqual([
      ['单位名称', '简称', '别称', '类别', '状态'],
      ['城关镇', null, null, '镇', '启用'],
      ['县发展和改革局', '县发改局', '发改局、县发改委', '县直部门', '启用'],
      ['东城街道', null, null, '街道', '启用'],
      ['原白沙乡', null, null, '镇', '停用'],
    ]);
    // the download form holds the same workbook
    const x = await t.call('unitXlsx', {});
    expect(x.fileName).toBe('单位名单.xlsx');
    expect(x.rows).toBe(4);
  });

  it('imported back, changes nothing and logs nothing', async () => {
    await seedUnits();
    const { path: file } = await t.call('unitExport', { out: path.join(t.dir, '名单') });
    expect(file.endsWith('名单.xlsx')).toBe(true);
    const before = snapshotAll(t.db);
    const r = await t.call('unitImport', { path: file });
    expect(r).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    expect(snapshotAll(t.db)).toEqual(before);
    // uploaded (browser mode) is the same file
    const up = await t.call('unitImport', { base64: fs.readFileSync(file).toString('base64'), fileName: '单位名单.xlsx' });
    expect(up).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    expect(snapshotAll(t.db)).toEqual(before);
  });
});

describe('unit import', () => {
  it('adds new units and updates existing ones by name, in one logged change', async () => {
    await seedUnits();
    const file = await writeSheet(path.join(t.dir, 'a.xlsx'), [
      ['单位名称', '简称', '别称', '类别'],
      ['城关镇', '城关', '', '镇'],
      ['县发展和改革局', '县发改局', '发改局、县发改委', ''],
      ['清河镇', '', '清河', ''],
      ['县教育局', '县教育局', '', '部门'],
      ['县融媒体中心', null, null, '其他'],
    ]);
    const auditBefore = (await t.call('auditList', {})).total;
    const r = await t.call('unitImport', { path: file });
    expect(r).toMatchObject({ added: 3, updated: 1, unchanged: 1 });
    expect(r.units).toEqual([
      { row: 2, name: '城关镇', status: 'updated' },
      { row: 3, name: '县发展和改革局', status: 'unchanged' },
      { row: 4, name: '清河镇', status: 'added' },
      { row: 5, name: '县教育局', status: 'added' },
      { row: 6, name: '县融媒体中心', status: 'added' },
    ]);
    const list = await t.call('unitList', { includeInactive: true });
    const by = (n: string) => list.find((u) => u.name === n)!;
    expect(by('城关镇')).toMatchObject({ shortName: '城关', kind: 'town' });
    expect(by('清河镇')).toMatchObject({ kind: 'town', aliases: ['清河'], active: true });
    // a short name the same as the full name is no short name
    expect(by('县教育局')).toMatchObject({ kind: 'department', shortName: null });
    expect(by('县融媒体中心')).toMatchObject({ kind: 'other' });
    // a column the sheet has not got (状态) leaves the unit as it was
    expect(by('原白沙乡').active).toBe(false);
    expect((await t.call('auditList', {})).total).toBe(auditBefore + 1);
  });

  it('reads a list another program wrote: its own column order, a 序号 column, numbers, a title-less sheet', async () => {
    await seedUnits();
    const file = writeWithOpenpyxl(path.join(t.dir, 'wps.xlsx'), [
      ['序号', '类型', '单位', '别名', '简称'],
      [1, '乡镇', '石桥镇', '石桥', null],
      [2, '街道', '西城街道', null, '西城'],
      [3, null, '县住房和城乡建设局', '住建局', '县住建局'],
      [null, null, null, null, null],
      [4, '县直单位', '县统计局', null, null],
    ]);
    const sheet = await t.call('unitSheetRead', { path: file });
    expect(sheet.problems).toEqual([]);
    expect(sheet.rows.map((r) => [r.row, r.name, r.kind])).toEqual([
      [2, '石桥镇', 'town'],
      [3, '西城街道', 'street'],
      [4, '县住房和城乡建设局', undefined],
      [6, '县统计局', 'department'],
    ]);
    const r = await t.call('unitImport', { path: file });
    expect(r).toMatchObject({ added: 4, updated: 0, unchanged: 0 });
    const u = (await t.call('unitList', {})).find((x) => x.name === '县住房和城乡建设局')!;
    expect(u).toMatchObject({ kind: 'department', shortName: '县住建局', aliases: ['住建局'] });
  });

  it('lets two units swap a name in one import', async () => {
    await t.call('unitAdd', { name: '县发展和改革局', aliases: ['发改'] });
    await t.call('unitAdd', { name: '县财政局', aliases: ['财政'] });
    const file = await writeSheet(path.join(t.dir, 'swap.xlsx'), [
      ['单位名称', '别称'],
      ['县发展和改革局', '财政'],
      ['县财政局', '发改'],
    ]);
    expect(await t.call('unitImport', { path: file })).toMatchObject({ updated: 2 });
    const list = await t.call('unitList', {});
    expect(list.map((u) => [u.name, u.aliases])).toEqual([
      ['县发展和改革局', ['财政']],
      ['县财政局', ['发改']],
    ]);
  });

  it('refuses a list with bad rows as a whole, naming every row, and changes nothing', async () => {
    await seedUnits();
    const file = await writeSheet(path.join(t.dir, 'bad.xlsx'), [
      ['单位名称', '简称', '别称', '类别'],
      ['清河镇', '', '', '镇'],
      ['', '空名', '', ''],
      ['清河镇', '', '', ''],
      ['县水利局', '', '', '村委会'],
      ['县农业农村局', '县发改局', '', ''],
      ['县审计局', '', '', ''],
    ]);
    const before = snapshotAll(t.db);
    const e = await t.refuse('unitImport', { path: file });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/没有导入任何单位/);
    expect(e.message).toContain('第3行：单位名称为空');
    expect(e.message).toContain('第4行：单位名称“清河镇”与第2行重复');
    expect(e.message).toMatch(/第5行：类别“村委会”无法识别，只能填：镇、街道、县直部门、其他/);
    expect(snapshotAll(t.db)).toEqual(before);

    // rows that read well but clash with the database: all named, nothing kept of the good ones
    const clash = await writeSheet(path.join(t.dir, 'clash.xlsx'), [
      ['单位名称', '简称', '别称'],
      ['县审计局', '', ''],
      ['县农业农村局', '县发改局', ''],
      ['县水利局', '', '城关镇'],
    ]);
    const e2 = await t.refuse('unitImport', { path: clash });
    expect(e2.message).toMatch(/第3行：“县发改局”已是来稿单位“县发展和改革局”的简称/);
    expect(e2.message).toMatch(/第4行：已有名为“城关镇”的来稿单位/);
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('refuses what is not a unit list, saying what to do', async () => {
    const before = snapshotAll(t.db);
    const xls = path.join(t.dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect((await t.refuse('unitImport', { path: xls })).message).toMatch(/旧版 Excel（\.xls）.*另存为/);
    const noHeader = await writeSheet(path.join(t.dir, 'x.xlsx'), [['甲', '乙'], ['1', '2']]);
    expect((await t.refuse('unitImport', { path: noHeader })).message).toMatch(/没有找到“单位名称”列/);
    expect((await t.refuse('unitImport', { path: path.join(t.dir, '没有.xlsx') })).message).toMatch(/找不到文件/);
    const zipNotXlsx = path.join(t.dir, 'z.xlsx');
    fs.writeFileSync(zipNotXlsx, Buffer.from('PK\u0003\u0004garbage'));
    expect((await t.refuse('unitImport', { path: zipNotXlsx })).message).toMatch(/损坏/);
    expect((await t.refuse('unitImport', { path: xls, base64: 'AAAA' })).message).toMatch(/二者选一/);
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('reads a CSV saved by Excel on Chinese Windows (GBK) and text pasted from a sheet', async () => {
    const csv = path.join(t.dir, '单位名单.csv');
    fs.writeFileSync(csv, encodeGbk('单位名称,简称,别称,类别\r\n城关镇,,城关,镇\r\n"县发展和改革局",县发改局,"发改局、县发改委",县直部门\r\n'));
    expect(await t.call('unitImport', { path: csv })).toMatchObject({ added: 2 });
    expect((await t.call('unitList', {}))[1]).toMatchObject({ shortName: '县发改局', aliases: ['发改局', '县发改委'] });

    const pasted = await t.call('unitSheetRead', { text: '白沙镇\t白沙\n\n东城街道\t\t东城、城东\t街道\n县卫生健康局\t县卫健局\n' });
    expect(pasted.problems).toEqual([]);
    expect(pasted.rows).toEqual([
      { row: 1, name: '白沙镇', shortName: '白沙' },
      { row: 3, name: '东城街道', shortName: '', aliases: ['东城', '城东'], kind: 'street' },
      { row: 4, name: '县卫生健康局', shortName: '县卫健局' },
    ]);
    const typed = await t.call('unitSheetRead', { text: '单位名称\t类别\n石桥镇\t镇\n石桥镇\n' });
    expect(typed.problems).toEqual(['第3行：单位名称“石桥镇”与第2行重复']);
  });
});

describe('bulletin unit import / export', () => {
  it('round-trips through the command, with a report and exit codes', async () => {
    await seedUnits();
    t.db.close();
    const out = path.join(t.dir, '导出.xlsx');
    const ex = await cli(t.file, 'unit', 'export', out);
    expect(ex.code).toBe(0);
    expect(ex.stdout).toContain('已导出 4 个来稿单位');
    const im = await cli(t.file, 'unit', 'import', out);
    expect(im.code).toBe(0);
    expect(im.stdout).toContain('新增 0 个，更新 0 个，未变 4 个');
    const bad = await writeSheet(path.join(t.dir, 'bad.xlsx'), [['单位名称', '类别'], ['清河镇', '村']]);
    const refused = await cli(t.file, 'unit', 'import', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('第2行：类别“村”无法识别');
    const help = await cli(t.file, 'unit', 'import', '--help');
    expect(help.stdout).toContain('单位名单');
  });
});

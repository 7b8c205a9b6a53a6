/** `bulletin import` and `bulletin submission …`: one line per file, the summary, exit codes, --json. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/db';
import { encodeGbk, ole2File, ownWriterDocx } from './helpers/intake-files';

let dir = '';
let db = '';
let usb = '';
beforeEach(async () => {
  dir = tempDir();
  db = path.join(dir, 'bulletin.db');
  usb = path.join(dir, '来稿');
  fs.mkdirSync(usb);
  const docx = await ownWriterDocx('关于城关镇秋冬种生产进展情况的报告', [
    { level: 0, text: '今年以来，城关镇多措并举推进秋冬种生产，完成播种面积1.5万亩。' },
    { level: 1, text: '一、强化组织领导' },
  ]);
  fs.writeFileSync(path.join(usb, '城关镇-关于秋冬种生产进展情况的报告.docx'), docx);
  fs.writeFileSync(path.join(usb, '城关镇-关于秋冬种生产进展情况的报告 - 副本.docx'), docx);
  fs.writeFileSync(path.join(usb, '县发改局_项目建设.txt'), encodeGbk('全县重点项目建设进展情况\r\n今年以来，全县重点项目完成投资20.5亿元。\r\n一、主要做法'));
  fs.writeFileSync(path.join(usb, '旧稿.doc'), ole2File());
  for (const name of ['城关镇', '县发改局']) expect((await cli(db, 'unit', 'add', '--name', name)).code).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const count = async () => ((await cli(db, '--json', 'submission', 'list')).json() as unknown[]).length;

describe('bulletin import', () => {
  it('imports a folder, printing one line per file and the summary', async () => {
    const r = await cli(db, 'import', usb, '--liaison', '王某某', '--phone', '13800000000', '--date', '2026-11-20');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('[导入]'))).toHaveLength(2);
    expect(r.stdout).toMatch(/\[导入\] 城关镇-关于秋冬种生产进展情况的报告\.docx → #\d+《关于城关镇秋冬种生产进展情况的报告》 城关镇（按文件名判断）/);
    expect(r.stdout).toMatch(/\[重复\] .*是同一个文件；未登记（确需登记时加 --allow-duplicate）/);
    expect(r.stdout).toMatch(/\[拒收\] 旧稿\.doc：这是旧版 Word（\.doc）文件/);
    expect(lines.at(-1)).toBe('导入 2 件，重复 1 件，拒收 1 件');

    const list = (await cli(db, '--json', 'submission', 'list')).json() as { unit: string; liaisonName: string; receivedDate: string; originalEncoding: string | null }[];
    expect(list.map((s) => [s.unit, s.liaisonName, s.receivedDate, s.originalEncoding])).toEqual([
      ['县发改局', '王某某', '2026-11-20', 'gb18030'],
      ['城关镇', '王某某', '2026-11-20', null],
    ]);
  });

  it('prints one JSON value with the counts and every file; a second run finds only repeats', async () => {
    expect((await cli(db, 'import', usb)).code).toBe(0);
    const r = await cli(db, '--json', 'import', usb, '--unit', '县发改局');
    expect(r.code).toBe(0);
    const out = r.json() as { imported: number; duplicates: number; refused: number; files: { name: string; status: string; reason?: string; duplicateOf?: { id: number } }[] };
    expect(out).toMatchObject({ imported: 0, duplicates: 3, refused: 1 });
    expect(out.files.map((f) => f.status).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'refused']);
    expect(out.files.find((f) => f.name === '县发改局_项目建设.txt')).toMatchObject({ status: 'duplicate', duplicateOf: { id: expect.any(Number) } });
  });

  it('imports single files and honours --unit and --allow-duplicate', async () => {
    const file = path.join(usb, '城关镇-关于秋冬种生产进展情况的报告.docx');
    const first = await cli(db, '--json', 'import', file, '--unit', '县发改局');
    expect(first.json()).toMatchObject({ imported: 1, files: [{ status: 'imported', unit: '县发改局' }] });
    const again = await cli(db, '--json', 'import', file, '--allow-duplicate');
    expect(again.json()).toMatchObject({ imported: 1, files: [{ status: 'imported', guessedUnit: '城关镇', unit: '城关镇' }] });
    const show = await cli(db, '--json', 'submission', 'show', '2');
    expect(show.json()).toMatchObject({ duplicateOf: { id: 1 } });
  });

  it('stops before importing anything when a path does not exist (exit 2)', async () => {
    const r = await cli(db, 'import', usb, path.join(dir, '没有这个文件夹'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/找不到：.*没有这个文件夹。没有导入任何文件/);
    expect(await count()).toBe(0);
  });

  it('exits 2 when every file is refused, and the JSON error still lists each file', async () => {
    const r = await cli(db, '--json', 'import', path.join(usb, '旧稿.doc'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/没有导入任何文件：1 个文件全部拒收/);
    expect(r.json()).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/全部拒收/),
        imported: 0,
        duplicates: 0,
        refused: 1,
        files: [{ path: path.join(usb, '旧稿.doc'), name: '旧稿.doc', status: 'refused', reason: expect.stringMatching(/另存为/) }],
        skippedFolders: [],
      },
    });
    const human = await cli(db, 'import', path.join(usb, '旧稿.doc'));
    expect(human.code).toBe(2);
    expect(human.stdout).toMatch(/^\[拒收\] 旧稿\.doc/);
    const empty = path.join(dir, '空文件夹');
    fs.mkdirSync(empty);
    expect((await cli(db, 'import', empty)).stderr).toMatch(/没有找到任何文件/);
    expect((await cli(db, 'import')).code).toBe(2);
    expect((await cli(db, 'import', usb, '--unit', '不存在的单位')).code).toBe(2);
    // a bad option is refused before any file is looked at
    const badDate = await cli(db, 'import', usb, '--date', '2026-13-01');
    expect(badDate.code).toBe(2);
    expect(badDate.stdout).toBe('');
    expect(badDate.stderr).toMatch(/收稿日期/);
    expect(await count()).toBe(0);
  });
});

describe('bulletin submission', () => {
  it('lists, shows, edits into an item and sets states', async () => {
    await cli(db, 'import', usb);
    const list = await cli(db, 'submission', 'list');
    expect(list.stdout).toMatch(/#1 \d{4}-\d{2}-\d{2} 城关镇 《关于城关镇秋冬种生产进展情况的报告》 分类未定 Word \d+字 \[已收\]/);
    const show = await cli(db, 'submission', 'show', '2');
    expect(show.stdout).toMatch(/编码 gb18030/);
    expect(show.stdout).toMatch(/【一级标题】一、主要做法/);

    const edit = await cli(db, 'submission', 'edit', '1');
    expect(edit.code).toBe(0);
    expect(edit.stdout).toMatch(/来稿 #1 → 信息 #1《关于城关镇秋冬种生产进展情况的报告》（编辑中）/);
    expect((await cli(db, '--json', 'article', 'show', '1')).json()).toMatchObject({ unit: '城关镇' });

    const refused = await cli(db, 'submission', 'state', '2', 'unused');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/写明原因/);
    const unused = await cli(db, 'submission', 'state', '2', 'unused', '--reason', '内容与第40期重复');
    expect(unused.stdout).toMatch(/\[未采用（内容与第40期重复）\]/);
    expect((await cli(db, 'submission', 'state', '2', 'forwarded', '--reason', '报市政府办公室')).stdout).toMatch(/\[已上报（报市政府办公室）\]/);
    expect((await cli(db, '--json', 'submission', 'list', '--state', 'forwarded')).json()).toMatchObject([{ id: 2 }]);

    const typed = await cli(db, 'submission', 'add', '--title', '手工登记的来稿', '--body', '第一段。\n二、第二段', '--unit', '城关镇');
    expect(typed.code).toBe(0);
    expect(typed.stdout).toMatch(/录入/);
    expect((await cli(db, 'submission', 'correct', '3', '--liaison', '李某', '--reason', '补填信息员')).stdout).toMatch(/已更正来稿 #3：信息员/);
    expect((await cli(db, 'import', '--help')).stdout).toMatch(/bulletin import PATH\.\.\./);
  });
});

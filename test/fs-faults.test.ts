/**
 * File-system faults in plain words, nothing half-written (issue 12, part 8). Real faults on
 * real mounts: a small tmpfs filled up, a tmpfs remounted read-only (root ignores chmod), a
 * missing folder, links and sub-folders in an import. Each is refused with exit 2 and a Chinese
 * message, and leaves the database file byte for byte as it was. The tests run as root (as CI
 * does) to mount; umount in afterAll.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/db';

const mounts: string[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const m of mounts.splice(0)) execFileSync('umount', ['-l', m]);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dir(): string {
  const d = tempDir('bulletin-fs-');
  dirs.push(d);
  return d;
}

function tmpfs(sizeKb: number): string {
  const d = dir();
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', d]);
  mounts.push(d);
  return d;
}

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function ok(db: string, ...args: string[]) {
  const r = await cli(db, ...args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

/** A database with a series, a unit, two items and one signed issue, made through the command. */
async function county(db: string): Promise<void> {
  await ok(db, 'series', 'add', '--name', '城关县政务信息');
  await ok(db, 'unit', 'add', '--name', '城关镇');
  await ok(db, 'article', 'add', '--title', '城关镇推进老旧小区改造', '--unit', '城关镇', '--body', '今年以来，城关镇投入1.5亿元改造老旧小区。');
  await ok(db, 'article', 'add', '--title', '一条要删的信息', '--body', '正文。');
  await ok(db, 'issue', 'create', '--series', '城关县政务信息', '--date', '2026-11-20');
  await ok(db, 'issue', 'add', '1', '1');
  await ok(db, 'issue', 'submit', '1');
  await ok(db, 'issue', 'sign', '1', '--by', '张某某');
}

/** Takes the rest of the disk but `leaveKb`; tmpfs hands out whole pages, so this is exact enough. */
function fill(mount: string, name: string, leaveKb: number): void {
  const free = fs.statfsSync(mount);
  const bytes = free.bavail * free.bsize - leaveKb * 1024;
  if (bytes > 0) fs.writeFileSync(path.join(mount, name), Buffer.alloc(bytes));
  if (leaveKb === 0) {
    // whatever is left (metadata rounding): take it byte by byte in pages
    try {
      for (;;) fs.appendFileSync(path.join(mount, name), Buffer.alloc(4096));
    } catch {
      // ENOSPC: full
    }
  }
}

describe('disk full', () => {
  let mount: string;
  let db: string;
  let bigBody: string;
  beforeAll(async () => {
    mount = tmpfs(3 * 1024);
    db = path.join(mount, 'bulletin.db');
    await ok(db, 'init', db);
    await county(db);
    bigBody = path.join(dir(), 'big.txt');
    fs.writeFileSync(bigBody, '很好的信息正文。'.repeat(20_000));
  });

  it('refuses a write with 磁盘空间不足 and what to do, changes nothing, and a delete still goes through', async () => {
    fill(mount, 'filler', 200);
    const before = hash(db);
    const r = await cli(db, 'article', 'add', '--title', '一篇长稿', '--body-file', bigBody);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('磁盘空间不足');
    expect(r.stderr).toContain('请删除不需要的文件');
    expect(r.stderr).not.toMatch(/内部错误|已损坏/);
    expect(hash(db)).toBe(before);
    const listed = await ok(db, '--json', 'article', 'list');
    expect((listed.json() as { title: string }[]).map((a) => a.title).sort()).toEqual(['一条要删的信息', '城关镇推进老旧小区改造'].sort());
    await ok(db, 'article', 'delete', '2');
  });

  it('a Word file that does not fit is refused, and no half-written file is left', async () => {
    const out = path.join(mount, '导出');
    fs.mkdirSync(out);
    fill(mount, 'filler-2', 0);
    const before = hash(db);
    const r = await cli(db, 'issue', 'export', '1', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('磁盘空间不足');
    expect(fs.readdirSync(out)).toEqual([]);
    expect(hash(db)).toBe(before);
  });

  it('with no room at all, reading still works and every write says the disk is full', async () => {
    const before = hash(db);
    const listed = await ok(db, '--json', 'issue', 'list');
    expect((listed.json() as { status: string }[])[0]!.status).toBe('signed');
    for (const write of [
      ['article', 'add', '--title', '再来一条', '--body', '正文。'],
      ['article', 'delete', '1'],
      ['series', 'set', '城关县政务信息', '--copies', '60'],
    ]) {
      const r = await cli(db, ...write);
      expect(r.code, write.join(' ')).toBe(2);
      expect(r.stderr).toContain('磁盘空间不足');
      expect(r.stderr).not.toMatch(/不是编印台的数据库|已损坏|内部错误/);
    }
    expect(hash(db)).toBe(before);
  });
});

describe('a read-only disk', () => {
  let mount: string;
  let db: string;
  beforeAll(async () => {
    mount = tmpfs(4 * 1024);
    db = path.join(mount, 'bulletin.db');
    await ok(db, 'init', db);
    await county(db);
    execFileSync('mount', ['-o', 'remount,ro', mount]);
  });
  afterEach(() => expect(fs.readdirSync(mount).sort()).toEqual(['bulletin.db', 'logs']));

  it('reads: lists, shows, searches and scores', async () => {
    const issues = await ok(db, '--json', 'issue', 'list');
    expect(issues.json()).toMatchObject([{ status: 'signed', number: 1 }]);
    await ok(db, 'article', 'show', '1');
    const found = await ok(db, '--json', 'search', '老旧小区');
    expect(JSON.stringify(found.json())).toContain('城关镇推进老旧小区改造');
    await ok(db, 'score', '--from', '2026-10-01', '--to', '2026-12-31');
    // The backups listed are this database's, though it was read into memory.
    const backups = await ok(db, '--json', 'backup', 'list');
    expect((backups.json() as { dir: string }).dir).toBe(path.join(mount, 'backups'));
  });

  it('refuses every write with 只读, never as damage, and changes nothing', async () => {
    const before = hash(db);
    for (const write of [
      ['article', 'add', '--title', '新信息', '--body', '正文。'],
      ['article', 'delete', '2'],
      ['issue', 'create', '--series', '城关县政务信息'],
      ['unit', 'add', '--name', '河口乡'],
    ]) {
      const r = await cli(db, ...write);
      expect(r.code, write.join(' ')).toBe(2);
      expect(r.stderr).toContain('只读');
      expect(r.stderr).not.toMatch(/不是编印台的数据库|已损坏|内部错误/);
    }
    expect(hash(db)).toBe(before);
  });

  it('saving a file onto it is refused with 只读', async () => {
    const writable = path.join(dir(), 'bulletin.db');
    await ok(writable, 'init', writable);
    await county(writable);
    const r = await cli(writable, 'issue', 'export', '1', '--out', mount);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('只读');
  });
});

describe('a folder that does not exist', () => {
  it('is refused for --db, and nothing is created there', async () => {
    const base = dir();
    const db = path.join(base, '信息科', 'bulletin.db');
    for (const args of [['series', 'list'], ['series', 'add', '--name', '城关县政务信息'], ['import', base]]) {
      const r = await cli(db, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`找不到文件夹“${path.dirname(db)}”`);
      expect(r.stderr).toContain('bulletin init');
    }
    expect(fs.readdirSync(base)).toEqual([]);
  });

  it('`bulletin init PATH` creates it with a new empty database, and never overwrites a file', async () => {
    const base = dir();
    const db = path.join(base, '信息科', '2027', 'bulletin.db');
    const made = await ok(db, '--json', 'init', db);
    expect(made.json()).toMatchObject({ path: db });
    const series = await ok(db, '--json', 'series', 'list');
    expect(series.json()).toEqual([]);
    await ok(db, 'series', 'add', '--name', '城关县政务信息');
    const before = hash(db);
    const again = await cli(db, 'init', db);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已经存在');
    expect(hash(db)).toBe(before);
    const other = path.join(base, 'notes.txt');
    fs.writeFileSync(other, '别的文件');
    const onFile = await cli(db, 'init', other);
    expect(onFile.code).toBe(2);
    expect(fs.readFileSync(other, 'utf8')).toBe('别的文件');
  });

  it('the demo still makes its own folder', async () => {
    const out = path.join(dir(), '演示', '输出');
    const r = await cli(path.join(out, 'unused.db'), 'demo', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, 'demo.db'))).toBe(true);
  });
});

describe('folder import', () => {
  let db: string;
  let base: string;
  beforeAll(async () => {
    base = dir();
    db = path.join(base, 'bulletin.db');
    await ok(db, 'init', db);
    await ok(db, 'unit', 'add', '--name', '城关镇');
  });

  it('never follows a link and skips sub-folders, each with a Chinese reason; nothing registered, exit 2', async () => {
    const folder = path.join(base, '来稿');
    fs.mkdirSync(path.join(folder, '子文件夹'), { recursive: true });
    fs.writeFileSync(path.join(folder, '子文件夹', '城关镇-藏在里面.txt'), '藏在子文件夹里的稿件\n正文。');
    const outside = path.join(base, '别处的秘密.txt');
    fs.writeFileSync(outside, '不该被登记的内容\n正文。');
    fs.symlinkSync(outside, path.join(folder, '城关镇-链接.txt'));
    fs.symlinkSync('/etc', path.join(folder, '链接到文件夹'));
    const before = hash(db);

    const r = await cli(db, 'import', folder, '--unit', '城关镇');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('[拒收] 城关镇-链接.txt：这是一个链接');
    expect(r.stdout).toContain('[拒收] 链接到文件夹：这是一个链接');
    expect(r.stdout).toMatch(/\[跳过\] 子文件夹.：这是子文件夹/);
    expect(r.stderr).toContain('没有导入任何文件');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/EISDIR|ELOOP|ENOENT/);
    expect(hash(db)).toBe(before);

    const json = await cli(db, '--json', 'import', folder);
    expect(json.code).toBe(2);
    const answer = json.json() as { error: { files: { name: string; status: string }[]; skippedFolders: { name: string }[] } };
    expect(answer.error.files.map((f) => f.status)).toEqual(['refused', 'refused']);
    expect(answer.error.skippedFolders.map((f) => f.name)).toEqual(['子文件夹']);

    // A link named directly is refused too, and a real file beside the links still imports.
    const direct = await cli(db, 'import', path.join(folder, '城关镇-链接.txt'));
    expect(direct.code).toBe(2);
    expect(direct.stdout).toContain('这是一个链接');
    expect(hash(db)).toBe(before);
    fs.writeFileSync(path.join(folder, '城关镇-真稿件.txt'), '城关镇的真稿件\n正文。');
    const mixed = await ok(db, '--json', 'import', folder);
    expect((mixed.json() as { imported: number; refused: number }).imported).toBe(1);
    const drafts = await ok(db, '--json', 'submission', 'list');
    expect(JSON.stringify(drafts.json())).not.toContain('不该被登记的内容');
  });
});

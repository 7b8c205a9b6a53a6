import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src-main/cli/commands';
import { cli } from './helpers/cli';
import { openTestDb, type TestDb } from './helpers/db';

const run = promisify(execFile);
const BIN = path.join(__dirname, '..', 'bin', 'bulletin.cjs');

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

describe('help', () => {
  it('explains the whole command in Chinese and English', async () => {
    const r = await cli(t.file, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法 Usage');
    expect(r.stdout).toContain('新建一期草稿');
    expect(r.stdout).toContain('Create a draft issue');
    for (const c of COMMANDS) expect(r.stdout).toContain(c.path.join(' '));
  });

  it.each(COMMANDS.map((c) => [c.path.join(' '), c] as const))('explains `%s` in both languages', async (_name, c) => {
    const r = await cli(t.file, ...c.path, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`bulletin ${c.path.join(' ')}`);
    expect(r.stdout).toContain(c.zh);
    expect(r.stdout).toContain(c.en);
    for (const o of c.options ?? []) expect(r.stdout).toContain(`--${o.flag}`);
    expect(r.stdout).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lists a group of subcommands', async () => {
    const r = await cli(t.file, 'issue', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('issue sign');
    expect(r.stdout).toContain('Sign off');
  });
});

describe('--json', () => {
  it('prints exactly one JSON value with the documented fields', async () => {
    const series = (await cli(t.file, '--json', 'series', 'add', '--name', '城关县政务信息', '--first-number', '12')).json() as { id: number };
    expect(series).toMatchObject({ id: 1, name: '城关县政务信息', firstNumber: 12, continuous: false });
    const unit = (await cli(t.file, '--json', 'unit', 'add', '--name', '城关镇')).json();
    expect(unit).toEqual({ id: 1, name: '城关镇', kind: 'town', active: true, shortName: null, aliases: [] });
    const article = (
      await cli(t.file, '--json', 'article', 'add', '--title', '标题', '--body', '一、做法\n正文', '--unit', '城关镇', '--category', 'practice')
    ).json() as Record<string, unknown>;
    expect(article).toMatchObject({
      id: 1,
      title: '标题',
      unit: '城关镇',
      category: 'practice',
      classification: 'public',
      paragraphs: [
        { level: 1, text: '一、做法' },
        { level: 0, text: '正文' },
      ],
    });
    const issue = (await cli(t.file, '--json', 'issue', 'create', '--series', '城关县政务信息', '--date', '2026-11-21')).json();
    expect(issue).toMatchObject({ id: 1, series: '城关县政务信息', status: 'draft', year: 2026, number: null, totalNumber: null, date: '2026-11-21', signedBy: null, articles: [] });
    await cli(t.file, 'issue', 'add', '1', '1');
    await cli(t.file, 'issue', 'submit', '1');
    const signed = await cli(t.file, '--json', 'issue', 'sign', '1', '--by', '张某某');
    expect(signed.stdout.trim().split('\n')).toHaveLength(1);
    expect(signed.json()).toMatchObject({ status: 'signed', number: 12, totalNumber: 12, signedBy: '张某某', articles: [{ id: 1, title: '标题' }] });
    const list = (await cli(t.file, '--json', 'issue', 'list', '--status', 'signed')).json() as unknown[];
    expect(list).toHaveLength(1);
  });
});

describe('the installed binary', () => {
  it('runs as a real process with exit codes 0 and 2', async () => {
    const env = { ...process.env, BULLETIN_DB: t.file };
    const ok = await run(process.execPath, [BIN, '--json', 'series', 'add', '--name', '情况反映'], { env });
    expect(JSON.parse(ok.stdout)).toMatchObject({ name: '情况反映' });
    const refused = await run(process.execPath, [BIN, 'issue', 'show', '42'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect((refused as { code: number }).code).toBe(2);
    expect((refused as { stderr: string }).stderr).toContain('没有编号为 42 的期次');
    const version = await run(process.execPath, [BIN, '--version']);
    expect(version.stdout).toMatch(/bulletin \d+\.\d+\.\d+/);
  });
});

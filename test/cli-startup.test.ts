/**
 * Commands start at once (issue 14): the built `bulletin` answers --help and --version without
 * loading the program, and a read such as `issue list` without exceljs, mammoth, docx, yauzl or
 * yazl; the operations that use them load them when called, and still work. No timing here: a
 * preload hook writes down every module the process loaded (require.cache at exit), and the test
 * looks at the list. The speed itself is measured by `npm run bench -- --only startup`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src-main/cli/main';
import { fastAnswer } from '../src-main/cli/fast-help';
import { helpTable, type HelpTable } from '../src-main/cli/help';
import { COMMANDS } from '../src-main/cli/commands';
import { VERSION } from '../src-main/cli/main';
import { SCHEMA_VERSION } from '../src-main/store/migrations';
import { op } from '../src-main/api/ops/define';
import { z } from 'zod';
import { tempDir } from './helpers/db';

const BIN = path.resolve('bin/bulletin.cjs');
const HEAVY = ['exceljs', 'mammoth', 'docx', 'yauzl', 'yazl', 'fuse.js'];
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const d = tempDir('bulletin-startup-');
  dirs.push(d);
  return d;
}

/** The packages (by node_modules folder) a run of the built command loaded, with its output. */
function loaded(dir: string, args: string[]): { code: number; stdout: string; stderr: string; packages: Set<string> } {
  const hook = path.join(dir, 'loaded-hook.cjs');
  const list = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${hook}` };
  delete env.BULLETIN_DB;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, cwd: dir });
  const files = JSON.parse(fs.readFileSync(list, 'utf8')) as string[];
  const packages = new Set(files.flatMap((f) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f)?.[1] ?? []));
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, packages };
}

async function inProcess(args: string[]): Promise<{ code: number; stdout: string }> {
  const out: string[] = [];
  const code = await runCli(args, { stdout: (s) => out.push(s.endsWith('\n') ? s : `${s}\n`), stderr: () => {}, env: {} });
  return { code, stdout: out.join('') };
}

describe('help and version without loading the program', () => {
  const table = helpTable(COMMANDS, VERSION, SCHEMA_VERSION);

  it('the built help table is the command table of these sources', () => {
    const built = JSON.parse(fs.readFileSync(path.resolve('dist/main/cli-help.json'), 'utf8')) as HelpTable;
    expect(built).toEqual(table);
  });

  it('answers exactly as the program does, for every command, group and the main help', async () => {
    const groups = [...new Set(COMMANDS.map((c) => c.path[0]!))];
    const asks: string[][] = [[], ['--help'], ['-h'], ['--version'], ['--json', '--version'], ['issue', 'list', '--version']];
    // A group's word alone shows its help; a one-word command's (init, search) runs it.
    for (const g of groups) asks.push([g, '--help'], ...(COMMANDS.some((c) => c.path.join(' ') === g) ? [] : [[g]]));
    for (const c of COMMANDS) asks.push([...c.path, '--help'], ['--json', ...c.path, '-h'], [...c.path, 'extra', '--help']);
    for (const argv of asks) {
      const fast = fastAnswer(argv, table);
      expect(fast, argv.join(' ')).not.toBeNull();
      const full = await inProcess(argv);
      expect(full.code, argv.join(' ')).toBe(0);
      expect(fast!.endsWith('\n') ? fast : `${fast}\n`, argv.join(' ')).toBe(full.stdout);
    }
  });

  it('leaves real commands, options and mistakes to the program', () => {
    for (const argv of [['issue', 'list'], ['init', 'x.db'], ['--db', 'x.db', '--help'], ['nosuch'], ['issue', 'nosuch'], ['issue', '--', '--help'], ['search', '税'], ['']]) {
      expect(fastAnswer(argv, table), argv.join(' ')).toBeNull();
    }
  });
});

describe('an operation builds its input schema when first used', () => {
  it('not at declaration; once, at the first read of input; summary and flags as declared', () => {
    let built = 0;
    const def = op<number>()(
      () => {
        built += 1;
        return z.object({ id: z.number() }).strict();
      },
      '试验 / a trial',
      { readonly: true, audit: { file: true } },
    );
    expect(built).toBe(0);
    expect(def).toMatchObject({ summary: '试验 / a trial', readonly: true, audit: { file: true } });
    const schema = def.input;
    expect(def.input).toBe(schema);
    expect(built).toBe(1);
    expect(def.input.safeParse({ id: 1 }).success).toBe(true);
    expect(def.input.safeParse({ id: 1, x: 2 }).success).toBe(false);
  });
});

describe('the built command loads heavy packages only where used', () => {
  it('--help and --version load nothing of the program: no zod, no SQLite, no Word or Excel', () => {
    const dir = scratch();
    for (const args of [['--help'], ['--version'], ['issue', 'sign', '--help']]) {
      const r = loaded(dir, args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(10);
      for (const p of [...HEAVY, 'zod', 'better-sqlite3']) expect([...r.packages], `${args.join(' ')} loaded ${p}`).not.toContain(p);
    }
  });

  it('a read (issue list, unit list) loads none of exceljs, mammoth, docx, yauzl, yazl', () => {
    const dir = scratch();
    const db = path.join(dir, 'b.db');
    expect(loaded(dir, ['init', db]).code).toBe(0);
    for (const args of [['issue', 'list'], ['unit', 'list'], ['--json', 'issue', 'list']]) {
      const r = loaded(dir, ['--db', db, ...args]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.packages.has('better-sqlite3'), 'the hook sees what was loaded').toBe(true);
      for (const p of HEAVY) expect([...r.packages], `${args.join(' ')} loaded ${p}`).not.toContain(p);
    }
  });

  it('the operations that use them load them and work: Word export, Excel export, packet, Word import', () => {
    const dir = scratch();
    const demo = loaded(dir, ['demo', '--out', dir]);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.packages.has('docx')).toBe(true);
    const db = path.join(dir, 'demo.db');
    const word = fs.readdirSync(dir).find((f) => f.endsWith('.docx'))!;
    expect(fs.readFileSync(path.join(dir, word)).subarray(0, 2).toString()).toBe('PK');

    const xlsx = path.join(dir, 'log.xlsx');
    const audit = loaded(dir, ['--db', db, 'audit', 'export', '--out', xlsx]);
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.packages.has('exceljs')).toBe(true);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

    expect(loaded(dir, ['--db', db, 'settings', 'set', '--office', '县政府办', '--contact', '王明', '--phone', '0000-1234567']).code).toBe(0);
    const out = path.join(dir, 'packets');
    fs.mkdirSync(out);
    const packet = loaded(dir, ['--db', db, 'packet', 'export', '--issue', '1', '--out', out]);
    expect(packet.code, packet.stderr).toBe(0);
    expect(packet.packages.has('yazl')).toBe(true);
    const zip = path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.zip'))!);
    const verify = loaded(dir, ['--db', db, 'packet', 'verify', zip]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(verify.packages.has('yauzl')).toBe(true);

    const imported = loaded(dir, ['--db', db, '--json', 'import', path.join(dir, word)]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.packages.has('mammoth')).toBe(true);
    expect(imported.stdout).toContain('"imported"');
  });
});

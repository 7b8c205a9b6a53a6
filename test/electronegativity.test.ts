/**
 * `npm run security` (scripts/electronegativity.mjs): passes on the shell as it is, with every
 * HIGH or MEDIUM finding justified, and fails when the window's hardening is weakened.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from './helpers/db';

const ROOT = path.join(__dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts', 'electronegativity.mjs');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** A copy of the shell's sources with one change, checked as if it were the project. */
function weakened(edit: (main: string) => string): string {
  const d = tempDir('bulletin-eneg-test-');
  dirs.push(d);
  fs.cpSync(path.join(ROOT, 'src-main', 'electron'), path.join(d, 'src-main', 'electron'), { recursive: true });
  fs.mkdirSync(path.join(d, 'src-renderer'));
  fs.copyFileSync(path.join(ROOT, 'src-renderer', 'index.html'), path.join(d, 'src-renderer', 'index.html'));
  const main = path.join(d, 'src-main', 'electron', 'main.ts');
  const before = fs.readFileSync(main, 'utf8');
  const after = edit(before);
  expect(after, 'the edit must change the shell').not.toBe(before);
  fs.writeFileSync(main, after);
  return d;
}

it('passes on the real shell, and fails when context isolation or the sandbox is turned off', async () => {
  const noIsolation = weakened((m) => m.replace('contextIsolation: true,', 'contextIsolation: false,'));
  const noSandbox = weakened((m) => m.replace('sandbox: true,', 'sandbox: false,'));
  // One after the other: three scans at once on a busy CI machine are slow for nothing.
  const real = await run([]);
  const a = await run(['--root', noIsolation]);
  const b = await run(['--root', noSandbox]);

  expect(real.code, real.out).toBe(0);
  expect(real.out).toMatch(/No HIGH or MEDIUM finding left unexplained/);
  expect(real.out).toMatch(/accepted MEDIUM\s+PRELOAD_JS_CHECK/);
  expect(real.out).not.toMatch(/FAIL /);

  expect(a.code, a.out).toBe(1);
  expect(a.out).toMatch(/FAIL\s+HIGH\s+CONTEXT_ISOLATION_JS_CHECK/);
  expect(b.code, b.out).toBe(1);
  expect(b.out).toMatch(/FAIL\s+MEDIUM\s+SANDBOX_JS_CHECK/);
});

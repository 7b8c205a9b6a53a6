// `bulletin web` as users run it: the built binary in its own process, stopped by a signal.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src-main/store/db';
import { TOKEN_HEADER } from '../src-main/api/transport';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/db';

const BIN = path.join(__dirname, '..', 'bin', 'bulletin.cjs');
const INDEX = '<!doctype html><title>编印台测试页</title>';

const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const newDir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};

function startWeb(dir: string, ...args: string[]) {
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX);
  const db = path.join(dir, 'bulletin.db');
  const child = spawn(process.execPath, [BIN, '--db', db, ...args, 'web', '--port', '0', '--no-open'], {
    env: { ...process.env, BULLETIN_STATIC_DIR: staticDir, BULLETIN_DB: '' },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const output = () => ({ stdout, stderr });
  const waitFor = (re: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = re.exec(stdout);
        if (m) {
          clearInterval(timer);
          resolve(m);
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`bulletin web exited early: ${stderr}`));
        }
      }, 20);
    });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, db, output, waitFor, exited };
}

async function call(origin: string, token: string, op: string, input: unknown) {
  const r = await fetch(`${origin}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify(input),
  });
  return { status: r.status, body: (await r.json()) as { ok: boolean; result?: unknown; error?: { code: string } } };
}

describe('bulletin web', () => {
  it('prints one JSON line with the address and token, serves the API, and stops cleanly on SIGTERM', async () => {
    const web = startWeb(newDir(), '--json');
    const [line] = await web.waitFor(/^.*\n/);
    const started = JSON.parse(line) as { url: string; port: number; token: string };
    expect(Object.keys(started).sort()).toEqual(['port', 'token', 'url']);
    expect(started.token).toMatch(/^[0-9a-f]{64}$/);
    expect(started.url).toBe(`http://127.0.0.1:${started.port}/#token=${started.token}`);
    const origin = new URL(started.url).origin;

    expect(await (await fetch(origin)).text()).toBe(INDEX);
    const added = await call(origin, started.token, 'seriesAdd', { name: '城关县政务信息' });
    expect(added).toMatchObject({ status: 200, body: { ok: true, result: { id: 1, name: '城关县政务信息' } } });
    const refused = await call(origin, 'wrong', 'seriesAdd', { name: '另一种刊物' });
    expect(refused).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHORIZED' } } });

    web.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
    expect(web.output().stderr).toBe('');
    // A clean close checkpoints the WAL into the database and removes it.
    expect(fs.existsSync(`${web.db}-wal`)).toBe(false);
    const db = openDatabase(web.db);
    try {
      expect(db.prepare('SELECT name FROM series').all()).toEqual([{ name: '城关县政务信息' }]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('prints the address with the token in Chinese and English, and stops on Ctrl+C', async () => {
    const web = startWeb(newDir());
    const [address, port, token] = await web.waitFor(/http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{64})/);
    const text = web.output().stdout;
    expect(text).toContain('请在浏览器中打开');
    expect(text).toContain('Open this address');
    expect(text).toContain('Ctrl+C');
    expect(address).toBe(`http://127.0.0.1:${port}/#token=${token}`);
    expect((await call(`http://127.0.0.1:${port}`, token!, 'seriesList', {})).body).toEqual({ ok: true, result: [] });

    web.child.kill('SIGINT');
    expect(await web.exited).toBe(0);
    expect(web.output().stdout).toContain('已停止');
    expect(fs.existsSync(`${web.db}-wal`)).toBe(false);
  });

  it('refuses a bad port before opening anything', async () => {
    const dir = newDir();
    const r = await cli(path.join(dir, 'bulletin.db'), 'web', '--port', '70000', '--no-open');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('端口必须是 0 到 65535 之间的整数');
    expect(fs.existsSync(path.join(dir, 'bulletin.db'))).toBe(false);
  });

  it('explains itself in both languages', async () => {
    const r = await cli(path.join(newDir(), 'bulletin.db'), 'web', '--help');
    expect(r.stdout).toContain('bulletin web');
    expect(r.stdout).toContain('--port');
    expect(r.stdout).toContain('--no-open');
    expect(r.stdout).toContain('Browser mode');
  });
});

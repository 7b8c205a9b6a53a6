import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startBridge, type Bridge } from '../src-main/bridge/http-server';
import { CONTENT_SECURITY_POLICY } from '../src-main/electron/security';
import { API_PREFIX, TOKEN_HEADER } from '../src-main/api/transport';
import { openTestDb, snapshotAll, tempDir, type TestDb } from './helpers/db';
import { request, type RawRequest, type RawResponse } from './helpers/http';

const INDEX = '<!doctype html><title>编印台</title><script type="module" src="./app.js"></script>';
const SECRET = 'SECRET-OUTSIDE-STATIC-DIR';

let t: TestDb;
let root: string;
let staticDir: string;
let bridge: Bridge;

beforeEach(async () => {
  t = openTestDb();
  root = tempDir('bulletin-static-');
  staticDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log("编印台");');
  fs.writeFileSync(path.join(staticDir, 'assets', 'style.css'), 'body{margin:0}');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(staticDir, '.env'), SECRET);
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(staticDir, 'link.txt'));
  bridge = await startBridge({ dbPath: t.file, port: 0, staticDir });
});

afterEach(async () => {
  await bridge.close();
  t.close();
  fs.rmSync(root, { recursive: true, force: true });
});

function api(op: string, body: unknown, headers: Record<string, string> = {}, extra: Partial<RawRequest> = {}): Promise<RawResponse> {
  return request({
    port: bridge.port,
    method: 'POST',
    path: `${API_PREFIX}${op}`,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token, ...headers },
    body: JSON.stringify(body),
    ...extra,
  });
}

function expectSecurityHeaders(r: RawResponse): void {
  expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(r.headers['referrer-policy']).toBe('no-referrer');
  expect(r.headers['x-frame-options']).toBe('DENY');
}

describe('the API door', () => {
  it('listens on 127.0.0.1 only, with a fresh 256-bit token', async () => {
    expect((bridge.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
    const other = await startBridge({ dbPath: t.file, staticDir });
    try {
      expect(other.token).not.toBe(bridge.token);
      expect(other.port).not.toBe(bridge.port);
    } finally {
      await other.close();
    }
  });

  it('runs calls through dispatch with the right token', async () => {
    const added = await api('seriesAdd', { name: '城关县政务信息', firstNumber: 433 });
    expect(added.status).toBe(200);
    expect(added.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(added.headers['cache-control']).toBe('no-store');
    expect(added.json()).toMatchObject({ ok: true, result: { id: 1, name: '城关县政务信息', firstNumber: 433 } });
    expectSecurityHeaders(added);

    const list = await api('seriesList', {});
    expect(list.json()).toMatchObject({ ok: true, result: [{ name: '城关县政务信息' }] });
    // An empty body means "no arguments".
    const empty = await request({ port: bridge.port, method: 'POST', path: '/api/seriesList', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token }, body: '' });
    expect(empty.json()).toMatchObject({ ok: true });
  });

  it.each([
    ['missing', undefined],
    ['wrong', 'f'.repeat(64)],
    ['empty', ''],
    ['a prefix of the right one', 'PREFIX'],
  ])('refuses a %s token with 401 and writes nothing', async (_what, token) => {
    const before = snapshotAll(t.db);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== undefined) headers[TOKEN_HEADER] = token === 'PREFIX' ? bridge.token.slice(0, 32) : token;
    const r = await request({ port: bridge.port, method: 'POST', path: '/api/seriesAdd', headers, body: JSON.stringify({ name: '不该写入' }) });
    expect(r.status).toBe(401);
    const body = r.json() as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(body.error.message).toContain('访问令牌无效');
    expectSecurityHeaders(r);
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it.each([
    ['a rebinding DNS name', 'evil.example:PORT'],
    ['the right name on another port', '127.0.0.1:1'],
    ['the LAN address', '192.168.1.10:PORT'],
    ['no port', 'localhost'],
  ])('refuses the Host header of %s', async (_what, host) => {
    const before = snapshotAll(t.db);
    const r = await api('seriesAdd', { name: '不该写入' }, { host: host.replace('PORT', String(bridge.port)) });
    expect(r.status).toBe(403);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(snapshotAll(t.db)).toEqual(before);
    const page = await request({ port: bridge.port, path: '/', headers: { host: host.replace('PORT', String(bridge.port)) } });
    expect(page.status).toBe(403);
    expect(page.text).not.toContain('<title>编印台');
  });

  it('accepts localhost:PORT and the same origin', async () => {
    const r = await api('seriesList', {}, { host: `localhost:${bridge.port}`, origin: `http://localhost:${bridge.port}`, 'sec-fetch-site': 'same-origin' });
    expect(r.json()).toMatchObject({ ok: true });
  });

  it.each([
    ['another site', { origin: 'http://evil.example' }],
    ['a sandboxed page', { origin: 'null' }],
    ['our host over https', { origin: 'https://127.0.0.1:PORT' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site fetch from another port', { 'sec-fetch-site': 'same-site' }],
  ])('refuses %s even with the token', async (_what, headers: Record<string, string>) => {
    const before = snapshotAll(t.db);
    const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(bridge.port))]));
    const r = await api('seriesAdd', { name: '不该写入' }, h);
    expect(r.status).toBe(403);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(snapshotAll(t.db)).toEqual(before);
  });

  it('accepts only JSON bodies', async () => {
    const before = snapshotAll(t.db);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']) {
      const r = await api('seriesAdd', { name: '不该写入' }, { 'content-type': type });
      expect(r.status, type).toBe(415);
      expect(r.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const bad = await request({ port: bridge.port, method: 'POST', path: '/api/seriesAdd', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token }, body: '{"name": 城关' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON。' } });
    expect(snapshotAll(t.db)).toEqual(before);
    const withCharset = await api('seriesList', {}, { 'content-type': 'application/json; charset=UTF-8' });
    expect(withCharset.json()).toMatchObject({ ok: true });
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) });
    const declared = await api('seriesAdd', undefined, {}, { body: big });
    expect(declared.status).toBe(413);
    expect(declared.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const streamed = await api('seriesAdd', undefined, {}, { body: big, chunked: true });
    expect(streamed.status).toBe(413);
    expect(snapshotAll(t.db).series).toEqual([]);
    // An item near the largest allowed size still goes through.
    const item = await api('articleAdd', { title: '长稿', body: '长'.repeat(150_000) });
    expect(item.json()).toMatchObject({ ok: true });
  });

  it('answers refusals from the API as an Envelope with a Chinese message', async () => {
    const r = await api('issueGet', { id: 999 });
    expect(r.status).toBe(200);
    const body = r.json() as { ok: false; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);

    const unknown = await api('dropEverything', {});
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const proto = await api('__proto__', {});
    expect(proto.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const invalid = await api('seriesAdd', { name: '' });
    expect(invalid.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('accepts only POST on the API', async () => {
    const r = await request({ port: bridge.port, path: '/api/seriesList', headers: { [TOKEN_HEADER]: bridge.token } });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
  });

  it('closes cleanly: no more connections, the database file released', async () => {
    await api('seriesAdd', { name: '城关县政务信息' });
    await bridge.close();
    await bridge.close(); // twice is harmless
    await expect(request({ port: bridge.port, path: '/' })).rejects.toThrow();
    expect(fs.existsSync(`${t.file}-wal`)).toBe(true); // still held by the test's own connection
    t.db.close();
    expect(fs.existsSync(`${t.file}-wal`)).toBe(false); // the last connection checkpointed: both closed
  });

  it('refuses a port already in use with a Chinese message', async () => {
    await expect(startBridge({ dbPath: t.file, port: bridge.port, staticDir })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已被占用') });
  });
});

describe('the static files', () => {
  it('serves index.html for / without caching, and files with their types', async () => {
    const page = await request({ port: bridge.port, path: '/' });
    expect(page.status).toBe(200);
    expect(page.text).toBe(INDEX);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(page);

    const js = await request({ port: bridge.port, path: '/app.js?v=1' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.text).toContain('编印台');
    expectSecurityHeaders(js);
    const css = await request({ port: bridge.port, path: '/assets/style.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await request({ port: bridge.port, method: 'HEAD', path: '/app.js' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('needs no token, gives the page for app routes and 404 for missing files', async () => {
    expect((await request({ port: bridge.port, path: '/issues/3' })).text).toBe(INDEX);
    const missing = await request({ port: bridge.port, path: '/assets/nothing.js' });
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    expect((await request({ port: bridge.port, method: 'POST', path: '/' })).status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc/passwd',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/C:%5cWindows%5cwin.ini',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/.env',
    '/link.txt',
    'http://127.0.0.1/../secret.txt',
  ])('never serves a file outside the folder for %s', async (p) => {
    const r = await request({ port: bridge.port, path: p });
    expect(r.status, p).toBeGreaterThanOrEqual(400);
    expect(r.text).not.toContain(SECRET);
    expect(r.text).not.toMatch(/root:.*:0:0:/);
    expect(r.text).not.toContain('"name": "bulletin-desk"');
    expectSecurityHeaders(r);
  });

  it('explains how to build when the renderer is missing', async () => {
    const empty = await startBridge({ dbPath: t.file, staticDir: path.join(root, 'not-built') });
    try {
      const r = await request({ port: empty.port, path: '/' });
      expect(r.status).toBe(503);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.text).toContain('npm run build');
      expect(r.text).toContain('界面尚未构建');
      expectSecurityHeaders(r);
    } finally {
      await empty.close();
    }
  });
});

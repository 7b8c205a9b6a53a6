// The Electron shell cannot run here (no binary), so its hardening is checked as data and as source text.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CALL, IPC_OPEN_PATH, IPC_SAVE_DIALOG, IPC_SHOW_IN_FOLDER } from '../src-main/api/transport';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, WEB_PREFERENCES, isAllowedSender } from '../src-main/electron/security';
import { openDatabase } from '../src-main/store/db';
import { tempDir } from './helpers/db';
import { removeStage, runMainProcess, stageMainBundle, type FakeElectron } from './helpers/fake-electron';

const ROOT = path.join(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|cts|js|cjs|mjs)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('window settings', () => {
  it('isolates the page from Node and from weakened web security', () => {
    expect(WEB_PREFERENCES).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('denies by default and allows no eval, no inline script and no remote host', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    for (const [name, values] of directives) {
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
  });
});

describe('isAllowedSender', () => {
  it.each([
    ['app://bulletin/index.html', true],
    ['app://bulletin/', true],
    ['app://bulletin/assets/index-abc.js?x=1#frag', true],
    ['app://bulletin.evil/index.html', false],
    ['app://evil/index.html', false],
    ['app://user:pass@bulletin/index.html', false],
    ['http://bulletin/index.html', false],
    ['https://example.com/', false],
    ['file:///C:/Windows/index.html', false],
    ['about:blank', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedSender(url, APP_ORIGIN)).toBe(allowed);
  });

  it('works for another origin given explicitly', () => {
    expect(isAllowedSender('http://127.0.0.1:5173/', 'http://127.0.0.1:5173')).toBe(true);
    expect(isAllowedSender('http://127.0.0.1:5174/', 'http://127.0.0.1:5173')).toBe(false);
    expect(isAllowedSender('app://bulletin/', 'not a url')).toBe(false);
  });
});

describe('the Electron main process (source)', () => {
  const main = read('src-main/electron/main.ts');

  it('makes every hardening call', () => {
    expect(main).toContain('requestSingleInstanceLock()');
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(main).toMatch(/on\('will-navigate',[\s\S]{0,120}isAllowedSender\([\s\S]{0,60}preventDefault\(\)/);
    expect(main).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
    expect(main).toMatch(/setPermissionRequestHandler\(\([^)]*\) => callback\(false\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(main).toMatch(/webPreferences: \{ \.\.\.WEB_PREFERENCES, preload: PRELOAD/);
    expect(main).toContain('protocol.handle(APP_SCHEME');
    expect(main).not.toMatch(/loadURL\(['"`]https?:/);
    expect(main).not.toContain('nodeIntegration: true');
  });

  it('checks the sender in every IPC handler and registers each channel once', () => {
    const handles = main.split('ipcMain.handle(').slice(1);
    expect(handles.length).toBeGreaterThan(0);
    for (const h of handles) expect(h.slice(0, 300)).toMatch(/if \(!isAllowedSender\(event\.senderFrame/);
    expect(main).not.toMatch(/ipcMain\.(on|once|handleOnce|addListener)\(/);
    const channels = [...main.matchAll(/(?:ipcMain\.handle|guarded(?:<[^>(]*>)?)\(\s*(IPC_\w+)/g)].map((m) => m[1]);
    expect(channels.sort()).toEqual(['IPC_CALL', 'IPC_OPEN_DIALOG', 'IPC_OPEN_PATH', 'IPC_SAVE_DIALOG', 'IPC_SHOW_IN_FOLDER']);
    // Nothing but the guard may register a handler.
    expect(main.match(/ipcMain\.handle\(/g)).toHaveLength(1);
  });

  it('shows only files this session exported', () => {
    expect(main).toMatch(/exported\.has\(path\.resolve\(file\)\)\) shell\.showItemInFolder/);
    // 打开文件: only an exported document, never anything the page names.
    expect(main).toMatch(/exported\.has\(path\.resolve\(file\)\) && OPENABLE\.test\(file\)\) await shell\.openPath/);
    expect(main.match(/shell\.openPath/g)).toHaveLength(1);
    expect(main).not.toMatch(/shell\.openExternal/);
  });
});

describe('the preload (source and bundle)', () => {
  const preload = read('src-main/electron/preload.ts');

  it('exposes exactly one object, checked against DesktopBridge', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('bulletin', api\)/);
    expect(preload).toMatch(/\} satisfies DesktopBridge;/);
    const imports = [...preload.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['../api/transport', 'electron']);
  });

  it('is bundled as one CommonJS file that requires only electron', () => {
    const bundle = read('dist/main/preload.cjs');
    const required = [...bundle.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(bundle).not.toMatch(/\bimport\s/);
  });
});

describe('layers', () => {
  it.each(['src-main/store', 'src-main/services', 'src-main/export', 'src-main/api', 'src-main/bridge', 'src-main/cli'])(
    '%s never imports electron',
    (dir) => {
      const files = sourceFiles(dir);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        expect(read(f), f).not.toMatch(/from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/);
      }
    },
  );

  it('security.ts stays importable without Electron', () => {
    expect(read('src-main/electron/security.ts')).not.toMatch(/['"]electron['"]/);
  });
});

describe('the built main process, run against a stand-in for Electron', () => {
  const INDEX = '<!doctype html><title>编印台</title>';
  const good = { senderFrame: { url: 'app://bulletin/index.html' } };
  const foreign = { senderFrame: { url: 'https://evil.example/' } };
  let dir: string;
  let fake: FakeElectron;

  beforeAll(async () => {
    dir = tempDir('bulletin-electron-');
    dirs.push(dir);
    fake = await runMainProcess(stageMainBundle(dir, INDEX), { BULLETIN_DB: path.join(dir, 'data', 'bulletin.db') });
  });
  const dirs: string[] = [];
  afterAll(() => {
    fake.appListeners['will-quit']?.();
    for (const d of dirs) removeStage(d);
  });

  const names = () => fake.calls.map((c) => c[0]);

  it('registers the scheme, pins userData before the lock, and opens one hardened window on app://', () => {
    const order = names();
    expect(order.indexOf('app.setPath')).toBeLessThan(order.indexOf('app.requestSingleInstanceLock'));
    expect(fake.calls.find((c) => c[0] === 'app.setPath')?.[1]).toBe('userData');
    expect(order).toContain('app.enableSandbox');
    expect(fake.calls.find((c) => c[0] === 'protocol.registerSchemesAsPrivileged')?.[1]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const [, options] = fake.calls.find((c) => c[0] === 'new BrowserWindow') as [string, { webPreferences: Record<string, unknown> } & Record<string, unknown>];
    expect(options).toMatchObject({ width: 1366, height: 768, minWidth: 1024, minHeight: 680, title: '政务信息编印台', show: false, backgroundColor: '#ffffff' });
    expect(options.webPreferences).toMatchObject({ ...WEB_PREFERENCES, devTools: false });
    expect(options.webPreferences.preload).toBe(path.join(dir, 'main', 'preload.cjs'));
    expect(fake.calls.filter((c) => c[0] === 'loadURL')).toEqual([['loadURL', 'app://bulletin/index.html']]);
    expect(order).not.toContain('dialog.showErrorBox');
  });

  it('answers IPC calls from the app with an Envelope and refuses every other page', async () => {
    const call = fake.ipc[IPC_CALL]!;
    expect(await call(foreign, 'seriesAdd', { name: '不该写入' })).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    expect(await call({ senderFrame: null }, 'seriesList', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await call(good, 'seriesList', {})).toEqual({ ok: true, result: [] });
    expect(await call(good, 'seriesAdd', { name: '城关县政务信息' })).toMatchObject({ ok: true, result: { id: 1 } });
    expect(await call(good, 'issueGet', { id: 9 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(good, undefined, undefined)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await fake.ipc[IPC_SAVE_DIALOG]!(foreign, { title: 'x', defaultName: 'a.docx', filters: [] })).toBeNull();
  });

  it('keeps the save dialog to a file name and shows only files exported in this session', async () => {
    const chosen = await fake.ipc[IPC_SAVE_DIALOG]!(good, { title: '导出', defaultName: '../../etc/第1期.docx', filters: [{ name: 'Word', extensions: ['docx', '../x'] }] });
    expect(chosen).toBe('/chosen/第1期.docx');
    const options = fake.calls.find((c) => c[0] === 'dialog.showSaveDialog')?.[1] as { defaultPath: string; filters: unknown };
    expect(path.basename(options.defaultPath)).toBe('第1期.docx');
    expect(path.dirname(options.defaultPath)).toBe(path.join(dir, 'documents'));
    expect(options.filters).toEqual([{ name: 'Word', extensions: ['docx'] }]);

    const call = fake.ipc[IPC_CALL]!;
    const article = (await call(good, 'articleAdd', { title: '城关镇推进老旧小区改造', body: '一、做法\n正文。' })) as { result: { id: number } };
    const issue = (await call(good, 'issueCreate', { series: 1, date: '2026-11-21' })) as { result: { id: number } };
    await call(good, 'issueAddArticles', { id: issue.result.id, articleIds: [article.result.id] });
    const out = path.join(dir, 'exports', '送审稿.docx');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    expect(await call(good, 'issueExport', { id: issue.result.id, out })).toMatchObject({ ok: true, result: { path: out } });

    await fake.ipc[IPC_SHOW_IN_FOLDER]!(good, '/etc/passwd');
    await fake.ipc[IPC_SHOW_IN_FOLDER]!(foreign, out);
    expect(fake.shown).toEqual([]);
    await fake.ipc[IPC_SHOW_IN_FOLDER]!(good, out);
    expect(fake.shown).toEqual([out]);
    // 打开文件 likewise opens only what this session exported.
    await fake.ipc[IPC_OPEN_PATH]!(good, '/etc/passwd');
    await fake.ipc[IPC_OPEN_PATH]!(foreign, out);
    await fake.ipc[IPC_OPEN_PATH]!(good, out);
    expect(fake.shown).toEqual([out, `open:${out}`]);
  });

  it('serves only the renderer folder, with the security headers', async () => {
    const page = await fake.serve!(new Request('app://bulletin/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const url of ['app://bulletin/..%2foutside.txt', 'app://bulletin/%2e%2e/outside.txt', 'app://other/index.html', 'app://bulletin/main/preload.cjs']) {
      const r = await fake.serve!(new Request(url));
      expect(r.status, url).toBe(404);
      expect(await r.text()).not.toContain('OUTSIDE-RENDERER');
    }
  });

  it('denies permissions, remote requests, new windows, webviews and navigation away', () => {
    const granted: boolean[] = [];
    fake.permissionRequest!(null, 'media', (g) => granted.push(g));
    expect(granted).toEqual([false]);
    expect(fake.permissionCheck!()).toBe(false);
    const cancel = (url: string) => {
      let result: boolean | undefined;
      fake.beforeRequest!({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(['https://cdn.example/x.js', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'wss://x.example/'].map(cancel)).toEqual([true, true, true, true]);
    expect(cancel('app://bulletin/assets/index.js')).toBe(false);

    const listeners: Record<string, (event: { url?: string; preventDefault: () => void }) => void> = {};
    let openHandler: (() => unknown) | undefined;
    fake.appListeners['web-contents-created']!({}, { on: (e: string, fn: (typeof listeners)[string]) => (listeners[e] = fn), setWindowOpenHandler: (fn: () => unknown) => (openHandler = fn) });
    expect(openHandler!()).toEqual({ action: 'deny' });
    const prevented = (event: string, url?: string) => {
      let p = false;
      listeners[event]!({ url, preventDefault: () => (p = true) });
      return p;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///C:/')).toBe(true);
    expect(prevented('will-navigate', 'app://bulletin/index.html')).toBe(false);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
  });

  it('shows the Chinese message and quits when the database is too new', async () => {
    const other = tempDir('bulletin-electron-');
    dirs.push(other);
    const file = path.join(other, 'bulletin.db');
    const db = openDatabase(file);
    db.pragma('user_version = 999');
    db.close();
    const f = await runMainProcess(stageMainBundle(other, INDEX), { BULLETIN_DB: file });
    const box = f.calls.find((c) => c[0] === 'dialog.showErrorBox');
    expect(box?.[1]).toBe('无法打开数据库');
    expect(box?.[2]).toContain('由更新版本的编印台写入');
    expect(f.calls.map((c) => c[0])).toContain('app.quit');
    expect(f.calls.map((c) => c[0])).not.toContain('new BrowserWindow');
    expect(f.ipc).toEqual({});
    f.appListeners['will-quit']?.();
  });
});

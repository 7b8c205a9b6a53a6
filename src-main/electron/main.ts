/**
 * The Electron main process: one hardened window onto the built renderer, and IPC into the
 * same dispatch() the CLI and the HTTP bridge use. All rules live behind dispatch(); this file
 * only decides who may call it.
 *
 * The page is served from the privileged custom scheme app://bulletin/ (protocol.handle), not
 * file://. A file:// page has an opaque origin, may read other file:// URLs, and gets no
 * response headers, so its CSP would depend on a <meta> tag; with app:// every byte the window
 * loads passes through serveApp() below, which hands out only files inside dist/renderer and
 * puts the CSP and the other security headers on each response, and the origin is a real one
 * that isAllowedSender() can check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { dispatch, toApiError } from '../wiring/dispatch';
import { IPC_CALL, IPC_OPEN_DIALOG, IPC_OPEN_PATH, IPC_SAVE_DIALOG, IPC_SHOW_IN_FOLDER, type Envelope, type OpenDialogOptions, type SaveDialogOptions } from '../api/transport';
import { contentType, lookupStatic } from '../bridge/static-files';
import { dailyBackupDelay, scheduleDailyBackup, type ScheduledDaily } from '../backup/create';
import { anyJobRunning, stopBackups } from '../backup/jobs';
import { loggerFor } from '../log/logger';
import { createCtx, type Ctx } from '../services/context';
import { gateWritesOnCheck } from '../services/write-gate';
import { openDatabase, type DB } from '../store/db';
import { electronBinding, useNativeBinding } from '../store/native-binding';
import { defaultDataDir, resolveDbPath } from '../store/paths';
import { offerRestore } from './damaged';
import { APP_TITLE, buildMenu } from './menu';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, SECURITY_HEADERS, WEB_PREFERENCES, isAllowedSender } from './security';

// `npm start`: the better-sqlite3 built for Electron beside Node's (scripts/electron-native.mjs),
// chosen before the first connection opens; a packaged app has its own, already Electron's.
const NATIVE = electronBinding(path.join(__dirname, '..', '..'));
if (NATIVE) useNativeBinding(NATIVE, require.resolve('better-sqlite3'));

const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const DEV = !app.isPackaged;
/** The same file the `bulletin` command opens: --db is not offered here, BULLETIN_DB is honoured. */
const DB_PATH = resolveDbPath(undefined, process.env);
/** http(s), websockets, ftp and file are never needed: the app is offline and serves itself. */
const OUTSIDE = /^(https?|wss?|ftp|file):/i;

let win: BrowserWindow | null = null;
/** The one handle on the database: a restore swaps ctx.db, so the connection is never kept apart. */
let ctx: Ctx | null = null;
const logger = loggerFor(DB_PATH);
/** What 打开文件 may open: the documents the app writes, never a program. */
const OPENABLE = /\.(docx|xlsx|zip|pdf)$/i;
/** Only files this session exported may be shown in the file manager. */
const exported = new Set<string>();
/** The day's copy, begun a minute after start (see scheduleDailyBackup). */
let daily: ScheduledDaily | null = null;
/** Set once quitting has waited for the copies to stop. */
let copiesStopped = false;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

async function serveApp(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const found = url.host === APP_HOST && request.method === 'GET' ? lookupStatic(RENDERER_DIR, url.pathname) : { kind: 'refused' as const };
  if (found.kind !== 'file') {
    return new Response('找不到此文件。', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const body = new Uint8Array(await fs.promises.readFile(found.file));
  return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(found.file), 'Cache-Control': 'no-store' } });
}

/** Every IPC channel goes through here: a message from any page but ours gets `refused`. */
function guarded<T>(channel: string, refused: T, fn: (...args: unknown[]) => T | Promise<T>): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<T> => {
    if (!isAllowedSender(event.senderFrame?.url ?? '', APP_ORIGIN)) return refused;
    return fn(...args);
  });
}

function rememberExport(result: unknown): void {
  const file = (result as { path?: unknown } | null)?.path;
  if (typeof file === 'string') exported.add(path.resolve(file));
}

function saveOptions(raw: unknown): Electron.SaveDialogOptions {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof SaveDialogOptions, unknown>>;
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
  const filters = (Array.isArray(o.filters) ? o.filters.slice(0, 10) : []).flatMap((f: { name?: unknown; extensions?: unknown }) => {
    const extensions = Array.isArray(f?.extensions) ? f.extensions.filter((e): e is string => typeof e === 'string' && /^[A-Za-z0-9*]{1,10}$/.test(e)) : [];
    return extensions.length ? [{ name: text(f.name, 60) || extensions.join('、'), extensions }] : [];
  });
  // Only a file name from the page: the folder is the user's choice in the dialog.
  const name = path.basename(text(o.defaultName, 200)) || '未命名';
  return { title: text(o.title, 100) || '保存', defaultPath: path.join(app.getPath('documents'), name), filters };
}

/** The open dialog's settings, from what the page asked, kept to plain, bounded values. */
function openOptions(raw: unknown): Electron.OpenDialogOptions {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof OpenDialogOptions, unknown>>;
  const filters = (Array.isArray(o.filters) ? o.filters.slice(0, 10) : []).flatMap((f: { name?: unknown; extensions?: unknown }) => {
    const extensions = Array.isArray(f?.extensions) ? f.extensions.filter((e): e is string => typeof e === 'string' && /^[A-Za-z0-9*]{1,10}$/.test(e)) : [];
    return extensions.length ? [{ name: typeof f.name === 'string' ? f.name.slice(0, 60) : extensions.join('、'), extensions }] : [];
  });
  const properties: Electron.OpenDialogOptions['properties'] = [o.folder === true ? 'openDirectory' : 'openFile'];
  if (o.multiple === true) properties.push('multiSelections');
  return { title: typeof o.title === 'string' ? o.title.slice(0, 100) : '选择', properties, filters };
}

function registerIpc(): void {
  const refused: Envelope = { ok: false, error: { code: 'UNAUTHORIZED', message: '拒绝来自非本程序页面的调用。' } };
  guarded<Envelope>(IPC_CALL, refused, async (op, input) => {
    try {
      if (!ctx) throw new Error('数据库尚未打开');
      const result = await dispatch(ctx, String(op), input);
      rememberExport(result);
      return { ok: true, result };
    } catch (e) {
      return { ok: false, error: toApiError(e).toJSON() };
    }
  });
  guarded<string | null>(IPC_SAVE_DIALOG, null, async (raw) => {
    const options = saveOptions(raw);
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  });
  guarded<string[]>(IPC_OPEN_DIALOG, [], async (raw) => {
    const options = openOptions(raw);
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? [] : r.filePaths;
  });
  // Only documents this session exported may be opened: the page cannot make the shell run anything else.
  guarded<void>(IPC_OPEN_PATH, undefined, async (file) => {
    if (typeof file === 'string' && exported.has(path.resolve(file)) && OPENABLE.test(file)) await shell.openPath(path.resolve(file));
  });
  guarded<void>(IPC_SHOW_IN_FOLDER, undefined, (file) => {
    if (typeof file === 'string' && exported.has(path.resolve(file))) shell.showItemInFolder(path.resolve(file));
  });
}

function hardenSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: OUTSIDE.test(details.url) }));
}

// Applies to every web contents ever created, so nothing can open a window, leave the app or embed a webview.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => {
    if (!isAllowedSender(event.url, APP_ORIGIN)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedSender(event.url, APP_ORIGIN)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The page asks (beforeunload) when an editor holds unsaved text; Electron would otherwise
  // just refuse to close or reload without a word, so the question is put here, in Chinese.
  contents.on('will-prevent-unload', (event) => {
    const options = {
      type: 'question' as const,
      buttons: ['留下继续编辑', '不保存，离开'],
      defaultId: 0,
      cancelId: 0,
      title: '有未保存的内容',
      message: '稿件有尚未保存的内容。',
      detail: '已输入的内容暂存在本机，下次打开时会询问是否恢复。现在离开吗？',
    };
    const choice = win ? dialog.showMessageBoxSync(win, options) : dialog.showMessageBoxSync(options);
    if (choice === 1) event.preventDefault();
  });
});

function createWindow(): void {
  win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 680,
    title: APP_TITLE,
    show: false,
    backgroundColor: '#ffffff',
    // After the spread, the key settings again where static checkers (npm run security) can see
    // them, since electronegativity does not follow a spread; and no middle-click new windows.
    webPreferences: { ...WEB_PREFERENCES, preload: PRELOAD, devTools: DEV, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

function fail(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.quit();
}

async function start(): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) return fail('界面尚未构建', '找不到界面文件，请先运行 npm run build。');
  let db: DB;
  try {
    // The desktop's own data folder is made on first start (createFolder).
    db = openDatabase(DB_PATH, { integrityCheck: 'deferred', createFolder: true });
  } catch (e) {
    // DB_TOO_NEW, DB_NOT_OURS, DB_DAMAGED, BUSY: the message says what to do; nothing was changed.
    const err = toApiError(e);
    logger.event('ERROR', 'open', { code: err.code });
    if (err.code !== 'DB_DAMAGED') return fail('无法打开数据库', err.message);
    if (!(await offerRestore(DB_PATH, err.message, logger))) return void app.quit();
    try {
      db = openDatabase(DB_PATH);
    } catch (again) {
      return fail('无法打开数据库', toApiError(again).message);
    }
  }
  ctx = createCtx(db);
  ctx.logger = logger;
  const opened = ctx;
  const checkedDb = db;
  void gateWritesOnCheck(opened, DB_PATH).then(async (refusal) => {
    // A restore in the meantime replaced the file that was checked.
    if (!refusal || opened.db !== checkedDb) return;
    // Found while the window is open: nothing has been written, as writes waited for this answer.
    ctx = null;
    opened.db.close();
    if (!(await offerRestore(DB_PATH, refusal.message, logger))) return void app.quit();
    try {
      ctx = createCtx(openDatabase(DB_PATH));
      ctx.logger = logger;
    } catch (again) {
      return fail('无法打开数据库', toApiError(again).message);
    }
    // The page may show what it read from the damaged file: load it again from the restored one.
    win?.reload();
  });
  logger.event('INFO', 'start', { version: app.getVersion() });
  // In the background and after the first minute: a big database takes a while to copy, and
  // neither the window nor the first minute of work need wait for it.
  daily = scheduleDailyBackup(DB_PATH, logger, dailyBackupDelay(process.env));
  hardenSession();
  protocol.handle(APP_SCHEME, serveApp);
  registerIpc();
  Menu.setApplicationMenu(buildMenu(() => win, DB_PATH, DEV));
  createWindow();
}

// productName is Chinese, so Electron's default userData would be …/政务信息编印台; pin it to the
// folder the CLI uses (store/paths.ts), so both find the same bulletin.db. It must be set before
// the single-instance lock, which lives in userData.
app.setPath('userData', defaultDataDir(process.env));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event?: { preventDefault(): void }) => {
    // A daily copy not yet begun is dropped; a copy running now stops within a step and removes
    // its unfinished file, and quitting waits for that (about a second), then goes on.
    void daily?.cancel();
    if (!copiesStopped && anyJobRunning()) {
      copiesStopped = true;
      event?.preventDefault();
      void stopBackups().finally(() => app.quit());
      return;
    }
    ctx?.db.close();
    ctx = null;
    logger.event('INFO', 'stop');
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fail('无法启动', toApiError(e).message));
}

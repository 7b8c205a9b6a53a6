/**
 * The loopback HTTP bridge behind `bulletin web`: the built renderer as static files, and
 * POST /api/<op> into the same dispatch() the CLI and the Electron shell use. It listens on
 * 127.0.0.1 only; the API needs this run's token (see guards.ts for why each check exists).
 */
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch, toApiError } from '../wiring/dispatch';
import { ApiError, type ErrorCode } from '../api/errors';
import { API_PREFIX, TOKEN_HEADER, type Envelope } from '../api/transport';
import { DAILY_BACKUP_DELAY_MS, scheduleDailyBackup } from '../backup/create';
import { stopBackups } from '../backup/jobs';
import { loggerFor } from '../log/logger';
import { createCtx, type Ctx } from '../services/context';
import { gateWritesOnCheck } from '../services/write-gate';
import { openDatabase } from '../store/db';
import { SECURITY_HEADERS } from '../electron/security';
import { fetchSiteAllowed, hostAllowed, isJson, newToken, originAllowed, tokenMatches } from './guards';
import { contentType, lookupStatic } from './static-files';

/** An item is at most 200,000 characters; imports will send whole files, base64-encoded. */
export const MAX_BODY_BYTES = 30 * 1024 * 1024;
export const LOOPBACK = '127.0.0.1';

export interface BridgeOptions {
  dbPath: string;
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  /** The built renderer; default dist/renderer under the working folder. */
  staticDir?: string;
  /** Tests may fix the token; otherwise 32 random bytes, new on every start. */
  token?: string;
  /**
   * Make the day's backup in the background, as the desktop app does (`bulletin web`): after
   * DAILY_BACKUP_DELAY_MS, or the delay given.
   */
  dailyBackup?: boolean | { delayMs: number };
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

const MESSAGES = {
  host: '只接受来自本机地址 127.0.0.1 或 localhost 的访问。',
  origin: '拒绝来自其他网页的请求。',
  token: '访问令牌无效，请使用 bulletin web 打印的完整地址打开。',
  method: '此地址只接受 POST 请求。',
  type: '请求内容必须是 JSON（Content-Type: application/json）。',
  size: `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB，未被处理。`,
  json: '请求内容不是有效的 JSON。',
  closing: '服务正在停止，请稍后重新打开。',
} as const;

const NOT_BUILT_PAGE =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>政务信息编印台</title>' +
  '<body style="font-family:sans-serif;margin:3em"><h1>界面尚未构建</h1>' +
  '<p>请在项目文件夹中先运行 <code>npm run build</code>，再重新启动 <code>bulletin web</code>。</p></body></html>';

function sendEnvelope(res: http.ServerResponse, status: number, body: Envelope, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, code: ErrorCode, message: string, extra?: Record<string, string>): void {
  sendEnvelope(res, status, { ok: false, error: { code, message } }, extra);
}

function sendText(res: http.ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The body, or 'too-large' as soon as it passes the limit (the rest is drained, not stored). */
function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size <= MAX_BODY_BYTES) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function parseJson(body: Buffer): { value: unknown } | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body).replace(/^\uFEFF/, '');
    return { value: text.trim() === '' ? undefined : JSON.parse(text) };
  } catch {
    return undefined;
  }
}

async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, op: string, ctx: Ctx, token: string): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'INVALID_INPUT', MESSAGES.method, { Allow: 'POST' });
  if (!fetchSiteAllowed(req)) return refuse(res, 403, 'UNAUTHORIZED', MESSAGES.origin);
  if (!tokenMatches(req.headers[TOKEN_HEADER], token)) return refuse(res, 401, 'UNAUTHORIZED', MESSAGES.token);
  if (!isJson(req)) return refuse(res, 415, 'INVALID_INPUT', MESSAGES.type);
  const body = await readBody(req);
  if (body === 'too-large') {
    // Drain what is still coming so the caller reads our answer instead of a reset connection.
    req.resume();
    return refuse(res, 413, 'INVALID_INPUT', MESSAGES.size);
  }
  const parsed = parseJson(body);
  if (!parsed) return refuse(res, 400, 'INVALID_INPUT', MESSAGES.json);
  try {
    sendEnvelope(res, 200, { ok: true, result: await dispatch(ctx, op, parsed.value) });
  } catch (e) {
    const err = toApiError(e);
    // A refusal is a normal answer; only our own fault is a server error.
    sendEnvelope(res, err.code === 'INTERNAL' ? 500 : 200, { ok: false, error: err.toJSON() });
  }
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, rawPath: string, staticDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, '只接受 GET 请求。');
  }
  const found = lookupStatic(staticDir, rawPath);
  if (found.kind === 'refused') return sendText(res, 400, '路径无效。');
  if (found.kind === 'missing') {
    return rawPath === '/' || rawPath === '/index.html'
      ? sendText(res, 503, NOT_BUILT_PAGE, 'text/html; charset=utf-8')
      : sendText(res, 404, '找不到此文件。');
  }
  const size = fs.statSync(found.file).size;
  res.writeHead(200, {
    'Content-Type': contentType(found.file),
    'Content-Length': size,
    // The page must never come from a cache: a rebuilt app may not load last week's scripts.
    'Cache-Control': found.isIndex ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function listenError(e: unknown, port: number): ApiError {
  const code = (e as { code?: string }).code;
  if (code === 'EADDRINUSE') return new ApiError('CONFLICT', `端口 ${port} 已被占用，请换一个端口，或用 --port 0 自动选择。`);
  if (code === 'EACCES') return new ApiError('INVALID_INPUT', `没有权限使用端口 ${port}，请换一个大于 1024 的端口。`);
  return toApiError(e);
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? newToken();
  if (token.length < 16) throw new ApiError('INVALID_INPUT', '访问令牌至少要 16 个字符。');
  const staticDir = path.resolve(options.staticDir ?? path.join('dist', 'renderer'));
  const ctx = createCtx(openDatabase(options.dbPath, { integrityCheck: 'deferred' }));
  ctx.logger = loggerFor(options.dbPath);
  // Background work started with the door; closing waits for it, so the database closes last
  // and cleanly (no connection left that would keep its -wal file).
  const background: Promise<unknown>[] = [gateWritesOnCheck(ctx, options.dbPath)];
  const daily = options.dailyBackup
    ? scheduleDailyBackup(options.dbPath, ctx.logger, typeof options.dailyBackup === 'object' ? options.dailyBackup.delayMs : DAILY_BACKUP_DELAY_MS)
    : undefined;
  if (daily) background.push(daily.done);
  // A copy running when the door closes (the daily one or one asked for) stops within a step
  // and removes its unfinished file, instead of holding the stop for the whole copy.
  const stopCopies = () => Promise.all([daily?.cancel(), stopBackups(options.dbPath)]);
  const inflight = new Set<Promise<void>>();
  let closing = false;

  // node:http loaded here, not when every command starts (issue 14).
  const server = process.getBuiltinModule('node:http').createServer({ requestTimeout: 120_000, headersTimeout: 30_000 }, (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const rawPath = (req.url ?? '').split('?')[0]!;
    const isApi = rawPath.startsWith(API_PREFIX);
    // Checked first: once closing, the server has no address any more.
    if (closing) return isApi ? refuse(res, 503, 'BUSY', MESSAGES.closing) : sendText(res, 503, MESSAGES.closing);
    const port = (server.address() as AddressInfo).port;
    const deny = (status: number, message: string) =>
      isApi ? refuse(res, status, 'UNAUTHORIZED', message) : sendText(res, status, message);
    if (!hostAllowed(req, port)) return deny(403, MESSAGES.host);
    if (!originAllowed(req, port)) return deny(403, MESSAGES.origin);
    if (!isApi) {
      try {
        return serveStatic(req, res, rawPath, staticDir);
      } catch {
        // e.g. the build was replaced while we were reading it; never crash the server for it
        return res.headersSent ? void res.destroy() : sendText(res, 500, '读取文件出错，请刷新页面重试。');
      }
    }

    const work = serveApi(req, res, rawPath.slice(API_PREFIX.length), ctx, token).catch((e: unknown) => {
      if (!res.headersSent) sendEnvelope(res, 500, { ok: false, error: toApiError(e).toJSON() });
      else res.destroy();
    });
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
  });

  const wanted = options.port ?? 0;
  try {
    await listen(server, wanted);
  } catch (e) {
    // The check and backup already started: let them end before the database closes, so nothing
    // writes to the data folder (the log) after the refusal has been given.
    await stopCopies();
    ctx.stopChecks?.();
    await Promise.allSettled(background);
    ctx.db.close();
    throw listenError(e, wanted);
  }
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    token,
    server,
    close() {
      closed ??= (async () => {
        closing = true;
        const copies = stopCopies();
        ctx.stopChecks?.();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Let calls already running finish their transaction before the connection goes.
        await Promise.allSettled([...inflight]);
        server.closeAllConnections();
        await stopped;
        await copies;
        await Promise.allSettled(background);
        // ctx.db, not the connection opened above: a restore may have replaced it.
        ctx.db.close();
      })();
      return closed;
    },
  };
}

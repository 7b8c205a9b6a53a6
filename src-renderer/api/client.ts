/**
 * The renderer's one way to reach the API table. The door is chosen once at start-up:
 * Electron's preload (`window.bulletin`) when present, otherwise the loopback HTTP bridge
 * of `bulletin web`. Both answer an Envelope; a refusal becomes an ApiCallError whose
 * Chinese message is shown to the user as it is.
 */
import type { OpInput, OpName, OpResult } from '../../src-main/api/contract';
import { isApiErrorShape, type ErrorCode } from '../../src-main/api/errors';
import { API_PREFIX, TOKEN_FRAGMENT, TOKEN_HEADER, type DesktopBridge, type Envelope } from '../../src-main/api/transport';
import type { ExportResult } from '../../src-main/api/types';
import { downloadBase64 } from './download';

declare global {
  interface Window {
    bulletin?: DesktopBridge;
  }
}

/** Codes of the API plus the ones only a client can meet (no server, a broken answer). */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE' | 'UNAUTHORIZED';

export class ApiCallError extends Error {
  readonly code: ClientErrorCode;
  /** A refused input's message per field (ApiErrorShape.fields). */
  readonly fields: Record<string, string>;
  constructor(code: ClientErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.fields = typeof fields === 'object' && fields !== null ? Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')) : {};
  }
}

export const NETWORK_MESSAGE = '无法连接到编印台服务，请确认 bulletin web 仍在运行。';
const BAD_TOKEN_MESSAGE =
  '编印台服务拒绝了这个窗口的访问口令。请关闭此页，重新打开 bulletin web 启动时显示的完整地址（含 #token= 部分）。';
const BAD_RESPONSE_MESSAGE = '编印台服务的回应无法识别。请刷新页面重试；若仍出现，请告诉维护人员。';

export interface SavedFile {
  /** Where the file went: a full path in the desktop app, the file name in browser mode. */
  path: string;
  fileName: string;
  /** True when the bytes are the archived original stored at sign-off. */
  archived: boolean;
  /** Only the desktop app can reveal a saved file in Explorer. */
  canShowInFolder: boolean;
}

export interface Api {
  readonly mode: 'desktop' | 'browser';
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpResult<K>>;
  /** Save an issue's Word file where the user chooses; null when the user cancels. */
  saveIssueDocx(issueId: number, defaultName: string): Promise<SavedFile | null>;
  showInFolder(path: string): Promise<void>;
  /** The desktop's own folder chooser; absent in browser mode (files are chosen or dropped there). */
  pickFolder?: () => Promise<string | null>;
  /** Opens a file this session exported in its program (Word, WPS…); desktop only. */
  openFile?: (path: string) => Promise<void>;
}

function unwrap<T>(envelope: unknown): T {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    const e = envelope as Envelope<T>;
    if (e.ok) return e.result;
    if (isApiErrorShape(e.error)) throw new ApiCallError(e.error.code, e.error.message, e.error.fields);
  }
  throw new ApiCallError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE);
}

const TOKEN_STORAGE_KEY = 'bulletin.token';

/**
 * The per-run token arrives in the page address (`#token=…`, never sent to a server). It is
 * kept for this tab in sessionStorage and taken out of the address bar, so a screenshot or a
 * copied address does not carry it.
 */
export function readToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string {
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const fromHash = params.get(TOKEN_FRAGMENT);
  if (fromHash) {
    try {
      storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage may be disabled; the token still works for this page load.
    }
    params.delete(TOKEN_FRAGMENT);
    const rest = params.toString();
    window.history.replaceState(null, '', `${loc.pathname}${loc.search}${rest ? `#${rest}` : ''}`);
    return fromHash;
  }
  try {
    return storage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export interface ClientOptions {
  bridge?: DesktopBridge | undefined;
  fetch?: typeof fetch;
  token?: string;
}

function httpCaller(fetchFn: typeof fetch, token: string) {
  return async (op: OpName, input: unknown): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetchFn(API_PREFIX + op, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiCallError('NETWORK', NETWORK_MESSAGE);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    // The bridge answers refusals as envelopes whatever the status; a bare 401/403 is the token.
    if (typeof body === 'object' && body !== null && 'ok' in body) return body;
    if (res.status === 401 || res.status === 403) throw new ApiCallError('UNAUTHORIZED', BAD_TOKEN_MESSAGE);
    throw new ApiCallError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE);
  };
}

export function createClient(options: ClientOptions = {}): Api {
  const bridge = 'bridge' in options ? options.bridge : typeof window !== 'undefined' ? window.bulletin : undefined;
  const raw: (op: OpName, input: unknown) => Promise<unknown> = bridge
    ? async (op, input) => {
        try {
          return await bridge.call(op, input);
        } catch (e) {
          throw new ApiCallError('INTERNAL', `桌面程序内部通信失败：${e instanceof Error ? e.message : String(e)}。请重新启动编印台。`);
        }
      }
    : httpCaller(options.fetch ?? ((...args) => fetch(...args)), options.token ?? readToken());

  const call = async <K extends OpName>(op: K, input: OpInput<K>): Promise<OpResult<K>> =>
    unwrap<OpResult<K>>(await raw(op, input));

  return {
    mode: bridge ? 'desktop' : 'browser',
    call,
    async saveIssueDocx(issueId, defaultName) {
      if (bridge) {
        const out = await bridge.saveDialog({
          title: '导出 Word 文件',
          defaultName,
          filters: [{ name: 'Word 文档', extensions: ['docx'] }],
        });
        if (!out) return null;
        const r: ExportResult = await call('issueExport', { id: issueId, out });
        const fileName = r.path.split(/[\\/]/).pop() ?? r.path;
        return { path: r.path, fileName, archived: r.archived, canShowInFolder: true };
      }
      const file = await call('issueDocx', { id: issueId });
      downloadBase64(file.base64, file.fileName);
      return { path: file.fileName, fileName: file.fileName, archived: file.archived, canShowInFolder: false };
    },
    async showInFolder(path) {
      if (bridge) await bridge.showInFolder(path);
    },
    // Older preloads (tests' fakes) may lack the newer doors: offered only when there.
    ...(bridge?.openDialog ? { pickFolder: async () => (await bridge.openDialog!({ title: '选择来稿文件夹', folder: true }))[0] ?? null } : {}),
    ...(bridge?.openPath ? { openFile: (path: string) => bridge.openPath!(path) } : {}),
  };
}

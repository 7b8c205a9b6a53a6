/**
 * How a door carries one API call. The renderer's single client speaks this; the Electron
 * preload and the loopback HTTP bridge both implement it over the same dispatch().
 * Types and constants only: imported by the renderer, the preload and the bridge alike.
 */
import type { ApiErrorShape } from './errors';
import type { BulletinApi, OpName } from './contract';

/** What every door answers: a result, or a typed error with a Chinese message. */
export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorShape };

/** The IPC channel for API calls; the preload sends (op, input) and gets an Envelope back. */
export const IPC_CALL = 'bulletin:call';
export const IPC_SAVE_DIALOG = 'bulletin:save-dialog';
export const IPC_SHOW_IN_FOLDER = 'bulletin:show-in-folder';
export const IPC_OPEN_DIALOG = 'bulletin:open-dialog';
export const IPC_OPEN_PATH = 'bulletin:open-path';

export interface OpenDialogOptions {
  title: string;
  /** A folder instead of files. */
  folder?: boolean;
  multiple?: boolean;
  filters?: { name: string; extensions: string[] }[];
}

/** HTTP bridge: POST {API_PREFIX}{op} with a JSON body, the per-run token in TOKEN_HEADER. */
export const API_PREFIX = '/api/';
export const TOKEN_HEADER = 'x-bulletin-token';
/** The address printed by `bulletin web` carries the token in the fragment, never sent to a server. */
export const TOKEN_FRAGMENT = 'token';

export interface SaveDialogOptions {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

/**
 * The one object the preload exposes as `window.bulletin` (checked with `satisfies`).
 * The desktop shell adds native file dialogs; in browser mode they are absent and the
 * renderer downloads files instead.
 */
export interface DesktopBridge {
  call(op: OpName, input: unknown): Promise<Envelope>;
  saveDialog(options: SaveDialogOptions): Promise<string | null>;
  showInFolder(path: string): Promise<void>;
  /** The system's open dialog: the paths chosen, [] when cancelled. */
  openDialog?(options: OpenDialogOptions): Promise<string[]>;
  /** Opens a file this session exported in its own program. */
  openPath?(path: string): Promise<void>;
}

export type { BulletinApi };

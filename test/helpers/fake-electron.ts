/**
 * Runs the built Electron main process (dist/main/electron-main.cjs) against a stand-in for the
 * 'electron' module, since the real binary cannot be installed here. The stand-in records what
 * the main process asks of Electron and hands back the handlers it registers.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

type Fn = (...args: never[]) => unknown;
type Listener = (...args: unknown[]) => unknown;

export interface FakeElectron {
  calls: [string, ...unknown[]][];
  appListeners: Record<string, Listener>;
  ipc: Record<string, Listener>;
  serve?: (request: Request) => Promise<Response>;
  beforeRequest?: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
  permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: () => boolean;
  shown: string[];
}

/** A copy of the bundle beside its own renderer folder, so the test decides what the window loads. */
export function stageMainBundle(dir: string, indexHtml: string | null): string {
  const root = path.join(__dirname, '..', '..');
  fs.mkdirSync(path.join(dir, 'main'), { recursive: true });
  for (const f of ['electron-main.cjs', 'preload.cjs']) fs.copyFileSync(path.join(root, 'dist', 'main', f), path.join(dir, 'main', f));
  if (indexHtml !== null) {
    fs.mkdirSync(path.join(dir, 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), indexHtml);
  }
  fs.writeFileSync(path.join(dir, 'outside.txt'), 'OUTSIDE-RENDERER');
  // The bundle keeps its packages external; a junction also works on Windows without rights.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  return path.join(dir, 'main', 'electron-main.cjs');
}

/** Unlink the node_modules link first, so removal can never reach the real packages. */
export function removeStage(dir: string): void {
  fs.rmSync(path.join(dir, 'node_modules'), { force: true });
  fs.rmSync(dir, { recursive: true, force: true });
}

export async function runMainProcess(bundle: string, env: Record<string, string>): Promise<FakeElectron> {
  const fake: FakeElectron = { calls: [], appListeners: {}, ipc: {}, shown: [] };
  const record = (name: string) => (...args: unknown[]) => void fake.calls.push([name, ...args]);
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const electron = {
    app: {
      isPackaged: true,
      setPath: record('app.setPath'),
      getPath: (name: string) => path.join(path.dirname(bundle), '..', name),
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => (fake.calls.push(['app.requestSingleInstanceLock']), true),
      enableSandbox: record('app.enableSandbox'),
      on: (event: string, fn: Listener) => void (fake.appListeners[event] = fn),
      whenReady: () => ready,
      quit: record('app.quit'),
    },
    protocol: {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
      handle: (scheme: string, fn: FakeElectron['serve']) => (fake.calls.push(['protocol.handle', scheme]), (fake.serve = fn)),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: FakeElectron['permissionRequest']) => void (fake.permissionRequest = fn),
        setPermissionCheckHandler: (fn: FakeElectron['permissionCheck']) => void (fake.permissionCheck = fn),
        webRequest: { onBeforeRequest: (fn: FakeElectron['beforeRequest']) => void (fake.beforeRequest = fn) },
      },
    },
    ipcMain: { handle: (channel: string, fn: Listener) => void (fake.ipc[channel] = fn) },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: record('Menu.setApplicationMenu') },
    dialog: {
      showErrorBox: record('dialog.showErrorBox'),
      showSaveDialog: async (...args: unknown[]) => (fake.calls.push(['dialog.showSaveDialog', args.at(-1)]), { canceled: false, filePath: '/chosen/第1期.docx' }),
      showMessageBox: async () => ({ response: 0 }),
      showOpenDialog: async (...args: unknown[]) => (fake.calls.push(['dialog.showOpenDialog', args.at(-1)]), { canceled: false, filePaths: ['/chosen/来稿'] }),
    },
    shell: { showItemInFolder: (p: string) => void fake.shown.push(p), openPath: async (p: string) => (fake.shown.push(`open:${p}`), '') },
    BrowserWindow: class {
      constructor(options: unknown) {
        fake.calls.push(['new BrowserWindow', options]);
      }
      once(_event: string, fn: Fn) {
        (fn as () => void)();
      }
      on() {}
      show() {}
      isMinimized() {
        return false;
      }
      loadURL(url: string) {
        fake.calls.push(['loadURL', url]);
        return Promise.resolve();
      }
      reload() {
        fake.calls.push(['reload']);
      }
    },
  };

  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? electron : original.call(this, request, ...rest);
  };
  Object.assign(process.env, env);
  try {
    createRequire(bundle)(bundle);
  } finally {
    loader._load = original;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  markReady();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return fake;
}

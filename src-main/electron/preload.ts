/**
 * The sandboxed preload: the page gets `window.bulletin` and nothing else. Bundled into one
 * CommonJS file that requires only 'electron' (a sandboxed preload cannot load other modules);
 * transport.ts contributes constants and types only.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CALL, IPC_OPEN_DIALOG, IPC_OPEN_PATH, IPC_SAVE_DIALOG, IPC_SHOW_IN_FOLDER, type DesktopBridge, type Envelope } from '../api/transport';

// Each method passes plain data through; the IpcRenderer object itself never reaches the page.
const api = {
  call: (op, input) => ipcRenderer.invoke(IPC_CALL, op, input) as Promise<Envelope>,
  saveDialog: (options) => ipcRenderer.invoke(IPC_SAVE_DIALOG, options) as Promise<string | null>,
  showInFolder: async (path) => {
    await ipcRenderer.invoke(IPC_SHOW_IN_FOLDER, path);
  },
  openDialog: (options) => ipcRenderer.invoke(IPC_OPEN_DIALOG, options) as Promise<string[]>,
  openPath: async (path) => {
    await ipcRenderer.invoke(IPC_OPEN_PATH, path);
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('bulletin', api);

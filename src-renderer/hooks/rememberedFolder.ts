/**
 * The folder an export dialog wrote to last time (a USB drive, a shared folder), kept per dialog in
 * the browser's storage so the officer does not type it again. Storage may be off (a locked-down
 * profile): then nothing is remembered and nothing fails.
 */
export function rememberedFolder(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function rememberFolder(key: string, folder: string): void {
  try {
    window.localStorage.setItem(key, folder);
  } catch {
    // Storage may be off; the user types the folder again next time.
  }
}

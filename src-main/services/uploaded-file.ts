/**
 * The file an operation reads (see api/upload-source.ts): its path as given, or, for bytes
 * uploaded in browser mode, a copy in a private temporary folder under the file's own name (a
 * received packet is registered by that name), removed again whatever the operation does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FileSourceArgs {
  path?: string | undefined;
  base64?: string | undefined;
  fileName?: string | undefined;
}

/**
 * Runs fn on the file. `shown` is what to call it in a report or a refusal: the path given, or
 * the uploaded file's own name (never the temporary copy's path, which is gone afterwards).
 */
export async function withSourceFile<T>(src: FileSourceArgs, fallbackName: string, fn: (file: string, shown: string) => Promise<T>): Promise<T> {
  if (src.path !== undefined) {
    const file = path.resolve(src.path.trim());
    return fn(file, file);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-upload-'));
  try {
    // Only the last part of the name, without characters no file system takes.
    const name = [...path.basename((src.fileName ?? '').replace(/\\/g, '/'))].map((ch) => (ch < ' ' || '<>:"|?*'.includes(ch) ? '_' : ch)).join('').trim();
    const file = path.join(dir, name && name !== '.' && name !== '..' ? name : fallbackName);
    fs.writeFileSync(file, Buffer.from(src.base64 ?? '', 'base64'));
    return await fn(file, path.basename(file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

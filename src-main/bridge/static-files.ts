/**
 * Finding a file of the built renderer for a request path, for the HTTP bridge and the Electron
 * app:// protocol alike. Both must never hand out a file outside the renderer folder.
 */
import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; file: string; isIndex: boolean }
  | { kind: 'missing' } // a well-formed path with no file behind it
  | { kind: 'refused' }; // a path that tries to leave the folder or is malformed

function inside(root: string, target: string): boolean {
  return target === root || target.startsWith(root + path.sep);
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The file for `rawPath` (the path part of a URL, still percent-encoded) under `root`.
 * Decoding happens once, here, and every decoded segment is checked, so `%2e%2e`, `..%2f` and
 * `%5c` tricks are refused rather than normalised; the final real path (symlinks followed)
 * must still lie inside the real root. A path without a file extension that matches nothing
 * gets index.html, so the single-page app can be reloaded on any of its routes.
 */
export function lookupStatic(root: string, rawPath: string): StaticLookup {
  // No file name holds a slash, so an encoded one can only be an attempt to build a path.
  if (!rawPath.startsWith('/') || /%2f|%5c/i.test(rawPath)) return { kind: 'refused' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused' };
  }
  if (/[\0\\:]/.test(decoded)) return { kind: 'refused' };
  const segments = decoded.split('/').slice(1);
  // Dot segments would climb out; other dotfiles (.env, .git) are never part of a build.
  if (segments.some((s, i) => s.startsWith('.') || (s === '' && i < segments.length - 1))) return { kind: 'refused' };

  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return { kind: 'missing' };
  }
  const index = path.join(realRoot, 'index.html');
  const wanted = decoded === '/' ? index : path.resolve(realRoot, ...segments);
  if (!inside(realRoot, wanted)) return { kind: 'refused' };

  let file = wanted;
  if (!isFile(file)) {
    const last = segments.at(-1) ?? '';
    if (last.includes('.') || !isFile(index)) return { kind: 'missing' };
    file = index;
  }
  const real = fs.realpathSync(file);
  if (!inside(realRoot, real)) return { kind: 'refused' };
  return { kind: 'file', file: real, isIndex: real === index };
}

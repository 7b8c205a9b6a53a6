/**
 * A file an operation reads, given either as a path on this PC (the CLI, the desktop, a path
 * typed in browser mode) or as its bytes uploaded through the bridge (browser mode: the page
 * cannot hand a path over). Exactly one of the two. The bridge takes at most 30 MB per request,
 * so an uploaded file stays under about 20 MB; a larger one is received by its path.
 */
import { z } from 'zod';
import * as s from './schemas';

/** base64 of about 20 MB: what fits in one bridge request. */
export const MAX_UPLOAD_BASE64 = 28_000_000;

export function fileSource(what: string) {
  return {
    path: z.string({ error: `请给出${what}` }).min(1, { error: `请给出${what}` }).max(4096, { error: `${what}的路径过长` }).optional(),
    base64: z
      .string({ error: '文件内容必须是 base64 文字' })
      .max(MAX_UPLOAD_BASE64, { error: `文件过大：浏览器中上传的${what}不超过 20 MB。更大的请填写它在本机上的路径。` })
      .regex(/^[A-Za-z0-9+/=\s]*$/, { error: '文件内容不是有效的 base64' })
      .optional(),
    fileName: s.optionalLine('文件名', 255).optional(),
  };
}

/** The refinement every file-source object takes: a path or an upload, not both, not neither. */
export function oneSource(what: string) {
  const check = (v: { path?: string | undefined; base64?: string | undefined }) => (v.path === undefined) !== (v.base64 === undefined);
  const message: { error: string; path: PropertyKey[] } = { error: `请给出${what}（文件路径或上传的文件，二者选一）`, path: ['path'] };
  return [check, message] as const;
}

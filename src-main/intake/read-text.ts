/**
 * Plain-text drafts. Offices still save text as GBK (Notepad's "ANSI" on a Chinese Windows), so
 * the encoding is detected, not assumed: a byte-order mark decides first; otherwise text that
 * is valid UTF-8 is UTF-8 (GBK text practically never is); otherwise GB18030, a superset of GBK
 * and GB2312, provided the result reads like text. Anything else is refused with advice.
 */
import { draftFromBlocks, type DraftText } from './draft';
import { IntakeRefusal } from './formats';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export const ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16（Unicode）',
  'utf-16be': 'UTF-16BE',
  'gb18030': 'GBK/GB18030',
};

const RESAVE = '请用记事本打开该文件，选择“文件 → 另存为”，编码选“UTF-8”后再导入；或用 Word 另存为 .docx。';

function decode(bytes: Uint8Array, encoding: TextEncoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasBom(bytes: Uint8Array, bom: number[]): boolean {
  return bom.every((b, i) => bytes[i] === b);
}

/**
 * Whether decoded text reads like a draft: no NUL and hardly any other controls (a binary file), and
 * hardly any private-use characters (GB18030 maps its user-defined areas there, which is where
 * bytes of some other encoding tend to land).
 */
function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  const odd = text.match(/[\uE000-\uF8FF\uFFFD]/g)?.length ?? 0;
  const allowed = Math.max(2, text.length / 200);
  return controls <= allowed && odd <= allowed;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const attempt = (encoding: TextEncoding, skip: number): { text: string; encoding: TextEncoding } => {
    const text = decode(bytes.subarray(skip), encoding);
    if (text === null || !looksLikeText(text)) {
      throw new IntakeRefusal(`文件开头标明是 ${ENCODING_LABELS[encoding]} 编码，但内容不符，可能已损坏。${RESAVE}`);
    }
    return { text, encoding };
  };
  if (hasBom(bytes, [0xef, 0xbb, 0xbf])) return attempt('utf-8', 3);
  if (hasBom(bytes, [0xff, 0xfe])) return attempt('utf-16le', 2);
  if (hasBom(bytes, [0xfe, 0xff])) return attempt('utf-16be', 2);
  const utf8 = decode(bytes, 'utf-8');
  if (utf8 !== null) {
    if (!looksLikeText(utf8)) throw new IntakeRefusal(`文件中含有控制字符，不是纯文本文件。${RESAVE}`);
    return { text: utf8, encoding: 'utf-8' };
  }
  const gb = decode(bytes, 'gb18030');
  if (gb !== null && looksLikeText(gb)) return { text: gb, encoding: 'gb18030' };
  throw new IntakeRefusal(`无法识别文件的文字编码（既不是 UTF-8，也不是 GBK/GB18030），或文件不是纯文本。${RESAVE}`);
}

/** A text file → title (its first non-empty line) and paragraphs (one per line, levels from 一、（一）…). */
export function readText(bytes: Uint8Array): DraftText & { encoding: TextEncoding } {
  const { text, encoding } = decodeText(bytes);
  const blocks = text.split(/\r\n?|\n|\u2028|\u2029/).map((line) => ({ text: line }));
  return { ...draftFromBlocks(blocks), encoding };
}

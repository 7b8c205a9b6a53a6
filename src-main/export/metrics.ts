/**
 * How wide text is on the printed page, in twips, as Word and LibreOffice set it (docs/layout.md
 * "Measuring"): a Chinese character (and full-width punctuation) is one em of its size; ASCII
 * letters, digits and marks take Times New Roman's own widths (latin-widths.ts, read from
 * Liberation Serif, whose metrics are the same); every character gets the run's character
 * spacing; and where Chinese meets a Latin letter or digit both programs put in about a quarter
 * em (Word's autoSpaceDE/autoSpaceDN). Pure functions only.
 */
import type { FontSpec } from './layout-profile';
import { LATIN_WIDTHS } from './latin-widths';

/** A piece of text in one font at one size (half-points), as a run of the Word file. */
export interface TextPiece {
  text: string;
  font: FontSpec;
  /** Half-points; the font's own size when absent. */
  size?: number;
}

/** The gap Word and LibreOffice put between Chinese and Latin/digits: ¼ em of the size. */
export const AUTOSPACE_EM = 0.25;

const HAN = /[\p{Script=Han}\u3005\u3007\u3040-\u30ff]/u;
const LATIN_ALNUM = /[A-Za-z0-9]/;

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** Letters and digits that get the CJK–Latin gap next to a Chinese character. */
export function isLatinAlnum(ch: string): boolean {
  return LATIN_ALNUM.test(ch);
}

/** Whether the character is set in the Latin font with its own (proportional) width. */
export function isAscii(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x20 && c < 0x7f;
}

/** Advance of one character in twips, before character spacing. */
export function advance(ch: string, font: FontSpec, size = font.size): number {
  const em = size * 10; // half-points × 10 = twips per em
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x20 && c < 0x7f) {
    const table = font.bold ? LATIN_WIDTHS.bold : LATIN_WIDTHS.regular;
    return ((table[c - 0x20] ?? 500) * em) / 1000;
  }
  // Zero-width characters take no room (the input cleaning removes them; be exact anyway).
  if (/[\u200b-\u200d\u2060\ufeff]/u.test(ch)) return 0;
  return em;
}

/** The gap between two neighbouring characters: the autospace between Chinese and Latin/digits. */
export function gapBetween(prev: string, next: string, size: number): number {
  if ((isHan(prev) && isLatinAlnum(next)) || (isLatinAlnum(prev) && isHan(next))) return size * 10 * AUTOSPACE_EM;
  return 0;
}

/** Width in twips of pieces set one after another on one line. */
export function measure(pieces: readonly TextPiece[]): number {
  let w = 0;
  let prev = '';
  let prevSize = 0;
  for (const p of pieces) {
    const size = p.size ?? p.font.size;
    const spacing = p.font.characterSpacing;
    for (const ch of p.text) {
      if (prev) w += gapBetween(prev, ch, Math.max(size, prevSize));
      w += advance(ch, p.font, size) + spacing;
      prev = ch;
      prevSize = size;
    }
  }
  return w;
}

/** Width of a text in one font. */
export function measureText(text: string, font: FontSpec, size = font.size): number {
  return measure([{ text, font, size }]);
}

/**
 * Break points inside long Latin runs. A URL, a file number or a serial of 20+ letters and
 * digits without a space is one unbreakable word to Word and LibreOffice: it moves whole to the
 * next line and the justified line before it is spread across the width with wide gaps. Between
 * the characters of such a run a zero-width space is written, so it breaks at the margin like
 * Chinese text. Short words (GDP, PM2.5, 2026年) are left whole. Applied to what prints only:
 * input has its zero-width characters removed (api/text.ts), so they never come from users.
 * The pagination model breaks such runs the same way: at any character.
 */
export const LONG_LATIN_RUN = 20;

export const ZWSP = '\u200B';

const LONG_RUN = new RegExp(`[\\u0021-\\u007E\\u00A0-\\u024F]{${LONG_LATIN_RUN},}`, 'g');

export function breakLongLatin(text: string): string {
  return text.replace(LONG_RUN, (m) => [...m].join(ZWSP));
}

/**
 * Text rules shared by every door and by the renderer: how a user's text is cleaned,
 * and how plain body text becomes paragraphs with heading levels (一、 （一） 1. （1）).
 * Pure functions only: the renderer imports this file.
 */

export type HeadingLevel = 0 | 1 | 2 | 3 | 4;
export interface Paragraph {
  level: HeadingLevel;
  text: string;
}

// C0/C1 controls other than tab and newline are invalid in Word's XML and invisible to users;
// lone surrogates cannot be written as UTF-8. Both are dropped rather than refused, because
// they arrive by copy-paste from other programs, not by intent.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(LONE_SURROGATE, '')
    .normalize('NFC');
}

/** One line of a name, title or reason: cleaned, newlines and tabs folded to spaces, trimmed. */
export function cleanLine(input: string): string {
  return cleanText(input).replace(/[\n\t]+/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const HEADING_PATTERNS: ReadonlyArray<[Exclude<HeadingLevel, 0>, RegExp]> = [
  [1, new RegExp(`^${CN_NUM}、`)],
  [2, new RegExp(`^[（(]${CN_NUM}[）)]`)],
  // "1.5亿元" is a figure, not a heading: the dot must not be followed by a digit.
  [3, /^\d{1,3}[.．、](?!\d)/],
  [4, /^[（(]\d{1,3}[）)]/],
];

/** The heading level a paragraph's opening implies, 0 for plain body text. */
export function detectHeadingLevel(line: string): HeadingLevel {
  const trimmed = line.replace(/^[\s\u3000]+/, '');
  for (const [level, pattern] of HEADING_PATTERNS) {
    if (pattern.test(trimmed)) return level;
  }
  return 0;
}

/** Plain text → paragraphs: one per non-empty line, leading indentation dropped, levels detected. */
export function parseBody(body: string): Paragraph[] {
  return cleanText(body)
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line.length > 0)
    .map((text) => ({ level: detectHeadingLevel(text), text }));
}

/** Paragraphs → plain text, the inverse of parseBody for text that came from it. */
export function bodyText(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((p) => p.text).join('\n');
}

/** Characters as the office counts them (字数): everything but white space. */
export function countChars(paragraphs: readonly Paragraph[]): number {
  let n = 0;
  for (const p of paragraphs) n += [...p.text.replace(/[\s\u3000]/g, '')].length;
  return n;
}

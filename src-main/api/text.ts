/**
 * Text rules shared by every door and by the renderer: how a user's text is cleaned,
 * and how plain body text becomes paragraphs with heading levels (一、 （一） 1. （1）).
 * Pure functions only: the renderer imports this file.
 */

import { groupBodyLines, tableToLines, type BodyTable } from './body-tables';
import { pictureFromLine, pictureLine, pictureText, type BodyPicture } from './body-pictures';

export type HeadingLevel = 0 | 1 | 2 | 3 | 4;
export interface Paragraph {
  level: HeadingLevel;
  /** A table's plain text form when `table` is set (body-tables.ts). */
  text: string;
  /** Issue 19: a table in the body. */
  table?: BodyTable;
  /** Issue 19: one line of the 注： block at the item's end. */
  note?: true;
  /** Issue 19: a picture of the item's draft placed here, its caption the text (body-pictures.ts). */
  picture?: BodyPicture;
}

// C0/C1 controls other than tab and newline are invalid in Word's XML and invisible to users;
// lone surrogates cannot be written as UTF-8. Both are dropped rather than refused, because
// they arrive by copy-paste from other programs, not by intent.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, invisible operators, soft hyphen, BOM)
// come in with text copied from web pages and WeChat; they are invisible on screen, break search
// and print as boxes in 仿宋_GB2312, so they are dropped like the controls above.
const ZERO_WIDTH = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;

export function cleanText(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(LONE_SURROGATE, '')
    .replace(ZERO_WIDTH, '')
    .normalize('NFC');
}

// What counts as an emoji: a character shown as a colour picture by default, a pictograph
// asked to show as one (U+FE0F), a flag's regional indicators, or a keycap (1️⃣). Symbols that
// documents use as text — ★ ※ ① © ™ → — are not emoji and pass.
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}|[0-9#*]\uFE0F?\u20E3/u;

/** The first emoji in a text, or null: official documents cannot print them (refused on input). */
export function findEmoji(text: string): string | null {
  const m = EMOJI.exec(text);
  if (!m) return null;
  // Report the whole character the user sees, not half of a surrogate pair or a lone FE0F.
  return [...m[0]][0] ?? m[0];
}

/** `U+1F600`: how a character is named to the user, so it can be found even when it is invisible. */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The refusal for a text holding an emoji, naming the field and the character. */
export function emojiMessage(what: string, emoji: string): string {
  return `${what}中有表情符号“${emoji}”（${codePointLabel(emoji)}），公文中不能使用，请删去或改用文字。`;
}

const HAN = /[\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E]/u;
const isHan = (ch: string | undefined) => ch !== undefined && HAN.test(ch);
/** The nearest character on one side that is not a space (标语写着 "Welcome" counts as touching). */
function near(chars: readonly string[], at: number, step: 1 | -1): string | undefined {
  let i = at + step;
  while (chars[i] === ' ') i += step;
  return chars[i];
}

/**
 * Straight quotes next to Chinese text become Chinese quotes, paired in order: "…" → “…” and
 * '…' → ‘…’. A quotation is converted only when a Chinese character (or full-width
 * punctuation) touches one of its quote marks, spaces between looked past, so English
 * quotations (He said "yes".) and apostrophes (Xi'an, don't) stay as they are. Works on one
 * paragraph at a time: a quote never pairs across paragraphs.
 */
export function chineseQuotes(text: string): string {
  let out = text;
  for (const [mark, open, close] of [
    ['"', '“', '”'],
    ["'", '‘', '’'],
  ] as const) {
    const chars = [...out];
    const at: number[] = [];
    chars.forEach((c, i) => {
      if (c === mark) at.push(i);
    });
    // An apostrophe inside a Latin word (Xi'an) is no quote mark at all.
    const marks = mark === "'" ? at.filter((i) => !(/[A-Za-z]/.test(chars[i - 1] ?? '') && /[A-Za-z]/.test(chars[i + 1] ?? ''))) : at;
    for (let k = 0; k + 1 < marks.length; k += 2) {
      const a = marks[k] as number;
      const b = marks[k + 1] as number;
      const touchesHan = isHan(near(chars, a, -1)) || isHan(near(chars, a, 1)) || isHan(near(chars, b, -1)) || isHan(near(chars, b, 1));
      if (touchesHan) {
        chars[a] = open;
        chars[b] = close;
      }
    }
    out = chars.join('');
  }
  return out;
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

/**
 * Plain text → paragraphs: one per non-empty line, leading indentation dropped, levels detected;
 * pipe lines become tables (a blank line ends one) and 注： lines notes (body-tables.ts).
 */
export function parseBody(body: string): Paragraph[] {
  const lines = cleanText(body)
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
  // Empty lines are no paragraphs, but one ends a table, so two tables can stand one after the other.
  return groupBodyLines(lines).map((b): Paragraph => {
    if (b.table) return { level: 0, text: b.text, table: b.table };
    if (b.note) return { level: 0, text: b.text, note: true };
    const picture = pictureFromLine(b.text);
    if (picture) return { level: 0, text: pictureText(picture), picture };
    return { level: detectHeadingLevel(b.text), text: b.text };
  });
}

/** Paragraphs → plain text, the inverse of parseBody for text that came from it. */
export function bodyText(paragraphs: readonly Paragraph[]): string {
  // A blank line between two tables keeps them apart (parseBody ends a table at a blank line).
  return paragraphs
    .map((p, i) => {
      const text = p.table ? tableToLines(p.table).join('\n') : p.picture ? pictureLine(p.picture) : p.text;
      return p.table && paragraphs[i - 1]?.table ? `\n${text}` : text;
    })
    .join('\n');
}

/** Characters as the office counts them (字数): everything but white space. */
export function countChars(paragraphs: readonly Paragraph[]): number {
  let n = 0;
  for (const p of paragraphs) n += [...p.text.replace(/[\s\u3000]/g, '')].length;
  return n;
}

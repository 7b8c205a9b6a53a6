/**
 * What the character-coverage check answers (ops articleCoverage / issueCoverage): characters
 * the office fonts cannot print, where they are and in which font. A warning, never a refusal:
 * an editor may still print a rare name character and fix the font by hand. Pure: the renderer
 * imports this file for the message.
 */
import { codePointLabel } from './text';

export interface UncoveredChar {
  /** The character itself (a whole code point, possibly outside the BMP like 𪚥). */
  char: string;
  /** `U+2A6A5`. */
  code: string;
  /** The East-Asian font the character would print in, e.g. 仿宋_GB2312. */
  font: string;
  /** Where it prints: 标题, 正文, 供稿单位, 目录, 报头, 编印单位, 密级标志, 版记. */
  place: string;
  /** The item it belongs to (null for the masthead and colophon). */
  articleId: number | null;
  articleTitle: string | null;
  /** 1-based paragraph of the item's body, for 正文. */
  paragraph: number | null;
  /** How often it occurs there. */
  count: number;
}

export interface CoverageReport {
  chars: UncoveredChar[];
}

function placeLabel(u: UncoveredChar): string {
  const where = u.paragraph !== null ? `${u.place}第${u.paragraph}段` : u.place;
  return u.articleTitle !== null ? `《${u.articleTitle}》${where}` : where;
}

/** One line per character: `𪚥（U+2A6A5）：《…》正文第2段`. */
export function uncoveredLine(u: UncoveredChar): string {
  return `${u.char}（${u.code}）：${placeLabel(u)}${u.count > 1 ? `，${u.count}处` : ''}`;
}

/**
 * The warning as the user reads it, grouped by font:
 * 以下字符办公电脑的仿宋_GB2312字体可能无法显示，打印时会成为方框或换用其他字体：…
 * Empty when every character is covered.
 */
export function coverageMessages(report: CoverageReport): Array<{ font: string; text: string; lines: string[] }> {
  const byFont = new Map<string, UncoveredChar[]>();
  for (const u of report.chars) byFont.set(u.font, [...(byFont.get(u.font) ?? []), u]);
  return [...byFont].map(([font, list]) => ({
    font,
    text: `以下字符办公电脑的${font}字体可能无法显示，打印时会成为方框或换用其他字体，请改用常用字或在 Word 中另行处理：`,
    lines: list.map(uncoveredLine),
  }));
}

export { codePointLabel };

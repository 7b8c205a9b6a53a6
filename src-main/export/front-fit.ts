/**
 * Decisions about the masthead, contents and colophon that both the Word renderer and the
 * pagination model need, so the two never disagree (docs/layout.md "Masthead", "Contents",
 * "Colophon"): the series name's size and lines, whether the office/date line shrinks or the date
 * takes its own line, where contents entries and colophon lines break. Pure functions only.
 */
import type { FontSpec, LayoutProfile } from './layout-profile';
import { balanceTitle } from './docx-title';
import { breakLines } from './line-breaking';
import { measureText } from './metrics';

/** Width of the text block in twips. */
export function blockWidth(profile: LayoutProfile): number {
  return profile.page.width - profile.margins.left - profile.margins.right;
}

export interface MastheadFit {
  /** Half-points. */
  size: number;
  /** One line, or two balanced lines when even the floor size cannot hold the name on one. */
  lines: string[];
}

/**
 * The series name: 初号, then 小初, then the largest half-point size down to the floor
 * (profile.masthead.minNameSize) that keeps it on one line; below the floor it wraps into two
 * balanced lines at the largest size (up to 初号) both fit.
 */
export function mastheadFit(name: string, profile: LayoutProfile): MastheadFit {
  const m = profile.masthead;
  const room = blockWidth(profile) * m.nameFill;
  const font = profile.fonts.mastheadName;
  const fits = (text: string, s: number) => measureText(text, font, s) <= room;
  if (!name) return { size: m.nameSizes[0] ?? font.size, lines: [''] };
  for (const s of m.nameSizes) if (fits(name, s)) return { size: s, lines: [name] };
  const largest = m.nameSizes[m.nameSizes.length - 1] ?? font.size;
  for (let s = largest - 1; s >= m.minNameSize; s--) if (fits(name, s)) return { size: s, lines: [name] };
  for (let s = m.nameSizes[0] ?? font.size; s > 8; s--) {
    const lines = balanceTitle(name, { ...font, size: s }, room);
    if (lines.length <= 2) return { size: s, lines };
  }
  return { size: m.minNameSize, lines: [name] };
}

export interface OfficeDateFit {
  /** Half-points of the office text; the date keeps the line's own size. */
  orgSize: number;
  /** True when even the smallest office size leaves no room: the date goes on a line of its own, right-aligned. */
  dateOwnLine: boolean;
}

/**
 * The office/date line never wraps: the office text shrinks by half-points down to
 * profile.masthead.minOrgSize while at least one character's gap stays between it and the date;
 * past that the date takes its own right-aligned line under the office.
 */
export function officeDateFit(orgText: string, date: string, profile: LayoutProfile): OfficeDateFit {
  const f = profile.fonts.orgDateLine;
  const width = blockWidth(profile);
  const dateWidth = measureText(date, f);
  const gap = f.size * 10;
  for (let s = f.size; s >= profile.masthead.minOrgSize; s--) {
    if (measureText(orgText, f, s) + gap + dateWidth <= width) return { orgSize: s, dateOwnLine: false };
  }
  for (let s = f.size; s >= profile.masthead.minOrgSize; s--) {
    if (measureText(orgText, f, s) <= width) return { orgSize: s, dateOwnLine: true };
  }
  return { orgSize: profile.masthead.minOrgSize, dateOwnLine: true };
}

/** Width of a contents entry's measure: the text block less the entry's left indent. */
export function contentsWidth(profile: LayoutProfile): number {
  return blockWidth(profile) - profile.contents.itemIndentChars * profile.fonts.contentsItem.size * 10;
}

/**
 * A contents entry's lines: one when it fits; else balanced whole-word lines (written as explicit
 * breaks), so no entry ends with one character alone on its last line.
 */
export function contentsLines(title: string, profile: LayoutProfile): string[] {
  const lines = balanceTitle(title, profile.fonts.contentsItem, contentsWidth(profile));
  return lines.length ? lines : [''];
}

/** The measure of the colophon's lines: the text block less one character each side. */
export function colophonWidth(profile: LayoutProfile): number {
  return blockWidth(profile) - 2 * profile.colophon.sideIndent;
}

/** How a 报/送/发 line wraps: the first line from the inset, the rest under the first recipient. */
export function colophonListLines(label: string, text: string, profile: LayoutProfile): string[] {
  const hang = ([...label].length + 1) * profile.colophon.charWidth;
  return breakLines([{ text, font: profile.fonts.colophon }], colophonWidth(profile) - hang, -hang);
}

export function colophonPlainLines(text: string, profile: LayoutProfile, font: FontSpec = profile.fonts.colophon): string[] {
  return breakLines([{ text, font }], colophonWidth(profile));
}

/**
 * File names of a packet and of the files inside it: what an office would call them, and safe
 * on Windows (export/file-names.ts turns refused characters into full-width look-alikes).
 */
import { safeFileName } from '../export/file-names';
import { CONTENTS_LIST_NAME, MANIFEST_NAME, SUMS_NAME } from './manifest';

export interface NamedIssue {
  series: string;
  year: number;
  number: number;
  supplement: boolean;
}

/**
 * The series name as the city office reads it in a file name: the county prefix it shares with
 * the sender (城关县政务信息 from 城关县人民政府办公室 → 政务信息) is left out, as offices write it.
 */
export function shortSeriesName(series: string, office: string): string {
  const chars = [...series];
  const officeChars = [...office];
  let common = 0;
  while (common < chars.length && chars[common] === officeChars[common]) common++;
  // Cut only after a whole place name (…县, …市, …区, …旗) and keep at least two characters.
  for (let cut = common; cut > 0; cut--) {
    if (/[县市区旗]/.test(chars[cut - 1]!) && chars.length - cut >= 2) return chars.slice(cut).join('');
  }
  return series;
}

function issueNumbers(list: readonly NamedIssue[]): string {
  const numbers = list.map((i) => `${i.supplement ? '增刊' : ''}${i.number}`);
  if (numbers.length > 4) return `第${numbers[0]}期等${numbers.length}期`;
  return `第${numbers.join('、')}期`;
}

/**
 * `城关县政府办_政务信息_2026第12期_20261121.zip`: sender, content, date. Issues are grouped by
 * series and year; single items are counted (`信息3条`).
 */
export function packetFileName(shortName: string, office: string, issues: readonly NamedIssue[], articleCount: number, date: string): string {
  const groups = new Map<string, NamedIssue[]>();
  for (const i of [...issues].sort((a, b) => a.series.localeCompare(b.series, 'zh') || a.year - b.year || a.number - b.number)) {
    const key = `${i.series}\u0000${i.year}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const parts = [...groups.values()].map((g) => `${shortSeriesName(g[0]!.series, office)}_${g[0]!.year}${issueNumbers(g)}`);
  if (parts.length > 2) parts.splice(2, parts.length - 2, `等${issues.length}期`);
  if (articleCount > 0) parts.push(`信息${articleCount}条`);
  const stem = [shortName, ...parts, date.replace(/-/g, '')].join('_');
  return `${safeFileName(stem)}.zip`;
}

/** The name the archive gives an issue's Word file (城关县政务信息2026年第12期.docx). */
export function issueEntryName(i: NamedIssue): string {
  return `${safeFileName(`${i.series}${i.year}年${i.supplement ? '增刊' : ''}第${i.number}期`)}.docx`;
}

/** `信息01_城关镇推进老旧小区改造.docx`: numbered so Explorer lists them in the packet's order. */
export function articleEntryName(index: number, total: number, title: string): string {
  const width = Math.max(2, String(total).length);
  const short = [...safeFileName(title)].slice(0, 40).join('');
  return `${safeFileName(`信息${String(index).padStart(width, '0')}_${short}`)}.docx`;
}

const RESERVED = new Set([MANIFEST_NAME, SUMS_NAME, CONTENTS_LIST_NAME].map((n) => n.toLowerCase()));

/**
 * Makes every name unique without regard to case (Windows would merge 'A.docx' and 'a.docx'),
 * and keeps the packet's own files' names free: a clash gets （2）, （3）… before the extension.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set(RESERVED);
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}（${n}）${ext}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A name not yet taken in the folder: an earlier packet of the same day is never overwritten. */
export function freeFileName(fileName: string, exists: (name: string) => boolean): string {
  const stem = fileName.replace(/\.zip$/i, '');
  let candidate = fileName;
  for (let n = 2; exists(candidate); n++) candidate = `${stem}_${n}.zip`;
  return candidate;
}

/** How dates, times and issue numbers read on screen (zh-CN, the office's own wording). */
import type { IssueSummary, NextNumber } from '../src-main/api/types';
import { reviewCopyName } from '../src-main/api/display';

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026-11-21' → '2026年11月21日'. Parsed by hand: a calendar date has no time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const CN_DIGITS = '〇一二三四五六七八九';
function cnSmall(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? CN_DIGITS[tens] : ''}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** '2026-11-21' → '二〇二六年十一月二十一日', for series that print dates that way. */
export function formatDateChinese(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const year = [...m[1]!].map((d) => CN_DIGITS[Number(d)]).join('');
  return `${year}年${cnSmall(Number(m[2]))}月${cnSmall(Number(m[3]))}日`;
}

/** A stored UTC timestamp in the user's local time: '2026年11月21日 14:05'. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Short local form for crowded tables: '11-21 14:05', with the year when it is not this one. */
export function formatShortTimestamp(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const year = d.getFullYear() === now.getFullYear() ? '' : `${d.getFullYear()}-`;
  return `${year}${day} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function clockTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Today in local time as 'YYYY-MM-DD' (an issue is dated by the office's calendar, not UTC). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

type IssueNumbering = Pick<IssueSummary, 'id' | 'year' | 'number' | 'totalNumber' | 'supplement'>;

/** '2026年第12期（总第2045期）', '2026年增刊第1期', or '草稿 #5' before sign-off. */
export function issueLabel(i: IssueNumbering): string {
  if (i.number === null) return `草稿 #${i.id}`;
  return `${i.year}年${i.supplement ? '增刊' : ''}第${i.number}期${i.totalNumber ? `（总第${i.totalNumber}期）` : ''}`;
}

/** The short form used in notifications and links: '2026年第12期'. */
export function issueShortLabel(i: IssueNumbering): string {
  if (i.number === null) return `草稿 #${i.id}`;
  return `${i.year}年${i.supplement ? '增刊' : ''}第${i.number}期`;
}

export function nextNumberLabel(n: NextNumber): string {
  return `${n.year}年${n.supplement ? '增刊' : ''}第${n.number}期${n.totalNumber ? `（总第${n.totalNumber}期）` : ''}`;
}

/** The name offered in the save dialog, as the office files it: 城关县政务信息2026年第12期.docx. */
export function issueFileName(i: IssueNumbering & { series: string; date?: string }): string {
  // A 送审稿 by its series, date and 送审稿 (api/display.ts), as the service names it too.
  const label = i.number === null ? (i.date ? reviewCopyName('', i.date) : `草稿${i.id}（送审稿）`) : issueShortLabel(i);
  return `${i.series}${label}`.replace(/[<>:"/\\|?*]/g, '') + '.docx';
}

/**
 * Whether a value from a date field is a whole date yet. Typing a year digit by digit into a
 * native date field passes through 0002-11-21, 0020-11-21 …; those are not sent anywhere.
 */
export function isCompleteDate(value: string): boolean {
  return /^(19|2\d)\d{2}-\d{2}-\d{2}$/.test(value);
}

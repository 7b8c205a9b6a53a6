/**
 * The plain text of an issue's parts, shared by the Word file (docx-*.ts) and the page preview
 * (layout-blocks.ts): kept apart from the docx package so that the preview, and every command
 * that loads it, starts without loading docx (issue 14: commands start at once).
 */
import { cleanText } from '../api/text';
import type { LayoutProfile } from './layout-profile';
import type { IssueDocModel } from './model';

/**
 * Text as Word may hold it: characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF)
 * dropped, and tabs and line breaks folded to a space because a paragraph's own text never
 * carries layout — the renderer adds tabs and breaks itself.
 */
export function safeText(input: string): string {
  return cleanText(input).replace(/[\t\n\u2028\u2029]+/g, ' ');
}

/** One paragraph's text: made safe and trimmed of the blank space people paste around it. */
export function safeLine(input: string): string {
  return safeText(input).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** `城关镇` → `（城关镇 供稿）`; a source already written as `（县发改局）` is kept as it is. */
export function sourceText(source: string): string {
  const s = safeLine(source);
  if (!s) return '';
  if (/^[（(].*[）)]$/u.test(s)) return s;
  return /供稿$/u.test(s) ? `（${s}）` : `（${s} 供稿）`;
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..31 as written in dates: 十, 十一, 二十, 二十一, 三十一. */
function cnSmall(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 0 ? '' : tens === 1 ? '十' : `${CN_DIGITS[tens]}十`;
  return t + (ones === 0 ? (tens === 0 ? '〇' : '') : CN_DIGITS[ones]);
}

/** `2026-11-21` → `2026年11月21日`, or `二〇二六年十一月二十一日` in the Chinese style. */
export function formatDate(date: string, style: 'arabic' | 'chinese'): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  if (!m) return safeLine(date);
  const [y, mo, d] = [m[1] ?? '', Number(m[2]), Number(m[3])];
  if (style === 'chinese') {
    const year = [...y].map((c) => CN_DIGITS[Number(c)] ?? c).join('');
    return `${year}年${cnSmall(mo)}月${cnSmall(d)}日`;
  }
  return `${y}年${mo}月${d}日`;
}

/** `第12期（总第2045期）`, `增刊第1期`, or `第\u3000期` (full-width space) for a preview that has no number yet. */
export function issueNumberText(model: IssueDocModel, profile: LayoutProfile): string {
  const blank = profile.masthead.blankNumber;
  const n = model.number === null ? blank : String(model.number);
  let text = `${model.supplement ? '增刊' : ''}第${n}期`;
  if (model.settings.showTotal && (model.number === null || model.totalNumber !== null)) {
    const total = model.number === null || model.totalNumber === null ? blank : String(model.totalNumber);
    text += `（总第${total}期）`;
  }
  return text;
}

export interface ColophonParts {
  /** 报/送/发/本期增发 lines: the label and the whole text `报：A，B。`. */
  distribution: Array<{ label: string; text: string }>;
  /** 签发：X　　　审核：Y　　　编辑：Z, or '' */
  people: string;
  /** （共印60份）, or '' */
  copies: string;
}

/**
 * The colophon's text. Recipients are joined with ，; a name may itself hold 、
 * (县人大常委会主任、副主任), which is printed as written.
 */
export function colophonParts(model: IssueDocModel, profile: LayoutProfile): ColophonParts {
  const c = profile.colophon;
  const s = model.settings;
  const names = (list: readonly string[]) => list.map(safeLine).filter(Boolean);
  const lists: Array<[string, string[]]> = [
    ['报', names(s.distribution.to)],
    ['送', names(s.distribution.cc)],
    ['发', names(s.distribution.down)],
    ['本期增发', names(model.extraRecipients)],
  ];
  const distribution = lists.filter(([, list]) => list.length).map(([label, list]) => ({ label, text: `${label}：${list.join('，')}。` }));
  const who: Array<[string, string]> = [
    ['签发', safeLine(model.signedBy ?? '')],
    ['审核', safeLine(s.reviewer)],
    ['编辑', safeLine(s.editor)],
  ];
  const people = who.filter(([, n]) => n).map(([label, n]) => `${label}：${n}`).join(c.peopleSeparator);
  const copies = Number.isFinite(s.copies) && s.copies > 0 ? `（共印${Math.floor(s.copies)}份）` : '';
  return { distribution, people, copies };
}


/**
 * Number rules (GB/T 15835-2011 出版物上数字用法): half-width digits, dates as 2026年12月4日,
 * percentages and statistics in Arabic numerals, ranges with the 一字线, thousands by the
 * office's style. Figures such as 1.5亿元, 38.5%, 2026年 and list markers are left as they are.
 */
import { isChinese, isHan, isShielded, matches, type RawFinding, type StringRule } from './types';

const STD = 'GB/T 15835-2011';

const FULL_ALNUM = /[０-９Ａ-Ｚａ-ｚ]+(?:[．][０-９]+)?/g;
const toHalf = (s: string) => s.replace(/[０-９Ａ-Ｚａ-ｚ．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** １２３ / ＡＢＣ: full-width digits and letters print too wide and break search. */
const fullWidthAlnum: StringRule = (text) => {
  const out: RawFinding[] = [];
  for (const m of matches(FULL_ALNUM, text)) {
    out.push({
      rule: 'full-width-alnum',
      severity: '错误',
      message: `“${m[0]}”是全角数字或字母，应使用半角（${STD} 5.1；全角字符在检索中也查不到）。`,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      fix: toHalf(m[0]),
    });
  }
  return out;
};

const validDate = (y: number, mo: number, d?: number) => y >= 1900 && y <= 2099 && mo >= 1 && mo <= 12 && (d === undefined || (d >= 1 && d <= 31));

const YMD = /(?<![\d.\-/])((?:19|20)\d{2})([.\-/])(\d{1,2})\2(\d{1,2})(?![\d.\-/日号])/g;
const YM = /(?<![\d.\-/])((?:19|20)\d{2})\.(\d{1,2})(?![\d.\-/%万亿千百十元吨个人次名户家台套米克倍级期号日])/g;

/** 2026.12.4 / 2026-12-4 / 2026/12/4 / 2026.10 in running text → 2026年12月4日 / 2026年10月. */
const dateForm: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of matches(YMD, text)) {
    const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (!validDate(y, mo, d) || isShielded(ctx, m.index, m.index + m[0].length)) continue;
    const fix = `${y}年${mo}月${d}日`;
    taken.push([m.index, m.index + m[0].length]);
    out.push({
      rule: 'date-form',
      severity: '错误',
      message: `公文正文中的日期应写作“${fix}”，不写作“${m[0]}”（${STD} 5.2.1；GB/T 9704-2012 7.3.5）。`,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      fix,
    });
  }
  for (const m of matches(YM, text)) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (!validDate(y, mo) || isShielded(ctx, m.index, m.index + m[0].length)) continue;
    if (taken.some(([a, b]) => m.index < b && a < m.index + m[0].length)) continue;
    // 2026.10 only reads as a month beside Chinese text: 以来, 底, a comma, the end.
    const after = text[m.index + m[0].length];
    if (after !== undefined && !isChinese(after) && after !== '—' && after !== '-' && after !== ' ') continue;
    const fix = `${y}年${mo}月`;
    out.push({
      rule: 'date-form',
      severity: '错误',
      message: `年月应写作“${fix}”，不写作“${m[0]}”（${STD} 5.2.1）。`,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      fix,
    });
  }
  return out;
};

const HAO = /(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})号/g;
/** 12月4号 → 12月4日: 号 for a day is spoken, not written in documents. */
const dateHao: StringRule = (text) => {
  const out: RawFinding[] = [];
  for (const m of matches(HAO, text)) {
    const start = m.index + m[0].length - 1;
    out.push({
      rule: 'date-hao',
      severity: '错误',
      message: `公文中日期用“日”，不用口语的“号”：“${m[0]}”应写作“${m[1]}月${m[2]}日”（${STD} 5.2.1 的日期写法）。`,
      start,
      end: start + 1,
      text: '号',
      fix: '日',
    });
  }
  return out;
};

const MONTH_FEN = /(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份/g;
/** 10月份 → 10月: 份 adds nothing after a month named by its number. */
const monthFen: StringRule = (text) => {
  const out: RawFinding[] = [];
  for (const m of matches(MONTH_FEN, text)) {
    const start = m.index + m[0].length - 1;
    out.push({
      rule: 'month-fen',
      severity: '建议',
      message: `“${m[0]}”宜简写作“${m[0].slice(0, -1)}”，公文中月份不加“份”（行文简洁的惯例）。`,
      start,
      end: start + 1,
      text: '份',
      fix: '',
    });
  }
  return out;
};

const CN_VAL: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 三十八 → 38, 一百二十 → 120, 十五 → 15; null when it is not a plain Chinese integer. */
export function chineseInteger(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c === '零' || c === '〇') {
      if (digit !== null) return null;
    } else if (c in CN_VAL) {
      if (digit !== null) return null;
      digit = CN_VAL[c]!;
    } else if (c === '十' || c === '百' || c === '千') {
      const unit = c === '十' ? 10 : c === '百' ? 100 : 1000;
      total += (digit ?? (c === '十' ? 1 : NaN)) * unit;
      digit = null;
    } else return null;
  }
  const v = total + (digit ?? 0);
  return Number.isFinite(v) ? v : null;
}

const PERCENT = /百分之([零〇一二两三四五六七八九十百千]+)(?:点([零〇一二三四五六七八九]+))?/g;
/** 百分之五十 → 50%: a statistic is written in Arabic numerals (百分之百 as a phrase is left). */
const percentChinese: StringRule = (text) => {
  const out: RawFinding[] = [];
  for (const m of matches(PERCENT, text)) {
    if (m[1] === '百' && !m[2]) continue;
    const whole = chineseInteger(m[1]!);
    const frac = m[2] ? [...m[2]].map((c) => CN_VAL[c]).join('') : '';
    const fix = whole === null ? undefined : `${whole}${frac ? `.${frac}` : ''}%`;
    out.push({
      rule: 'percent-chinese',
      severity: '建议',
      message: `统计数据中的百分数用阿拉伯数字，“${m[0]}”宜写作“${fix ?? '××%'}”，与文中其他百分数一致（${STD} 4.1.1）。`,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      ...(fix ? { fix } : {}),
    });
  }
  return out;
};

const RANGE = /(?<![\d.\-/:])(\d{1,4})([-~－])(\d{1,4})(?=[月日岁%年天倍个次人名家万亿元周户])/g;
/** 1-10月 / 3~5天 → 1—10月: a range of values takes the 一字线 (or ～), not a hyphen. */
const rangeHyphen: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  for (const m of matches(RANGE, text)) {
    const at = m.index + m[1]!.length;
    if (isShielded(ctx, at, at + 1)) continue;
    out.push({
      rule: 'range-hyphen',
      severity: '建议',
      message: `表示数值范围用一字线“—”（或浪纹线“～”），“${m[0]}”宜写作“${m[1]}—${m[3]}”，全文一致（GB/T 15834-2011 4.13.3.2；${STD}）。`,
      start: at,
      end: at + 1,
      text: m[2]!,
      fix: '—',
    });
  }
  return out;
};

const THOUSANDS = /(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])/g;
/** 12,345万元 in Chinese text, where the office writes 12345万元 (a setting). */
const thousandsComma: StringRule = (text, ctx) => {
  if (ctx.options.thousands !== 'plain') return [];
  const out: RawFinding[] = [];
  for (const m of matches(THOUSANDS, text)) {
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    if (!isHan(before) && !isHan(after)) continue;
    out.push({
      rule: 'thousands-comma',
      severity: '建议',
      message: `本单位的写法是数字不用千分位逗号：“${m[0]}”宜写作“${m[0].replace(/,/g, '')}”（${STD} 5.1.2 允许两种写法，本单位统一不分节）。`,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      fix: m[0].replace(/,/g, ''),
    });
  }
  return out;
};

export const numberRules: readonly StringRule[] = [fullWidthAlnum, dateForm, dateHao, monthFen, percentChinese, rangeHyphen, thousandsComma];

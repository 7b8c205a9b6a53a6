/**
 * The proofreading checker's shapes (issue 18). Pure: no database, no Node, no UI — the
 * renderer imports this folder to check as the user types, the services to check at the doors,
 * so there is one checker.
 */

export type Severity = '错误' | '建议';

/** Every rule's id, grouped by family (the file that holds it). */
export const RULE_IDS = [
  // punctuation.ts (GB/T 15834-2011)
  'half-width-punct',
  'straight-quote',
  'half-width-bracket',
  'unmatched-mark',
  'single-quote-outside',
  'repeated-punct',
  'conflicting-punct',
  'dun-approx-number',
  'space-in-chinese',
  'ellipsis-form',
  'dash-form',
  // numbers.ts (GB/T 15835-2011)
  'full-width-alnum',
  'date-form',
  'date-hao',
  'month-fen',
  'percent-chinese',
  'range-hyphen',
  'thousands-comma',
  // words.ts (practice)
  'confused-word',
  'typo-word',
  'doubled-char',
  // wording.ts (the office's 规范提法 list)
  'official-wording',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Short Chinese names of the rules, for the side list's groups and the CLI. */
export const RULE_LABELS: Record<RuleId, string> = {
  'half-width-punct': '半角标点',
  'straight-quote': '直引号',
  'half-width-bracket': '半角括号',
  'unmatched-mark': '引号括号不配对',
  'single-quote-outside': '单引号用在外层',
  'repeated-punct': '标点重复',
  'conflicting-punct': '标点连用不当',
  'dun-approx-number': '概数误用顿号',
  'space-in-chinese': '中文间多余空格',
  'ellipsis-form': '省略号写法',
  'dash-form': '破折号写法',
  'full-width-alnum': '全角数字字母',
  'date-form': '日期写法',
  'date-hao': '“号”代“日”',
  'month-fen': '“月份”',
  'percent-chinese': '百分数写法',
  'range-hyphen': '数值范围连接号',
  'thousands-comma': '千分位逗号',
  'confused-word': '易混用词',
  'typo-word': '常见错别字',
  'doubled-char': '重复字',
  'official-wording': '规范提法',
};

/** One finding: where, what, why, and the replacement when it is certain. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Plain Chinese: what is wrong, what to write, and the clause or practice it rests on. */
  message: string;
  /** Index into the item's paragraphs; null for the title. */
  paragraph: number | null;
  /** UTF-16 offsets into that paragraph's (or the title's) text: [start, end). */
  start: number;
  end: number;
  /** The text the span covers. */
  text: string;
  /** The replacement for [start, end), only when it is certainly right. */
  fix?: string;
  /** Stable while the text around it stays: what an ignore (忽略) is kept by. */
  key: string;
}

/** A finding inside one string, before it knows its paragraph. */
export type RawFinding = Omit<Finding, 'paragraph' | 'key'>;

/** One entry of the office's 规范提法 list. */
export interface WordingEntry {
  /** The form not to use, e.g. 二十大. */
  wrong: string;
  /** The form to use, e.g. 党的二十大. An occurrence of `wrong` inside it is not a finding. */
  right: string;
  /** Why, in a few words (e.g. 中央文件的规范表述). */
  note?: string;
  /** Other forms that contain `wrong` and are correct too (e.g. 中共二十大). */
  keep?: string[];
  /** 错误 (default) or 建议. */
  severity?: Severity;
}

export interface ProofOptions {
  /** The 规范提法 list in force. */
  wording?: readonly WordingEntry[];
  /**
   * The office's style for thousands (a setting): 'plain' flags 12,345 in Chinese text;
   * 'any' leaves both forms alone (GB/T 15835-2011 5.1.2 allows either).
   */
  thousands?: 'plain' | 'any';
}

/** A check of one string: every finding it holds. */
export type StringRule = (text: string, ctx: RuleContext) => RawFinding[];

export interface RuleContext {
  options: ProofOptions;
  /** Offsets that belong to URLs, e-mail addresses and code-like identifiers: rules leave them. */
  shielded: Uint8Array;
  /** True for the title. */
  isTitle: boolean;
}

const HAN_RE = /\p{Script=Han}/u;
/** A Chinese character (a whole BMP code unit; the rare astral ones do not matter here). */
export const isHan = (ch: string | undefined): boolean => ch !== undefined && ch !== '' && HAN_RE.test(ch);
/** Full-width punctuation of Chinese text. */
export const CN_PUNCT = '，。、；：！？“”‘’（）《》〈〉【】…—';
export const isCnPunct = (ch: string | undefined): boolean => ch !== undefined && ch !== '' && CN_PUNCT.includes(ch);
/** Chinese text on this side: a Chinese character or full-width punctuation. */
export const isChinese = (ch: string | undefined): boolean => isHan(ch) || isCnPunct(ch);

export function isShielded(ctx: RuleContext, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (ctx.shielded[i]) return true;
  return false;
}

/** All matches of a global regex, with their index. */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0] === '') re.lastIndex++;
  }
}

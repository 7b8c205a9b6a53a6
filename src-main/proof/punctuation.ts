/**
 * Punctuation rules (GB/T 15834-2011 标点符号用法). Each looks at one string — the title or one
 * paragraph — and leaves shielded stretches (URLs, identifiers, English) alone.
 */
import { isChinese, isCnPunct, isHan, isShielded, matches, type RawFinding, type RuleContext, type StringRule } from './types';

const STD = 'GB/T 15834-2011';

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。' };
const CLOSERS = '”’）》';
const HALF_MARKS = /[,;:?!.]/g;

/** , ; : ? ! . written half-width where Chinese text surrounds them. */
const halfWidthPunct: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  // Jump from candidate to candidate: most paragraphs hold few half-width marks or none.
  for (const m of matches(HALF_MARKS, text)) {
    const i = m.index;
    const ch = m[0];
    const full = HALF_TO_FULL[ch]!;
    if (ctx.shielded[i]) continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    let fires: boolean;
    if (ch === '.') {
      // Only a sentence's full stop: after Chinese, at the end or before Chinese. 1.5亿元,
      // 2026.10.1 and 1. list markers have a digit before the dot and are never touched.
      fires = (isHan(prev) || (prev !== undefined && CLOSERS.includes(prev))) && (next === undefined || next === ' ' || isChinese(next)) && next !== '.';
    } else if (ch === ':' && /\d/.test(prev ?? '') && /\d/.test(next ?? '')) {
      fires = false; // 8:30
    } else {
      const afterChinese = isHan(prev) || (isCnPunct(prev) && !'“‘（《'.includes(prev!));
      const beforeChinese = isHan(next) || next === '“' || next === '（' || next === '《';
      fires = afterChinese || (beforeChinese && prev !== undefined && /[0-9%A-Za-z]/.test(prev));
    }
    if (!fires) continue;
    out.push({
      rule: 'half-width-punct',
      severity: '错误',
      message: `中文行文中的“${ch}”是半角（英文）标点，应改为全角的“${full}”（${STD}，标点符号的形式）。`,
      start: i,
      end: i + 1,
      text: ch,
      fix: full,
    });
  }
  return out;
};

/** Straight quotes next to Chinese text, paired in order as the printer pairs them (api/text.ts). */
const straightQuotes: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  if (!text.includes('"') && !text.includes("'")) return out;
  for (const [mark, open, close] of [
    ['"', '“', '”'],
    ["'", '‘', '’'],
  ] as const) {
    const at: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== mark || ctx.shielded[i]) continue;
      // An apostrophe inside a Latin word (Xi'an) is no quote mark.
      if (mark === "'" && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) continue;
      at.push(i);
    }
    for (let k = 0; k + 1 < at.length; k += 2) {
      const a = at[k]!;
      const b = at[k + 1]!;
      const near = (i: number, step: 1 | -1) => {
        let j = i + step;
        while (text[j] === ' ') j += step;
        return text[j];
      };
      if (!(isChinese(near(a, -1)) || isChinese(near(a, 1)) || isChinese(near(b, -1)) || isChinese(near(b, 1)))) continue;
      for (const [i, to] of [
        [a, open],
        [b, close],
      ] as const) {
        out.push({
          rule: 'straight-quote',
          severity: '错误',
          message: `中文行文中应使用弯引号“${open}${close}”，不用直引号“${mark}”（${STD} 4.3，引号）。`,
          start: i,
          end: i + 1,
          text: mark,
          fix: to,
        });
      }
    }
  }
  return out;
};

/** ( ) around Chinese words → （ ）. A (1) at the start of a paragraph is a heading marker, left to the heading rules. */
const halfWidthBrackets: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  if (!text.includes('(') && !text.includes(')')) return out;
  const opens: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ctx.shielded[i]) continue;
    if (ch === '(' || ch === '（') opens.push(i);
    else if ((ch === ')' || ch === '）') && opens.length) {
      const a = opens.pop()!;
      if (text[a] === '（' && ch === '）') continue;
      const inner = text.slice(a + 1, i);
      if (a === 0 && /^\d{1,3}$/.test(inner)) continue;
      const chinese = [...inner].some((c) => isHan(c)) || (isHan(text[a - 1]) && isHan(text[i + 1]));
      if (!chinese) continue;
      for (const [at, half, full] of [
        [a, '(', '（'],
        [i, ')', '）'],
      ] as const) {
        if (text[at] !== half) continue;
        out.push({
          rule: 'half-width-bracket',
          severity: '错误',
          message: `中文行文中的括号应使用全角“（）”，这里的“${half}”是半角（${STD} 4.9，括号）。`,
          start: at,
          end: at + 1,
          text: half,
          fix: full,
        });
      }
    }
  }
  return out;
};

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》', '〈': '〉', '【': '】' };
const MARKS = /[“”‘’（）《》〈〉【】]/g;
const CLOSING: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/** Unmatched or crossed quotes and brackets, 《》 inside 《》, ‘’ as the outer quotes. */
const unmatchedMarks: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  const stack: number[] = [];
  MARKS.lastIndex = 0;
  if (!MARKS.test(text)) return out;
  const add = (rule: 'unmatched-mark' | 'single-quote-outside', severity: '错误' | '建议', i: number, message: string, fix?: string) =>
    out.push({ rule, severity, message, start: i, end: i + 1, text: text[i]!, ...(fix ? { fix } : {}) });
  for (const m of matches(MARKS, text)) {
    const i = m.index;
    const ch = m[0];
    if (ctx.shielded[i]) continue;
    if (PAIRS[ch]) {
      if (ch === '‘' && !stack.some((j) => text[j] === '“')) {
        add('single-quote-outside', '建议', i, `引号只有一层时用双引号“”；单引号‘’只用于双引号里面的一层（${STD} 4.3.3）。如确属引号内再引，请检查外层的双引号。`);
      }
      if (ch === '《' && stack.some((j) => text[j] === '《')) {
        add('unmatched-mark', '建议', i, `书名号里面还要用书名号时，里面一层用单书名号〈〉（${STD} 4.15.3）。`);
      }
      stack.push(i);
      continue;
    }
    const opener = CLOSING[ch];
    if (!opener) continue;
    const top = stack.length ? stack[stack.length - 1]! : -1;
    if (top >= 0 && text[top] === opener) {
      stack.pop();
      continue;
    }
    const deeper = stack.lastIndexOf(stack.find((j) => text[j] === opener) ?? -1);
    if (deeper >= 0) {
      // Crossed: “…（…”…）. Name the mark that is closed out of turn.
      add('unmatched-mark', '错误', i, `“${ch}”与前面的“${opener}”之间还有未闭合的“${text[top]}”，标号交叉嵌套。请检查成对的引号和括号（${STD} 4.3、4.9）。`);
      stack.splice(deeper, 1);
      continue;
    }
    add('unmatched-mark', '错误', i, `“${ch}”前面没有与之配对的“${opener}”。引号、括号、书名号应成对使用（${STD} 4.3、4.9、4.15）。`);
  }
  for (const j of stack) {
    add('unmatched-mark', '错误', j, `“${text[j]}”后面没有与之配对的“${PAIRS[text[j]!]}”。引号、括号、书名号应成对使用（${STD} 4.3、4.9、4.15）。`);
  }
  return out;
};

const REPEAT = /([，。、；：！？])\1+/g;
/** 。。 ，， ！！: one mark written twice or more (。。。 is an ellipsis, left to ellipsis-form). */
const repeatedPunct: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  for (const m of matches(REPEAT, text)) {
    if (m[1] === '。' && m[0].length >= 3) continue;
    if (isShielded(ctx, m.index, m.index + m[0].length)) continue;
    out.push({
      rule: 'repeated-punct',
      severity: '错误',
      message: `标点“${m[1]}”重复使用了${m[0].length}次，公文中一处只用一个（${STD}）。`,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      fix: m[1]!,
    });
  }
  return out;
};

const CONFLICT = /[，、；：][，。、；：！？]|[。！？][，、；：。]/g;
/** Two different marks together (，。 。， ；。); ？！ is allowed by the standard and left alone. */
const conflictingPunct: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  for (const m of matches(CONFLICT, text)) {
    if (m[0][0] === m[0][1]) continue;
    if (isShielded(ctx, m.index, m.index + 2)) continue;
    out.push({
      rule: 'conflicting-punct',
      severity: '错误',
      message: `“${m[0]}”两个点号连用，应只保留一个（${STD}）。请按语气选定其一。`,
      start: m.index,
      end: m.index + 2,
      text: m[0],
    });
    CONFLICT.lastIndex = m.index + 2;
  }
  return out;
};

const CN_DIGIT = '一二三四五六七八九';
const APPROX = /([一二三四五六七八])、([二三四五六七八九])(?=[天个人次米倍岁家名条项件户所年])/g;
/** 三、四天: neighbouring numbers that mean roughly so many take no 顿号 (三四天). */
const dunApproxNumber: StringRule = (text) => {
  const out: RawFinding[] = [];
  for (const m of matches(APPROX, text)) {
    if (CN_DIGIT.indexOf(m[2]!) !== CN_DIGIT.indexOf(m[1]!) + 1) continue;
    // 第一、二年 / 一、二级 list items, not an estimate.
    if (text[m.index - 1] === '第') continue;
    out.push({
      rule: 'dun-approx-number',
      severity: '建议',
      message: `相邻两数连用表示概数（如“${m[1]}${m[2]}”）时中间不用顿号（${STD} 4.5.3.5）。若是列举两个数，可不改。`,
      start: m.index,
      end: m.index + 3,
      text: m[0],
      fix: `${m[1]}${m[2]}`,
    });
  }
  return out;
};

/** A space between two Chinese characters or marks. */
const SPACE = /[ \u3000\u00A0]+/g;
const spaceInChinese: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  for (const m of matches(SPACE, text)) {
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    if (!isChinese(before) || !isChinese(after)) continue;
    // A headline may set its two parts apart with one space (城关镇推进改造 惠及居民4800余户).
    if (ctx.isTitle && m[0].length === 1) continue;
    if (isShielded(ctx, m.index, m.index + m[0].length)) continue;
    out.push({
      rule: 'space-in-chinese',
      severity: '错误',
      message: '中文字符之间多了空格，印出来是一处空白，应删去（公文排版惯例；GB/T 9704-2012 正文不空格）。',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      fix: '',
    });
  }
  return out;
};

const ELLIPSIS = /\.{3,}|。{3,}|…+|⋯+|・{3,}/g;
/** The ellipsis is …… (two 三连点, six dots): ... 。。。 … ⋯⋯ are not. */
const ellipsisForm: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  for (const m of matches(ELLIPSIS, text)) {
    if (m[0] === '……' || m[0] === '…………') continue;
    if (m[0][0] === '.' && (!isChinese(text[m.index - 1]) || isShielded(ctx, m.index, m.index + m[0].length))) continue;
    out.push({
      rule: 'ellipsis-form',
      severity: '错误',
      message: `省略号应写作“……”（占两个字的位置，${STD} 4.11），不写作“${m[0]}”。`,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      fix: '……',
    });
  }
  return out;
};

const DASH = /—+|―+|-{2,}|－{2,}|－(?=\p{Script=Han})/gu;
/** The dash between Chinese words is —— (two 一字线): a single —, --, ―― are not. */
const dashForm: StringRule = (text, ctx) => {
  const out: RawFinding[] = [];
  for (const m of matches(DASH, text)) {
    if (m[0] === '——') continue;
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    // A single — between figures is the range mark (1—10月), correct as it is.
    if (m[0].length === 1) {
      if (!(isChinese(before) && isChinese(after))) continue;
    } else if (!(isChinese(before) || isChinese(after))) continue;
    if (isShielded(ctx, m.index, m.index + m[0].length)) continue;
    out.push({
      rule: 'dash-form',
      severity: '错误',
      message: `破折号应写作“——”（占两个字的位置，${STD} 4.10），不写作“${m[0]}”。`,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      fix: '——',
    });
  }
  return out;
};

export const punctuationRules: readonly StringRule[] = [
  halfWidthPunct,
  straightQuotes,
  halfWidthBrackets,
  unmatchedMarks,
  repeatedPunct,
  conflictingPunct,
  dunApproxNumber,
  spaceInChinese,
  ellipsisForm,
  dashForm,
];

export type { RuleContext };

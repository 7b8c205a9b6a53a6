/**
 * Official wording (规范提法): the office's list of forms to use and forms not to use. The list
 * is data the office edits, saved as dated versions like the scoring rules (services/proof-
 * wording.ts); this file holds the shipped default set and the rule that applies a list.
 */
import type { RawFinding, RuleContext, WordingEntry } from './types';

/** The default set shipped with the app: forms every county office is asked to write alike. */
export const DEFAULT_WORDING: readonly WordingEntry[] = [
  { wrong: '二十大', right: '党的二十大', keep: ['中共二十大', '党的二十大'], note: '首次出现用全称“中国共产党第二十次全国代表大会”，简称“党的二十大”' },
  { wrong: '十八大以来', right: '党的十八大以来', keep: ['中共十八大以来'], note: '中央文件的规范表述' },
  { wrong: '二十届三中全会', right: '党的二十届三中全会', keep: ['中共二十届三中全会'], note: '中央文件的规范表述' },
  { wrong: '习近平新时代特色社会主义思想', right: '习近平新时代中国特色社会主义思想', note: '党章和中央文件的规范表述，不能缺字' },
  { wrong: '十四五', right: '“十四五”', note: '规划期的简称加引号' },
  { wrong: '十五五', right: '“十五五”', note: '规划期的简称加引号' },
  { wrong: '一带一路', right: '“一带一路”', note: '倡议名称加引号' },
  { wrong: '放管服', right: '“放管服”', note: '改革名称的简称加引号' },
  { wrong: '县委县政府', right: '县委、县政府', note: '两个机关并列，中间加顿号' },
  { wrong: '新冠肺炎', right: '新冠病毒感染', note: '2022年12月26日起国家卫生健康委更名', severity: '建议' },
  { wrong: '两学一做', right: '“两学一做”', note: '学习教育名称的简称加引号' },
];

/** Where `right` (or a kept form) covers [at, at + len): the wrong form is part of a correct one there. */
function covered(text: string, at: number, len: number, forms: readonly string[]): boolean {
  for (const f of forms) {
    // Every start from which f could reach over the match.
    for (let s = text.indexOf(f, Math.max(0, at + len - f.length)); s >= 0 && s <= at; s = text.indexOf(f, s + 1)) {
      if (s + f.length >= at + len) return true;
    }
  }
  return false;
}

export function wordingRule(text: string, ctx: RuleContext): RawFinding[] {
  const list = ctx.options.wording ?? [];
  const out: RawFinding[] = [];
  for (const e of list) {
    if (!e.wrong) continue;
    const forms = [e.right, ...(e.keep ?? [])].filter((f) => f.includes(e.wrong));
    for (let at = text.indexOf(e.wrong); at >= 0; at = text.indexOf(e.wrong, at + e.wrong.length)) {
      if (covered(text, at, e.wrong.length, forms)) continue;
      // A form the list wants quoted is left when it already stands in quotes of either kind.
      if (e.right === `“${e.wrong}”` && (text[at - 1] === '“' || text[at - 1] === '"' || text[at - 1] === '‘')) continue;
      out.push({
        rule: 'official-wording',
        severity: e.severity ?? '错误',
        message: `规范提法为“${e.right}”，不写作“${e.wrong}”${e.note ? `（${e.note}）` : ''}。依据：本单位规范提法表。`,
        start: at,
        end: at + e.wrong.length,
        text: e.wrong,
        fix: e.right,
      });
    }
  }
  return out;
}

/**
 * The proofreading checker (issue 18): an item's title and paragraphs in, findings out.
 * Pure functions only — the renderer runs it as the user types, the services at the doors
 * (bulletin proof, submit, the intake register), so both see the same findings.
 */
import { numberRules } from './numbers';
import { punctuationRules } from './punctuation';
import { shieldMask } from './shield';
import { RULE_IDS, type Finding, type ProofOptions, type RawFinding, type RuleContext, type StringRule } from './types';
import { wordRules } from './words';
import { wordingRule } from './wording';

export * from './types';
export { DEFAULT_WORDING } from './wording';

const RULES: readonly StringRule[] = [...punctuationRules, ...numberRules, ...wordRules, wordingRule];
const ORDER = new Map<string, number>(RULE_IDS.map((r, i) => [r, i]));

/** The key an ignore is kept by: the rule, the text and a few characters either side. */
export function findingKey(text: string, f: Pick<RawFinding, 'rule' | 'start' | 'end'>): string {
  return `${f.rule}|${text.slice(Math.max(0, f.start - 4), f.start)}|${text.slice(f.start, f.end)}|${text.slice(f.end, f.end + 4)}`;
}

/** Every finding in one string (the title when paragraph is null). */
export function checkText(text: string, paragraph: number | null, options: ProofOptions = {}): Finding[] {
  if (!text) return [];
  const ctx: RuleContext = { options, shielded: shieldMask(text), isTitle: paragraph === null };
  const out: Finding[] = [];
  for (const rule of RULES) {
    for (const f of rule(text, ctx)) out.push({ ...f, paragraph, key: findingKey(text, f) });
  }
  return out.sort((a, b) => a.start - b.start || (ORDER.get(a.rule) ?? 0) - (ORDER.get(b.rule) ?? 0));
}

export interface ProofInput {
  title: string;
  paragraphs: ReadonlyArray<{ text: string }>;
}

/** Every finding in an item, title first, then paragraph by paragraph; ignored keys left out. */
export function checkItem(item: ProofInput, options: ProofOptions = {}, ignored: ReadonlySet<string> = new Set()): Finding[] {
  const all = [...checkText(item.title, null, options), ...item.paragraphs.flatMap((p, i) => checkText(p.text, i, options))];
  return ignored.size ? all.filter((f) => !ignored.has(f.key)) : all;
}

/**
 * One string with the given findings' fixes applied (those without a fix are skipped), from
 * the end backwards so earlier offsets hold; of two overlapping fixes the first one wins.
 */
export function applyFixesToText(text: string, findings: readonly Finding[]): string {
  const fixes = findings.filter((f) => f.fix !== undefined).sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Finding[] = [];
  let reach = -1;
  for (const f of fixes) {
    if (f.start < reach || (f.start === reach && f.end === f.start && kept.at(-1)?.start === f.start)) continue;
    kept.push(f);
    reach = Math.max(reach, f.end);
  }
  let out = text;
  for (const f of kept.reverse()) out = out.slice(0, f.start) + f.fix! + out.slice(f.end);
  return out;
}

/** An item with fixes applied: the title and each paragraph by their own findings. */
export function applyFixes<T extends { text: string }>(item: { title: string; paragraphs: readonly T[] }, findings: readonly Finding[]): { title: string; paragraphs: T[] } {
  return {
    title: applyFixesToText(item.title, findings.filter((f) => f.paragraph === null)),
    paragraphs: item.paragraphs.map((p, i) => ({ ...p, text: applyFixesToText(p.text, findings.filter((f) => f.paragraph === i)) })),
  };
}

/**
 * Fix until nothing certain is left (one fix may reveal another: 好!! → 好！! → 好！！ → 好！),
 * at most a few rounds. Only findings `pick` accepts are fixed.
 */
export function fixItem<T extends { text: string }>(
  item: { title: string; paragraphs: readonly T[] },
  options: ProofOptions = {},
  pick: (f: Finding) => boolean = () => true,
  ignored: ReadonlySet<string> = new Set(),
): { title: string; paragraphs: T[]; fixed: number } {
  let cur = { title: item.title, paragraphs: [...item.paragraphs] };
  let fixed = 0;
  for (let round = 0; round < 4; round++) {
    const todo = checkItem(cur, options, ignored).filter((f) => f.fix !== undefined && pick(f));
    if (!todo.length) break;
    const next = applyFixes(cur, todo);
    if (next.title === cur.title && next.paragraphs.every((p, i) => p.text === cur.paragraphs[i]!.text)) break;
    fixed += todo.length;
    cur = next;
  }
  return { ...cur, fixed };
}

/** Counts for the side list and the register: 错误 and 建议. */
export function countFindings(findings: readonly Finding[]): { errors: number; suggestions: number; total: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === '错误') errors++;
  return { errors, suggestions: findings.length - errors, total: findings.length };
}

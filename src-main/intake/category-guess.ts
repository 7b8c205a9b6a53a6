/**
 * The category (栏目) a draft's own wording points to, when it is clear: 问题建议 when it speaks
 * of 问题、建议、对策; 经验 when it speaks of 做法、经验. The title decides when it names one kind
 * only; otherwise the body, when it names one kind only. Anything else is not clear — the user is
 * asked (the 编辑成信息 dialog) rather than given 动态 without a word.
 */
import type { Category } from '../api/schemas';

const CUES: { category: Category; words: readonly string[] }[] = [
  { category: 'problem', words: ['问题', '建议', '对策'] },
  { category: 'practice', words: ['做法', '经验'] },
];

function kinds(text: string): Category[] {
  return CUES.filter((c) => c.words.some((w) => text.includes(w))).map((c) => c.category);
}

export function guessCategory(title: string, body: string): Category | null {
  const inTitle = kinds(title);
  if (inTitle.length === 1) return inTitle[0]!;
  if (inTitle.length > 1) return null;
  const inBody = kinds(body);
  return inBody.length === 1 ? inBody[0]! : null;
}

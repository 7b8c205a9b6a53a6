/**
 * What submitting an issue says about proofreading (issue 18): the unfixed 错误 of its items.
 * A warning, never a refusal — the director reviews the issue anyway. Pure: the renderer and
 * the CLI both print it from here.
 */

export interface ProofWarningItem {
  articleId: number;
  title: string;
  errors: number;
  /** The first few, as 标题/第N段：“,” 中文行文中的…… */
  examples: string[];
}

export interface ProofWarning {
  proofErrors: ProofWarningItem[];
}

export function proofWarningText(w: ProofWarning): string | null {
  if (!w.proofErrors.length) return null;
  const total = w.proofErrors.reduce((n, i) => n + i.errors, 0);
  return `本期有 ${w.proofErrors.length} 条信息还有 ${total} 处校对“错误”未修正（已提交，不影响审核）。请在稿件编辑中查看并一键修正，或确认无误后忽略：`;
}

/** One line per item: 《标题》（信息 #12）：3处错误，如 第2段“,”… */
export function proofWarningLines(w: ProofWarning): string[] {
  return w.proofErrors.map((i) => `《${i.title}》（信息 #${i.articleId}）：${i.errors}处错误${i.examples.length ? `，如 ${i.examples.join('；')}` : ''}`);
}

/**
 * What the audit trail records of one operation: the object it acted on (`issue:12`) and a
 * short summary, derived from the validated input and the result. An op may say it better in
 * its declaration (ops/define.ts AuditSpec); everything else — including ops added later —
 * gets these defaults. Item texts never go in (body, paragraphs); titles and other text are
 * cut short; a `reason` is always kept whole (it is at most 200 characters by its schema).
 */
import type { AuditSpec } from './ops/define';
import { SUBMISSION_STATE_LABELS } from './ops/submissions';
import { FOLLOW_STATUS_LABELS } from './ops/followup';

/** A state as the office says it (状态 已办结, not done); a word not known here stays as given. */
const STATE_WORDS: Record<string, string> = { ...SUBMISSION_STATE_LABELS, ...FOLLOW_STATUS_LABELS };

export interface AuditFacts {
  object: string;
  summary: string;
  /** A small JSON object: the input's short fields and a few facts of the result. */
  detail: Record<string, unknown>;
}

/** Fields that hold an item's text (or a whole file): never logged. */
const NEVER = new Set(['body', 'paragraphs', 'base64', 'original', 'bytes', 'content', 'docx', 'confirm']);
/** Fields kept in full, however long: why something was done. */
const KEEP_WHOLE = new Set(['reason', 'voidReason', 'sha256']);
/** What a result adds to the entry: where a file went, what a signing gave. */
const RESULT_FACTS = ['path', 'fileName', 'sha256', 'number', 'totalNumber', 'status', 'restoredFrom', 'undoBackup', 'title', 'name'];
/** Where a file went or came from: the end of the path is what tells it apart. */
const PATHS = new Set(['path', 'out', 'file', 'folder', 'to', 'restoredFrom', 'undoBackup', 'fileName']);
const SHORT = 40;
const MAX_DETAIL = 3000;

const cut = (v: string, n = SHORT) => (v.length > n ? `${v.slice(0, n)}…` : v);

function shorten(value: unknown, key: string, depth: number): unknown {
  if (NEVER.has(key)) return undefined;
  if (typeof value === 'string') {
    if (KEEP_WHOLE.has(key)) return value;
    if (PATHS.has(key)) return value.length > 300 ? `…${value.slice(-300)}` : value;
    return cut(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) {
    const items = value.slice(0, 20).map((v) => shorten(v, key, depth + 1)).filter((v) => v !== undefined);
    return value.length > 20 ? [...items, `…共${value.length}项`] : items;
  }
  if (typeof value === 'object' && value !== undefined && depth < 2) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const s = shorten(v, k, depth + 1);
      if (s !== undefined) out[k] = s;
    }
    return out;
  }
  return undefined;
}

/** The object's kind from the op's name: issueSign → issue, submissionSetState → submission. */
export function objectKind(opName: string): string {
  return /^[a-z]+/.exec(opName)?.[0] ?? opName;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

function defaultObject(opName: string, args: Record<string, unknown>, result: Record<string, unknown>): string {
  const kind = objectKind(opName);
  const id = num(args.id) ?? num(result.id);
  if (id !== undefined) return `${kind}:${id}`;
  for (const [key, k] of [['issueId', 'issue'], ['articleId', 'article'], ['submissionId', 'submission']] as const) {
    const v = num(args[key]) ?? num(result[key]);
    if (v !== undefined) return `${k}:${v}`;
  }
  return '';
}

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function auditFacts(opName: string, opSummary: string, spec: AuditSpec | undefined, args: unknown, result: unknown): AuditFacts {
  const a = asRecord(args);
  const r = asRecord(result);
  const custom = spec as { object?: (a: unknown, r: unknown) => string; summary?: (a: unknown, r: unknown) => string } | undefined;
  const object = cut(custom?.object?.(args, result) ?? defaultObject(opName, a, r), 60);

  const detail: Record<string, unknown> = {};
  const input = shorten(a, '', 0) as Record<string, unknown>;
  if (Object.keys(input).length > 0) detail.input = input;
  const facts: Record<string, unknown> = {};
  for (const k of RESULT_FACTS) {
    const v = shorten(r[k], k, 1);
    if (v !== undefined && typeof v !== 'object') facts[k] = v;
  }
  if (Object.keys(facts).length > 0) detail.result = facts;
  // A huge input (a rules table, a long list of ids) is cut to what says why and to what.
  if (JSON.stringify(detail).length > MAX_DETAIL) {
    const small: Record<string, unknown> = {};
    for (const k of ['id', 'issueId', 'articleId', 'reason']) if (a[k] !== undefined) small[k] = shorten(a[k], k, 1);
    detail.input = { ...small, 说明: '输入过长，只记录了编号与原因' };
    if (JSON.stringify(detail).length > MAX_DETAIL) delete detail.result;
  }

  const summary = custom?.summary?.(args, result) ?? defaultSummary(opSummary, a, r);
  return { object, summary: cut(summary, 390), detail };
}

/** The operation's name in Chinese: the summary's half before `/ English`. */
export function actionLabel(opSummary: string): string {
  return opSummary.split(/\s*\/\s(?=[A-Za-z])/)[0]!.trim();
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const base = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** A line a person reads in the log beside the operation's name: what, which number, why, where. */
function defaultSummary(opSummary: string, a: Record<string, unknown>, r: Record<string, unknown>): string {
  const parts: string[] = [];
  const title = str(r.title) ?? str(a.title);
  if (title) parts.push(`《${cut(title, 30)}》`);
  const name = str(a.name) ?? str(r.name);
  // a backup's name is its file's name: said once, as the file
  if (name && !title && !(str(r.path) && base(str(r.path)!) === name)) parts.push(cut(name, 30));
  if (num(r.number) !== undefined && (a.signedBy !== undefined || a.reason !== undefined)) {
    parts.push(`第${num(r.number)}期${num(r.totalNumber) !== undefined ? `（总第${num(r.totalNumber)}期）` : ''}`);
  }
  if (str(a.signedBy)) parts.push(`签发人 ${cut(str(a.signedBy)!, 20)}`);
  if (str(a.state)) parts.push(`状态 ${STATE_WORDS[str(a.state)!] ?? str(a.state)}`);
  if (str(a.reason)) parts.push(`原因：${str(a.reason)}`);
  if (str(r.path)) parts.push(`文件：${cut(base(str(r.path)!), 60)}`);
  else if (str(r.fileName)) parts.push(`下载：${cut(str(r.fileName)!, 60)}`);
  if (str(r.restoredFrom)) parts.push(`来自：${cut(base(str(r.restoredFrom)!), 60)}`);
  return parts.length ? parts.join('，') : actionLabel(opSummary);
}

/**
 * The one entry point every door calls: validate the raw input against the contract's schema,
 * run the handler, and turn anything thrown into a typed ApiError.
 */
import { z } from 'zod';
import { ApiError } from './errors';
import { contract, isOpName, type OpName, type OpResult } from './contract';
import { handlers } from './handlers';
import type { Ctx } from '../services/context';
import { translateSqliteError } from '../store/db';

const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  articleIds: '信息编号',
  articleId: '信息编号',
  series: '刊物',
  unit: '报送单位',
  name: '名称',
  title: '标题',
  body: '正文',
  paragraphs: '正文',
  date: '日期',
  signedBy: '签发人',
  reason: '原因',
  year: '年份',
  limit: '条数',
  offset: '起始位置',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `不认识的参数：${issue.keys.join('、')}`;
  const field = issue.path.find((p): p is string => typeof p === 'string');
  const label = field ? (FIELD_LABELS[field] ?? field) : '';
  const msg = issue.message;
  return label && !msg.includes(label) ? `${label}：${msg}` : msg;
}

export function validationError(error: z.ZodError): ApiError {
  const lines = [...new Set(error.issues.slice(0, 5).map(describeIssue))];
  return new ApiError('INVALID_INPUT', `输入有误：${lines.join('；')}`);
}

export function toApiError(e: unknown): ApiError {
  const t = translateSqliteError(e);
  if (t instanceof ApiError) return t;
  const err = t as { code?: string; message?: string };
  if (typeof err.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    // The schema caught what the services should have refused first; still a refusal, not a crash.
    return new ApiError('CONFLICT', `数据不符合规则，未作任何修改（${err.message ?? err.code}）。`);
  }
  return new ApiError('INTERNAL', `程序内部错误：${err.message ?? String(t)}。数据未被修改；请把这条信息告诉维护人员。`);
}

export async function dispatch<K extends OpName>(ctx: Ctx, name: K, rawInput: unknown): Promise<OpResult<K>>;
export async function dispatch(ctx: Ctx, name: string, rawInput: unknown): Promise<unknown>;
export async function dispatch(ctx: Ctx, name: string, rawInput: unknown): Promise<unknown> {
  if (!isOpName(name)) throw new ApiError('INVALID_INPUT', `没有名为“${String(name).slice(0, 60)}”的操作。`);
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  try {
    const handler = handlers[name] as (ctx: Ctx, args: unknown) => unknown;
    return await handler(ctx, parsed.data);
  } catch (e) {
    throw toApiError(e);
  }
}

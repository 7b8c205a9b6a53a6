/**
 * The one entry point every door calls: validate the raw input against the contract's schema,
 * run the handler, and turn anything thrown into a typed ApiError.
 */
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { contract, isOpName, type OpArgs, type OpName, type OpResult } from '../api/contract';
import { handlers } from './handlers';
import type { Ctx } from '../services/context';
import { translateSqliteError, writeRefusal } from '../store/db';
import { auditScope, type PendingAudit } from '../store/audit-scope';
import { writeAuditRow } from '../services/audit';
import { operatorOf, stampNow } from '../services/context';
import { auditFacts } from '../api/audit-entry';
import type { AuditSpec } from '../api/ops/define';

const FIELD_LABELS: Record<string, string> = {
  fix: '修正',
  key: '标识', // a proofreading finding's key (proofIgnore) or a scratch draft's place (draftSave)
  restore: '恢复',
  entries: '规范提法',
  lines: '规范提法',
  thousands: '千分位写法',
  wrong: '不规范写法',
  right: '规范提法',
  note: '说明',
  keep: '也正确的写法',
  severity: '级别',
  id: '编号',
  articleIds: '信息编号',
  articleId: '信息编号',
  series: '刊物',
  unit: '来稿单位',
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
  sort: '排序列',
  dir: '排序方向',
  archived: '归档',
  active: '启用',
  allowDuplicate: '重复登记',
  aliases: '别称',
  withoutUnit: '未填单位',
  by: '经办人',
  category: '栏目',
  cc: '抄送',
  classification: '密级',
  confirm: '确认',
  contactPerson: '联系人',
  contentsHeading: '目录标题',
  continuous: '连续编号',
  scoreRule: '计分规则',
  brief: '简讯',
  copies: '份数',
  dateStyle: '日期格式',
  distribution: '发送范围',
  editor: '责任编辑',
  file: '文件',
  firstNumber: '起始期号',
  firstTotal: '起始总期号',
  folder: '文件夹',
  foreign: '使用其他数据库的备份',
  from: '起始日期',
  to: '截止日期',
  includeInactive: '包含已停用',
  includeInternal: '包含内部信息',
  issueIds: '期编号',
  issueId: '期编号',
  kind: '类型',
  kinds: '类型',
  level: '级别',
  liaisonName: '联系人',
  liaisonPhone: '联系电话',
  mastheadName: '报头名称',
  maxClassification: '最高密级',
  forSeries: '拟编入的刊物',
  newPagePerItem: '每条信息另起一页',
  office: '报送单位全称',
  order: '排序',
  org: '发文单位',
  out: '保存位置',
  path: '文件路径',
  phone: '电话',
  print: '印发设置',
  query: '搜索内容',
  receivedDate: '收稿日期',
  reviewer: '审核人',
  sender: '报送单位信息',
  sensitivityMark: '密级标志',
  shortName: '简称',
  showTotal: '显示总期号',
  state: '状态',
  status: '状态',
  supplement: '增刊',
  text: '内容',
  used: '是否已用',
  verify: '校验',
  answeredDate: '报送日期',
  deadline: '截止日期',
  issueRef: '刊期',
  leader: '批示领导',
  monthly: '每月任务数',
  points: '分值',
  publication: '刊物名称',
  rules: '计分规则',
  topic: '约稿主题',
  units: '来稿单位',
  unitIds: '来稿单位',
  validFrom: '起用日期',
  base64: '文件内容',
  fileName: '文件名',
  draft: '设置进度',
  step: '步骤',
  unitsText: '单位名单',
  sample: '示例期',
  fields: '暂存内容',
  adoptions: '要登记的采用',
  remember: '记住的列',
  columns: '列',
  row: '行号',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    // A key can be any length: show a few, shortened, never the caller's whole text back.
    const keys = issue.keys.slice(0, 5).map((k) => (k.length > 30 ? `${k.slice(0, 30)}…` : k));
    return `不认识的参数：${keys.join('、')}${issue.keys.length > 5 ? ' 等' : ''}`;
  }
  const field = issue.path.find((p): p is string => typeof p === 'string');
  const label = field ? (FIELD_LABELS[field] ?? field) : '';
  const msg = issue.message;
  return label && !msg.includes(label) ? `${label}：${msg}` : msg;
}

/** A refusal quotes at most this much of any one problem: an input can be 200,000 characters. */
const MAX_LINE = 200;

export function validationError(error: z.ZodError): ApiError {
  const short = (line: string) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line);
  const lines = [...new Set(error.issues.slice(0, 5).map((i) => short(describeIssue(i))))];
  // The first problem of each field, for a form to show under it (api/errors.ts ApiErrorShape.fields).
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, 20)) {
    const field = issue.path[0];
    if (typeof field === 'string' && issue.code !== 'unrecognized_keys' && !(field in fields) && field.length <= 40) fields[field] = short(issue.message);
  }
  return new ApiError('INVALID_INPUT', `输入有误：${lines.join('；')}`, fields);
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

/**
 * A Date, Map or Set has no keys of its own, so a schema whose fields are all optional would
 * take it for {}; IPC's structured clone can carry them. Only plain objects (or nothing) pass;
 * everything else is left to the schema to refuse.
 */
function isPlainInput(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The audit trail, put around every operation once, here: each one that is not read-only
 * leaves one entry when it changes the database — who, when, what, on which object, a short
 * summary — written by its write transaction, inside it (store/audit-scope.ts), so the change
 * and its entry commit or roll back together; a refused operation, or one that ends without
 * changing anything (an import that found a duplicate), writes none. One that writes or hands
 * out a file (AuditSpec.file: exports, downloads, backups, a restore) gets its entry here once
 * it has succeeded; for a restore `ctx.db` is by then the restored database, so it goes there.
 */
async function audited(ctx: Ctx, name: OpName, args: unknown, run: () => unknown): Promise<unknown> {
  const def = contract[name] as { readonly: boolean; summary: string; audit?: AuditSpec };
  const file = def.audit?.file === true;
  if (def.readonly && !file) return run();
  const at = stampNow(ctx);
  const operator = operatorOf(ctx);
  const pending: PendingAudit = {
    written: false,
    write: (db, result) => writeAuditRow(db, { at, operator, operation: name, ...auditFacts(name, def.summary, def.audit, args, result) }),
  };
  const result = await auditScope.run(pending, run);
  if (!pending.written && file) {
    // A download may run before the start-up check has passed, or on a read-only connection:
    // a damaged or read-only database is never written to, not even for its log.
    if (def.readonly && (ctx.db.readonly || !(await gatePassed(ctx)))) return result;
    const db = ctx.db;
    db.transaction(() => pending.write(db, result)).immediate();
    pending.written = true;
  }
  return result;
}

/**
 * The entry of an operation that ran outside dispatch(): restoring a database too damaged to
 * open (cli/commands/backups.ts), whose entry goes into the restored file once it is in place.
 */
export function recordAudit<K extends OpName>(ctx: Ctx, name: K, args: OpArgs<K>, result: OpResult<K>): void {
  const def = contract[name] as { summary: string; audit?: AuditSpec };
  const row = { at: stampNow(ctx), operator: operatorOf(ctx), operation: name, ...auditFacts(name, def.summary, def.audit, args, result) };
  ctx.db.transaction(() => writeAuditRow(ctx.db, row)).immediate();
}

async function gatePassed(ctx: Ctx): Promise<boolean> {
  try {
    if (ctx.writeGate) await waitForCheck(ctx.writeGate);
    return true;
  } catch {
    return false;
  }
}

/** The longest a write waits for a running check (issue 14); then it is refused, saying why. */
const CHECK_WAIT_MS = 1000;

async function waitForCheck(gate: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ApiError(
            'BUSY',
            '数据库上次没有正常关闭，正在检查它是否完好（大的数据库需要几十秒）。检查期间暂不能修改，查看和搜索不受影响；请稍候再试。',
          ),
        ),
      CHECK_WAIT_MS,
    );
  });
  try {
    await Promise.race([gate, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Restoring replaces a damaged database, so it must not wait for (or fail on) its check. */
const UNGATED: ReadonlySet<OpName> = new Set<OpName>(['backupRestore']);

export async function dispatch<K extends OpName>(ctx: Ctx, name: K, rawInput: unknown): Promise<OpResult<K>>;
export async function dispatch(ctx: Ctx, name: string, rawInput: unknown): Promise<unknown>;
export async function dispatch(ctx: Ctx, name: string, rawInput: unknown): Promise<unknown> {
  const started = performance.now();
  // Only the operation's name and the outcome's code are logged, never the input or a message.
  const logged = (result: string) => ctx.logger?.op(isOpName(name) ? name : 'unknown', performance.now() - started, result);
  if (!isOpName(name)) {
    logged('INVALID_INPUT');
    throw new ApiError('INVALID_INPUT', `没有名为“${String(name).slice(0, 60)}”的操作。`);
  }
  if (!isPlainInput(rawInput)) {
    logged('INVALID_INPUT');
    throw new ApiError('INVALID_INPUT', '输入有误：参数必须是一组“名称: 值”（普通对象）。');
  }
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    logged('INVALID_INPUT');
    throw validationError(parsed.error);
  }
  // A database on a read-only disk or file, or on a full disk, is opened for reading (store/db.ts): say so before any work.
  if (ctx.db.readonly && !contract[name].readonly && !UNGATED.has(name)) {
    const refusal = writeRefusal(ctx.db);
    logged(refusal.code);
    throw refusal;
  }
  try {
    if (ctx.writeGate && !contract[name].readonly && !UNGATED.has(name)) await waitForCheck(ctx.writeGate);
    const handler = handlers[name] as (ctx: Ctx, args: unknown) => unknown;
    const result = await audited(ctx, name, parsed.data, () => handler(ctx, parsed.data));
    logged('ok');
    return result;
  } catch (e) {
    const err = toApiError(e);
    logged(err.code);
    throw err;
  }
}

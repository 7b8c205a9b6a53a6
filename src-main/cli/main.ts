/**
 * The `bulletin` command: argv → one API call → text or JSON. Exit 0 on success, 2 when the
 * input is refused, 1 on an internal fault, 3 when a check ran and found problems (check, archive verify).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dispatch, toApiError } from '../wiring/dispatch';
import { ApiError, isRefusal } from '../api/errors';
import { loggerFor } from '../log/logger';
import { createCtx, osUserName } from '../services/context';
import { operatorName } from '../api/ops/audit';
import { openDatabase } from '../store/db';
import { resolveDbPath } from '../store/paths';
import { SCHEMA_VERSION } from '../store/migrations';
import { contract } from '../api/contract';
import { COMMANDS } from './commands';
import { commandHelp, groupHelp, mainHelp, usageLine } from './help';
import type { ArgType, CommandContext, CommandSpec } from './spec';
import { pagedOutput, readPages, type PagedResult } from './paged';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

export const VERSION = '0.1.0';
/** The largest text file the CLI reads as a body (an item is at most 200,000 characters). */
const MAX_TEXT_FILE = 20 * 1024 * 1024;

interface Globals {
  db?: string;
  operator?: string;
  json: boolean;
  help: boolean;
  version: boolean;
  rest: string[];
}

function takeGlobals(argv: readonly string[]): Globals {
  const g: Globals = { json: false, help: false, version: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      g.rest.push(...argv.slice(i));
      break;
    }
    if (a === '--json') g.json = true;
    else if (a === '-h' || a === '--help') g.help = true;
    else if (a === '--version') g.version = true;
    else if (a === '--db') {
      const v = argv[++i];
      if (v === undefined) throw new ApiError('INVALID_INPUT', '--db 后面需要数据库文件的路径。');
      g.db = v;
    } else if (a.startsWith('--db=')) g.db = a.slice(5);
    // `bulletin audit list --operator NAME` filters by operator; before `audit` it is the global option.
    else if ((a === '--operator' || a.startsWith('--operator=')) && g.rest[0] === 'audit') g.rest.push(a);
    else if (a === '--operator') {
      const v = argv[++i];
      if (v === undefined) throw new ApiError('INVALID_INPUT', '--operator 后面需要操作人的姓名。');
      g.operator = v;
    } else if (a.startsWith('--operator=')) g.operator = a.slice(11);
    else g.rest.push(a);
  }
  return g;
}

function findCommand(words: readonly string[]): { command?: CommandSpec; used: number } {
  let best: CommandSpec | undefined;
  for (const c of COMMANDS) {
    if (c.path.every((w, i) => words[i] === w) && (!best || c.path.length > best.path.length)) best = c;
  }
  return { command: best, used: best?.path.length ?? 0 };
}

function convert(type: ArgType, raw: string): unknown {
  switch (type) {
    case 'int':
      return /^-?\d{1,16}$/.test(raw) ? Number(raw) : raw;
    case 'ref':
      return /^\d{1,16}$/.test(raw) ? Number(raw) : raw;
    case 'file':
      return readTextFile(raw);
    default:
      return raw;
  }
}

function readTextFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ApiError('INVALID_INPUT', `找不到文件“${file}”。`);
  }
  if (!stat.isFile()) throw new ApiError('INVALID_INPUT', `“${file}”不是文件。`);
  if (stat.size > MAX_TEXT_FILE) throw new ApiError('INVALID_INPUT', `文件“${file}”超过 20 MB，不能作为正文读入。`);
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

function describeParseError(e: Error & { code?: string }): string {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  const flag = quoted.split(' ')[0];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return /^-\d/.test(flag ?? '') ? `${flag} 不是有效的编号（编号是正整数）` : `不认识的选项 ${flag}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${flag} 后面缺少内容，或不应带内容`;
    default:
      return e.message;
  }
}

/** Option keys may name a nested field, e.g. print.distribution.to. */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

function getKey(target: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, p) => (node as Record<string, unknown> | undefined)?.[p], target);
}

export function buildInput(c: CommandSpec, args: readonly string[]): Record<string, unknown> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of c.options ?? []) {
    options[o.flag] = { type: o.type === 'bool' ? 'boolean' : 'string', multiple: o.multiple ?? false };
    if (o.type === 'bool') options[`no-${o.flag}`] = { type: 'boolean' };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new ApiError('INVALID_INPUT', `参数有误：${describeParseError(e as Error & { code?: string })}。用法：${usageLine(c)}`);
  }
  const input: Record<string, unknown> = {};
  for (const o of c.options ?? []) {
    const v = parsed.values[o.flag];
    if (o.type === 'bool') {
      if (v === true) setKey(input, o.key, true);
      if (parsed.values[`no-${o.flag}`] === true) setKey(input, o.key, false);
    } else if (Array.isArray(v)) setKey(input, o.key, v.map((x) => convert(o.type, String(x))));
    else if (typeof v === 'string') {
      if (getKey(input, o.key) !== undefined) throw new ApiError('INVALID_INPUT', `--${o.flag} 与另一个选项重复给出了同一内容。`);
      setKey(input, o.key, convert(o.type, v));
    }
  }
  const positionals = [...parsed.positionals];
  for (const p of c.positionals ?? []) {
    if (p.variadic) {
      if (positionals.length === 0 && !p.optional) throw new ApiError('INVALID_INPUT', `缺少参数 ${p.name}。用法：${usageLine(c)}`);
      input[p.key] = positionals.splice(0).map((x) => convert(p.type, x));
    } else {
      const v = positionals.shift();
      if (v === undefined) {
        if (p.optional) continue;
        throw new ApiError('INVALID_INPUT', `缺少参数 ${p.name}。用法：${usageLine(c)}`);
      }
      input[p.key] = convert(p.type, v);
    }
  }
  if (positionals.length > 0) throw new ApiError('INVALID_INPUT', `多余的参数：${positionals.join(' ')}。用法：${usageLine(c)}`);
  return input;
}

/** Who is working, for the audit log: --operator, else BULLETIN_OPERATOR, else the OS user. */
function operatorFrom(g: Globals, env: NodeJS.ProcessEnv): string {
  const given = g.operator ?? (env.BULLETIN_OPERATOR || undefined);
  if (given === undefined) return osUserName();
  const parsed = operatorName.safeParse(given);
  if (!parsed.success) throw new ApiError('INVALID_INPUT', `操作人有误：${parsed.error.issues[0]?.message ?? '请给出姓名'}（--operator 或 BULLETIN_OPERATOR）。`);
  return parsed.data;
}

/** Commands that create their database where they are told, folder and all. */
const MAKES_OWN_DATABASE: ReadonlySet<string> = new Set(['demo', 'init']);

async function execute(c: CommandSpec, input: Record<string, unknown>, g: Globals, io: CliIo): Promise<unknown> {
  const dbPath = resolveDbPath(g.db, io.env);
  // The desktop's default data folder is made on first use, as the app does; a folder named by
  // --db or BULLETIN_DB must exist (store/db.ts refuses a new database in a missing one, so a
  // mistyped path never looks like lost data). `bulletin init` and the demo make their own.
  if (!g.db && !io.env.BULLETIN_DB && !MAKES_OWN_DATABASE.has(c.path[0]!)) fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const operator = operatorFrom(g, io.env);
  if (c.run) {
    const ctx: CommandContext = { dbPath, json: g.json, operator, stdout: io.stdout, stderr: io.stderr };
    return c.run(input, ctx);
  }
  // The whole-file check (a minute on a large archive) is not on the write path (issue 14): a
  // command that writes checks first only after an unclean stop, and is refused on a file the
  // last check found damaged (store/db.ts 'unclean'); one that only reads cannot make damage
  // worse. `bulletin check` checks on demand.
  const ctx = createCtx(openDatabase(dbPath, { integrityCheck: contract[c.op!].readonly ? 'none' : 'unclean' }));
  ctx.logger = loggerFor(dbPath);
  ctx.operator = operator;
  try {
    if (c.paged) return await readPages(ctx, c.op!, input, g.json);
    return await dispatch(ctx, c.op!, input);
  } finally {
    ctx.db.close();
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let g: Globals = { json: argv.includes('--json'), help: false, version: false, rest: [] };
  try {
    g = takeGlobals(argv);
    if (g.version) {
      io.stdout(g.json ? JSON.stringify({ version: VERSION, schemaVersion: SCHEMA_VERSION }) : `bulletin ${VERSION}（数据版本 ${SCHEMA_VERSION}）`);
      return 0;
    }
    const words = g.rest;
    const { command, used } = findCommand(words);
    if (!command) {
      const group = words[0];
      const isGroup = group !== undefined && COMMANDS.some((c) => c.path[0] === group);
      if (words.length === 0 || (isGroup && (g.help || words.length === 1))) {
        io.stdout(isGroup ? groupHelp(group, COMMANDS) : mainHelp(COMMANDS, VERSION));
        return 0;
      }
      throw new ApiError('INVALID_INPUT', `没有“${words.slice(0, 2).join(' ')}”这个命令。用 bulletin --help 查看全部命令。`);
    }
    if (g.help) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const input = buildInput(command, words.slice(used));
    let result = await execute(command, input, g, io);
    if (command.paged) {
      const { outcome, footer } = pagedOutput(result as PagedResult, g.json);
      if (!g.json && command.print) {
        io.stdout([(command.print as (r: unknown) => string)(outcome), footer].filter(Boolean).join('\n'));
        return 0;
      }
      result = outcome;
    }
    // A command that printed its own JSON (e.g. web's address) returns nothing more to print.
    if (g.json) {
      if (result !== undefined) io.stdout(JSON.stringify(command.json ? (command.json as (r: unknown) => unknown)(result) : result));
    }
    else if (command.print) io.stdout((command.print as (r: unknown) => string)(result));
    return command.exitCode ? (command.exitCode as (r: unknown) => number)(result) : 0;
  } catch (e) {
    const err = toApiError(e);
    io.stderr(`错误：${err.message}`);
    if (g.json) io.stdout(JSON.stringify({ error: err.toJSON() }));
    return isRefusal(err.code) ? 2 : 1;
  }
}

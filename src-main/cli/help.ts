/** Help texts, in Chinese and English, generated from the command table. */
import type { CommandSpec } from './spec';

const GLOBAL_OPTIONS = [
  ['--db PATH', '使用指定的数据库文件（也可用环境变量 BULLETIN_DB）', 'database file (or the BULLETIN_DB variable)'],
  ['--json', '只在标准输出打印一个 JSON 值，供程序读取', 'print exactly one JSON value on stdout'],
  ['--operator NAME', '操作人，记入操作日志（也可用环境变量 BULLETIN_OPERATOR；默认为系统用户名）', 'who is working, for the audit log (or BULLETIN_OPERATOR; default: the OS user)'],
  ['-h, --help', '显示帮助', 'show help'],
  ['--version', '显示版本', 'show the version'],
] as const;

export function usageLine(c: CommandSpec): string {
  const pos = (c.positionals ?? []).map((p) => (p.variadic ? `${p.name}...` : p.optional ? `[${p.name}]` : p.name));
  const hasOptions = (c.options ?? []).length > 0;
  return ['bulletin', ...c.path, ...pos, hasOptions ? '[选项 options]' : ''].filter(Boolean).join(' ');
}

function optionLines(c: CommandSpec): string[] {
  return (c.options ?? []).map((o) => {
    const left = `  --${o.flag}${o.type === 'bool' ? '' : ` ${o.value ?? 'VALUE'}`}`;
    return `${left.padEnd(30)} ${o.zh}\n${''.padEnd(31)} ${o.en}`;
  });
}

export function commandHelp(c: CommandSpec): string {
  const lines = [`用法 Usage: ${usageLine(c)}`, '', c.zh, c.en];
  const opts = optionLines(c);
  if (opts.length) lines.push('', '选项 Options:', ...opts);
  if (c.examples?.length) lines.push('', '示例 Examples:', ...c.examples.map((e) => `  ${e}`));
  lines.push('', '全局选项 Global options: --db PATH, --json, --operator NAME（见 bulletin --help）');
  return lines.join('\n');
}

export function groupHelp(group: string, commands: readonly CommandSpec[]): string {
  const members = commands.filter((c) => c.path[0] === group);
  return [
    `用法 Usage: bulletin ${group} <子命令 subcommand> [选项 options]`,
    '',
    ...members.map((c) => `  ${c.path.join(' ').padEnd(22)} ${c.zh}\n  ${''.padEnd(22)} ${c.en}`),
    '',
    `查看某个子命令的说明 / help on one subcommand: bulletin ${group} <子命令> --help`,
  ].join('\n');
}

export function mainHelp(commands: readonly CommandSpec[], version: string): string {
  const groups = [...new Set(commands.map((c) => c.path[0]!))];
  return [
    `政务信息编印台 Bulletin Desk ${version} — 命令行工具 / command-line tool`,
    '',
    '用法 Usage: bulletin [--db PATH] [--json] [--operator NAME] <命令 command> [参数 arguments]',
    '',
    '命令 Commands:',
    ...groups.flatMap((g) =>
      commands.filter((c) => c.path[0] === g).map((c) => `  ${c.path.join(' ').padEnd(22)} ${c.zh}\n  ${''.padEnd(22)} ${c.en}`),
    ),
    '',
    '全局选项 Global options:',
    ...GLOBAL_OPTIONS.map(([flag, zh, en]) => `  ${flag.padEnd(14)} ${zh}\n  ${''.padEnd(14)} ${en}`),
    '',
    '退出码 Exit codes: 0 成功 success；2 输入被拒绝 input refused；1 程序内部错误 internal fault；3 检查发现问题 check found problems（check、archive verify）',
    '数据库默认位置 Default database: Windows %APPDATA%\\bulletin-desk\\bulletin.db；Linux ~/.config/bulletin-desk/bulletin.db',
  ].join('\n');
}

/** Every help answer the command gives, keyed by its words ('' the main help, 'issue' a group, 'issue sign' a command). */
export interface HelpTable {
  version: string;
  schemaVersion: number;
  texts: Record<string, string>;
  /** The words of every command, for telling `bulletin issue list` (a command) from a group. */
  commands: string[];
}

export function helpTable(commands: readonly CommandSpec[], version: string, schemaVersion: number): HelpTable {
  const texts: Record<string, string> = { '': mainHelp(commands, version) };
  for (const g of new Set(commands.map((c) => c.path[0]!))) texts[g] = groupHelp(g, commands);
  // A one-word command (init, demo, search) has the command's help, not a group's, under its word.
  for (const c of commands) texts[c.path.join(' ')] = commandHelp(c);
  return { version, schemaVersion, texts, commands: commands.map((c) => c.path.join(' ')) };
}

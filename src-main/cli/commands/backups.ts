/**
 * `bulletin backup …`: copies of the database, their list, and restoring one. create and
 * restore are `run` commands only for what a terminal adds: a progress line, and the question
 * before a restore. The work is the API's (backupCreate, backupRestore).
 */
import { contract } from '../../api/contract';
import { localTimeNumeric } from '../../api/display';
import { dispatch, recordAudit } from '../../wiring/dispatch';
import { ApiError } from '../../api/errors';
import type { ArchiveReport, BackupCreated, BackupInfo, BackupList, BackupRestored, BackupStatus, DatabaseCheck } from '../../api/ops/backups';
import { loggerFor } from '../../log/logger';
import { createCtx, type Ctx } from '../../services/context';
import { restoreUnopened } from '../../services/backups';
import { stopBackups } from '../../backup/jobs';
import { openDatabase, type DB } from '../../store/db';
import type { CommandContext, CommandSpec } from '../spec';

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const REASONS: Record<BackupInfo['reason'], string> = { daily: '每日自动', manual: '手动', 'before-migration': '升级前', 'before-restore': '恢复前' };
const HEALTH: Record<BackupInfo['health'], string> = { ok: '完好', damaged: '已损坏', 'not-ours': '不是编印台数据', 'too-new': '版本过新' };

/** Whose backup it is, when not this database's own. */
function owner(b: BackupInfo): string {
  if (b.own || b.health === 'not-ours') return '';
  return b.databaseId ? `  其他数据库（${b.office || '未填写单位名称'}，标识 ${b.databaseId}）` : '  未记录所属数据库（旧版本制作）';
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

async function withCtx<T>(c: CommandContext, fn: (ctx: Ctx) => Promise<T>, db: DB = openDatabase(c.dbPath)): Promise<T> {
  const ctx = createCtx(db);
  ctx.logger = loggerFor(c.dbPath);
  ctx.operator = c.operator;
  try {
    return await fn(ctx);
  } finally {
    // A restore swaps ctx.db for the restored file's connection: close whichever is there now.
    if (ctx.db.open) ctx.db.close();
  }
}

/** A progress line on a terminal, redrawn in place; nothing when output goes to a file or a program. */
function progressLine(ctx: Ctx): () => void {
  if (!process.stderr.isTTY) return () => {};
  const timer = setInterval(() => {
    void dispatch(ctx, 'backupStatus', {}).then((s) => {
      if (s.running) process.stderr.write(`\r正在备份… ${s.running.percent}%`);
    });
  }, 250);
  return () => {
    clearInterval(timer);
    process.stderr.write('\r');
  };
}

async function confirmOnTerminal(file: string, dbPath: string): Promise<boolean> {
  // node:readline loaded only when a restore asks, not when every command starts (issue 14).
  const rl = process.getBuiltinModule('node:readline/promises').createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      `将用备份“${file}”替换数据库“${dbPath}”。\n当前数据库会先另存为恢复前副本，可用它撤销这次恢复。\n确定恢复吗？输入“是”或 yes 确认，其他任何输入都取消：`,
    );
    return ['是', 'yes', 'y'].includes(answer.trim().toLowerCase());
  } finally {
    rl.close();
  }
}

const fmtCreated = (r: BackupCreated) => `已备份：${r.path}（${size(r.size)}，用时 ${(r.ms / 1000).toFixed(1)} 秒）`;

const fmtList = (r: BackupList) =>
  r.backups.length === 0
    ? `备份文件夹“${r.dir}”中还没有备份。用 bulletin backup create 立即备份。`
    : [
        `备份文件夹：${r.dir}`,
        ...r.backups.map(
          (b) =>
            `${localTimeNumeric(b.createdAt)}  ${REASONS[b.reason].padEnd(4, '　')}  ${size(b.size).padStart(9)}  数据版本 ${b.schemaVersion ?? '?'}  ${HEALTH[b.health]}${b.problem ? `（${b.problem}）` : ''}  ${b.name}${owner(b)}`,
        ),
        ...(r.backups.some((b) => !b.own && b.health !== 'not-ours') ? ['（其他数据库的备份不会用来恢复本数据库，除非加 --foreign。）'] : []),
        r.backups.some((b) => b.checked === 'header') ? '（只检查了文件头和长度；加 --verify 做完整检查，恢复时也会完整检查。）' : '（已对每个备份做完整性检查。）',
      ].join('\n');

const fmtRestored = (r: BackupRestored) =>
  [
    r.warning ? `注意：${r.warning}` : '',
    `已从“${r.restoredFrom}”恢复数据库${r.fromVersion < r.schemaVersion ? `（并从数据版本 ${r.fromVersion} 升级到 ${r.schemaVersion}）` : ''}。`,
    r.undoBackup ? `恢复前的数据库已另存为“${r.undoBackup}”；如需撤销，用它再恢复一次。` : '',
  ]
    .filter(Boolean)
    .join('\n');

const fmtStatus = (s: BackupStatus) =>
  [
    s.lastBackup ? `最近一次备份：${localTimeNumeric(s.lastBackup.createdAt)}（${s.lastBackup.ageDays} 天前）${s.lastBackup.name}` : '还没有备份。',
    s.lastExternal ? `最近一次备份到U盘：${localTimeNumeric(s.lastExternal.createdAt)}（${s.lastExternal.ageDays} 天前）${s.lastExternal.path}` : '还没有备份到U盘。',
    ...(s.warning ? [`注意：${s.warning}`] : []),
    ...(s.externalWarning ? [`提示：${s.externalWarning}`] : []),
    `备份文件夹：${s.dir}`,
    s.check.text,
  ].join('\n');

export const backupCommands: readonly CommandSpec[] = [
  {
    path: ['backup', 'create'],
    zh: '立即备份数据库（联机备份，编印台运行时也可以）；默认存到数据文件夹的 backups 中，--to 存到指定文件夹（如U盘）',
    en: 'Back up the database now (online backup); into the data folder’s backups, or --to a folder such as a USB drive',
    options: [{ flag: 'to', key: 'to', type: 'string', value: 'DIR', zh: '存放备份的文件夹（须已存在）', en: 'folder for the copy (must exist)' }],
    run: (input, c) =>
      withCtx(c, async (ctx) => {
        const stop = c.json ? () => {} : progressLine(ctx);
        // Ctrl+C (or a stop signal) stops the copy within a step and removes the unfinished
        // file; the command then says so and ends, instead of dying with a half-written copy.
        const interrupt = () => void stopBackups(c.dbPath);
        for (const s of STOP_SIGNALS) process.on(s, interrupt);
        try {
          return await dispatch(ctx, 'backupCreate', input);
        } finally {
          for (const s of STOP_SIGNALS) process.off(s, interrupt);
          stop();
        }
      }),
    print: fmtCreated,
    examples: ['bulletin backup create', 'bulletin backup create --to E:\\编印台备份'],
  },
  {
    path: ['backup', 'list'],
    op: 'backupList',
    zh: '列出数据文件夹中的备份：时间、原因、大小、数据版本、是否完好',
    en: 'List the backups in the data folder: time, reason, size, schema version, health',
    options: [{ flag: 'verify', key: 'verify', type: 'bool', zh: '对每个备份做完整性检查（较慢）', en: 'run integrity_check on every backup (slower)' }],
    print: fmtList,
  },
  {
    path: ['backup', 'status'],
    op: 'backupStatus',
    zh: '最近一次备份是什么时候，是否需要再备份',
    en: 'How recent the last backup is, and whether one is due',
    print: fmtStatus,
  },
  {
    path: ['backup', 'restore'],
    zh: '从备份恢复数据库：先检查备份，当前数据库另存为恢复前副本，再替换；旧版本的备份会自动升级',
    en: 'Restore the database from a backup: checked first; the current database is kept as an undo copy',
    positionals: [{ name: 'FILE', key: 'file', type: 'string' }],
    options: [
      { flag: 'yes', key: 'yes', type: 'bool', zh: '不再询问，直接恢复（没有终端时必须给出）', en: 'do not ask (required without a terminal)' },
      {
        flag: 'foreign',
        key: 'foreign',
        type: 'bool',
        zh: '允许使用另一个数据库的备份（会先说明两个数据库各是哪个）',
        en: 'accept another database’s backup (both databases are named first)',
      },
    ],
    run: async (input, c) => {
      const file = input.file;
      if (input.yes !== true) {
        if (!process.stdin.isTTY || !process.stderr.isTTY) {
          throw new ApiError('INVALID_INPUT', '恢复会替换当前数据库，需要确认；现在没有终端可以回答。确定要恢复，请加 --yes 再运行一次。数据库没有改动。');
        }
        if (!(await confirmOnTerminal(String(file), c.dbPath))) throw new ApiError('INVALID_INPUT', '已取消恢复，数据库没有改动。');
      }
      const args = { file, confirm: true as const, ...(input.foreign === true ? { foreign: true } : {}) };
      let db: DB | null = null;
      try {
        db = openDatabase(c.dbPath);
      } catch (e) {
        // A damaged database cannot be opened, and that is exactly when a restore is needed.
        if (!(e instanceof ApiError && e.code === 'DB_DAMAGED')) throw e;
      }
      if (db) return withCtx(c, (ctx) => dispatch(ctx, 'backupRestore', args), db);
      const parsed = contract.backupRestore.input.safeParse(args);
      if (!parsed.success) throw new ApiError('INVALID_INPUT', '请给出备份文件的路径。');
      const r = await restoreUnopened(c.dbPath, parsed.data, new Date());
      loggerFor(c.dbPath).event('INFO', 'restore', { damaged: true, fromVersion: r.fromVersion, foreign: r.warning !== null });
      // The audit entry goes into the restored database, as dispatch() does for a normal restore.
      await withCtx(c, async (ctx) => recordAudit(ctx, 'backupRestore', parsed.data, r));
      return r;
    },
    print: fmtRestored,
    examples: ['bulletin backup restore ~/.config/bulletin-desk/backups/bulletin-20261120-083000-daily.db', 'bulletin backup restore E:\\编印台备份\\bulletin-20261120-170500-manual.db --yes'],
  },
];

const fmtVerify = (r: ArchiveReport) =>
  [
    r.ok ? '存档校验通过：' : `存档校验未通过，发现 ${r.findings.length} 处问题：`,
    ...r.findings.map((f, i) => `${i + 1}. ${f.issue}：${f.problem}`),
    `（已签发、已作废的期次 ${r.issues} 期；重新计算校验值的存档文件 ${r.files} 个；封印 ${r.sealed ? `${r.links} 环` : '无（数据库版本早于封印）'}。）`,
    ...(r.ok ? [] : ['请不要再修改这个数据库；用 bulletin backup list --verify 找到本数据库最新的完好备份，并用 bulletin backup restore 恢复。']),
  ].join('\n');

const fmtCheck = (r: DatabaseCheck): string =>
  [
    r.text,
    `  数据库文件逐页检查：${r.pages.ok ? '完好' : `未通过（${r.pages.detail}）`}`,
    `  存档校验：${r.archive === null ? '未进行（数据库文件无法读取）' : r.archive.ok ? '完好' : `发现 ${r.archive.findings} 处问题：${r.archive.summary}`}`,
    ...(r.advice ? ['', r.advice] : []),
  ].join('\n');

export const checkCommands: readonly CommandSpec[] = [
  {
    path: ['check'],
    op: 'databaseCheck',
    zh: '检查数据库：逐页检查数据库文件（quick_check）并校验存档，记下检查时间和结果；完好时退出码 0，发现问题时退出码 3',
    en: 'Check the database now: every page (quick_check) and the archive; records when and what; exit 0 when sound, 3 when not',
    print: fmtCheck,
    exitCode: (r: DatabaseCheck) => (r.ok ? 0 : 3),
    examples: ['bulletin check', 'bulletin --json check'],
  },
];

export const archiveCommands: readonly CommandSpec[] = [
  {
    path: ['archive', 'verify'],
    op: 'archiveVerify',
    zh: '存档校验：重新计算每个存档 Word 文件的校验值和签发、作废记录的封印链；发现问题时逐条列出，退出码 3',
    en: 'Verify the archive: every stored Word file’s hash and the seal chain of signings and voidings; exit 3 listing each finding',
    print: fmtVerify,
    exitCode: (r: ArchiveReport) => (r.ok ? 0 : 3),
    examples: ['bulletin archive verify', 'bulletin --json archive verify'],
  },
];

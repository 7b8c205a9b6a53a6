/**
 * `bulletin issue export-year`: a `run` command only for what a terminal adds to the API's
 * issueExportYear — a progress bar with the count and the time left (stderr, redrawn in place
 * on a terminal; one final line otherwise), and Ctrl+C, which stops the export after the file
 * it is writing so the folder keeps only complete files.
 */
import { dispatch } from '../../wiring/dispatch';
import type { ExportProgress, YearExportResult } from '../../api/ops/year-export';
import { loggerFor } from '../../log/logger';
import { createCtx, type Ctx } from '../../services/context';
import { openDatabase } from '../../store/db';
import type { CommandContext, CommandSpec } from '../spec';

const BAR_WIDTH = 24;
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
/** The shell's code for a command stopped with Ctrl+C. */
export const STOPPED_EXIT = 130;

function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
}

/** `tail` replaces the time left (the last line says 完成 or 已停止 instead). */
export function progressBar(p: Pick<ExportProgress, 'done' | 'total' | 'remainingMs' | 'stopping'>, tail?: string): string {
  const filled = p.total > 0 ? Math.round((p.done / p.total) * BAR_WIDTH) : 0;
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  const pct = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0;
  const left = tail !== undefined ? tail : p.stopping ? '正在停止…' : p.remainingMs === null ? '正在估算剩余时间' : p.done >= p.total ? '' : `约剩 ${duration(p.remainingMs)}`;
  return `${bar} ${p.done}/${p.total} ${String(pct).padStart(3)}%  ${left}`;
}

/**
 * Redraws the bar on a terminal while the export runs. The function it returns ends it with
 * the last state, drawn over the bar on a terminal and as one line otherwise (a file, a program).
 */
function showProgress(ctx: Ctx, c: CommandContext): (last?: string) => void {
  const tty = !c.json && process.stderr.isTTY;
  let shown = '';
  let ended = false;
  const draw = () =>
    void dispatch(ctx, 'exportProgress', { kind: 'yearExport' }).then((s) => {
      if (!s.running || ended) return;
      const line = `导出全年 ${progressBar(s.running)}`;
      // Pad over what a longer previous line left on the terminal.
      process.stderr.write(`\r${line.padEnd(shown.length)}`);
      shown = line;
    });
  const timer = tty ? setInterval(draw, 200) : undefined;
  return (last) => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    if (tty && (shown || last)) process.stderr.write(`\r${(last ?? shown).padEnd(shown.length)}\n`);
    else if (last && !c.json) c.stderr(last);
  };
}

/** Ctrl+C (or a TERM) asks the export to stop after the current file; a second one leaves at once. */
function stopOnSignal(ctx: Ctx, c: CommandContext): () => void {
  let asked = false;
  const onSignal = () => {
    if (asked) {
      // Files are written whole and renamed between two signals, so leaving now leaves no half file.
      process.exit(STOPPED_EXIT);
    }
    asked = true;
    c.stderr('\n正在停止：写完当前文件后停止（再按一次 Ctrl+C 立即退出）……');
    void dispatch(ctx, 'exportStop', { kind: 'yearExport' });
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  return () => {
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
  };
}

export function fmtYearExport(r: YearExportResult): string {
  const signedFiles = r.files.filter((f) => !f.voided).length;
  const voidedFiles = r.files.filter((f) => f.voided).length;
  const missing = r.missing.length
    ? [`注意：以下 ${r.missing.length} 期在存档功能启用前签发，没有存档原件，未导出（可用 bulletin issue export 逐期导出按签发内容重新生成的文件）：${r.missing.map((m) => m.label).join('、')}`]
    : [];
  if (r.stopped) {
    return [
      `已停止：在“${r.dir}”中写完了 ${r.files.length} 个完整文件，没有写刊物目录和 SHA256SUMS。`,
      '再次运行同一命令即可导出全年（已有的文件会被同样的内容替换）。',
      ...missing,
    ].join('\n');
  }
  const name = (p: string | null) => (p ? (p.split(/[\\/]/).pop() ?? p) : '');
  return [
    `已导出《${r.series}》${r.year}年全年到“${r.dir}”：`,
    `  已签发 ${r.signedCount} 期，导出存档原件 ${signedFiles} 个${r.voidedCount ? `；作废 ${r.voidedCount} 期，存档原件 ${voidedFiles} 个在“作废”文件夹中` : ''}`,
    `  刊物目录：${name(r.register)}`,
    `  校验文件：${name(r.sums)}（在该文件夹中运行 sha256sum -c SHA256SUMS 可逐个核对）`,
    `  用时 ${(r.ms / 1000).toFixed(1)} 秒`,
    ...missing,
  ].join('\n');
}

export const yearExportCommands: readonly CommandSpec[] = [
  {
    path: ['issue', 'export-year'],
    zh:
      '导出一个刊物全年的各期：已签发各期的存档原件（逐字节相同）、作废各期放在“作废”子文件夹、刊物目录（Excel）和 SHA256SUMS；' +
      '终端上显示进度，Ctrl+C 在写完当前文件后停止（退出码 130，只留下完整的文件）',
    en:
      'Export a year of a series: every signed issue’s archived Word file, voided ones in 作废/, a register (.xlsx) and SHA256SUMS; ' +
      'progress on the terminal; Ctrl+C stops after the current file (exit 130, only complete files left)',
    options: [
      { flag: 'series', key: 'series', type: 'ref', value: 'NAME|ID', zh: '刊物名称或编号', en: 'series name or id' },
      { flag: 'year', key: 'year', type: 'int', value: 'YYYY', zh: '年份', en: 'year' },
      { flag: 'out', key: 'out', type: 'string', value: 'DIR', zh: '保存到的文件夹（须已存在）', en: 'folder to write into (must exist)' },
    ],
    run: async (input, c) => {
      const ctx = createCtx(openDatabase(c.dbPath));
      ctx.logger = loggerFor(c.dbPath);
      ctx.operator = c.operator;
      const endProgress = showProgress(ctx, c);
      const endSignals = stopOnSignal(ctx, c);
      try {
        const r = await dispatch(ctx, 'issueExportYear', input);
        const done = r.files.length + r.missing.length + (r.register ? 2 : 0);
        endProgress(`导出全年 ${progressBar({ done, total: r.signedCount + r.voidedCount + 2, remainingMs: null, stopping: false }, r.stopped ? '已停止' : '完成')}`);
        return r;
      } finally {
        endProgress();
        endSignals();
        ctx.db.close();
      }
    },
    print: fmtYearExport,
    exitCode: (r: YearExportResult) => (r.stopped ? STOPPED_EXIT : 0),
    examples: ['bulletin issue export-year --series 城关县政务信息 --year 2026 --out E:\\2026年刊物', 'sha256sum -c SHA256SUMS   # 在导出的文件夹中核对'],
  },
];

/**
 * A year of a series in one go (导出全年): every signed issue's archived Word file, the voided
 * ones in 作废/, a register (刊物目录) as Excel and SHA256SUMS; and the progress and stop of
 * the long exports (this one and the packet), which the UI and the CLI poll while they wait.
 */
import { z } from 'zod';
import * as s from '../schemas';
import { audit, op } from './define';

/** The long exports whose progress can be asked for. */
export const TASK_KINDS = ['yearExport', 'packetExport'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface ExportProgress {
  kind: TaskKind;
  /** Files (steps) done, of total. */
  done: number;
  total: number;
  percent: number;
  /** The file being written now. */
  current: string;
  startedAt: string;
  elapsedMs: number;
  /** Estimated from the pace so far; null before the first file is done. */
  remainingMs: number | null;
  /** A stop was asked for; the task ends after the file it is writing. */
  stopping: boolean;
}

export interface YearExportFile {
  issueId: number;
  /** 《城关县政务信息》2026年第12期 */
  label: string;
  /** Relative to the folder, with / (作废/… for a voided issue). */
  file: string;
  sha256: string;
  size: number;
  voided: boolean;
}

export interface YearExportResult {
  /** The folder written to. */
  dir: string;
  seriesId: number;
  series: string;
  year: number;
  /** Signed issues of the year, and voided ones (in 作废/). */
  signedCount: number;
  voidedCount: number;
  /** The files written (complete ones only), in register order. */
  files: YearExportFile[];
  /** Issues without an archived original (signed before archiving existed): listed, never re-rendered. */
  missing: { issueId: number; label: string }[];
  /** The register and the checksums; null when the export was stopped before they were written. */
  register: string | null;
  sums: string | null;
  /** Stopped on request (UI 停止, Ctrl+C) before the end. */
  stopped: boolean;
  ms: number;
}

const kind = z.enum(TASK_KINDS, { error: '类型只能是 yearExport（导出全年）或 packetExport（上报包）' });

export const yearExportOps = {
  issueExportYear: op<YearExportResult>()(
    () => z
      .object({
        series: s.ref('刊物'),
        year: z.number({ error: '年份必须是数字' }).int({ error: '年份必须是整数' }).min(1949, { error: '年份不能早于1949' }).max(2199, { error: '年份不能晚于2199' }),
        out: z.string({ error: '请给出保存的文件夹' }).min(1, { error: '请给出保存的文件夹' }).max(4096, { error: '文件夹路径过长' }),
      })
      .strict(),
    '导出一个刊物全年的存档原件、刊物目录和校验文件 / export a year of signed issues with a register and SHA256SUMS',
    {
      audit: audit<{ year: number }, YearExportResult>({
        file: true,
        object: (_a, r) => `series:${r.seriesId}`,
        summary: (a, r) =>
          `导出《${r.series}》${a.year}年全年：${r.files.length} 期存档原件${r.stopped ? '（中途停止，未写刊物目录和 SHA256SUMS）' : '、刊物目录和 SHA256SUMS'}，文件夹：${r.dir.split(/[\\/]/).pop() ?? r.dir}`,
      }),
    },
  ),
  exportProgress: op<{ running: ExportProgress | null }>()(
    () => z.object({ kind }).strict(),
    '正在进行的导出到了哪里 / progress of a running export',
    true,
  ),
  exportStop: op<{ stopping: boolean }>()(
    () => z.object({ kind }).strict(),
    '停止正在进行的导出（写完当前文件后停止）/ stop a running export after the current file',
    // changes nothing in the database: the stopped export records itself
    true,
  ),
} as const;

/**
 * 年度统计: the year's figures for the 工作总结 — issues per series, items and characters
 * published, drafts per unit, items sent upward and adopted at each level, instructions and the
 * instruction rate, commissions answered, deductions, the units' ranking and the months — for a
 * year or any period, and the same as a Word report and an Excel workbook.
 */
import { z } from 'zod';
import * as s from '../schemas';
import { audit, download, op } from './define';
import type { Level } from '../../scoring/rules';
import type { MonthScore, ScoreTotals, UnitScore } from '../../scoring/compute';
import { daysBetween } from '../../scoring/periods';

export interface SeriesYearFigures {
  seriesId: number;
  /** 清源县政务信息 */
  series: string;
  /** Signed issues that are not supplements; voided ones are counted apart. */
  signed: number;
  supplements: number;
  voided: number;
  /** The first and last 期号 of the signed regular issues in the period (null when none). */
  firstNumber: number | null;
  lastNumber: number | null;
  /** Items printed in its signed issues (supplements included), and their characters (as the word count counts them). */
  items: number;
  chars: number;
}

export interface LevelFigures {
  level: Level;
  /** Adoptions at this level (each publication counts), as the circular counts them. */
  adoptions: number;
  /** Distinct items adopted at this level. */
  adoptedItems: number;
  /** Instructions recorded at this level, and the distinct items they were given on. */
  instructions: number;
  instructedItems: number;
  /** Items with an instruction at this level ÷ items sent upward in the period; null when nothing went up. */
  instructionRate: number | null;
}

export interface CommissionFigures {
  /** Commissions whose deadline lies in the period. */
  commissions: number;
  /** Units asked, over all of them. */
  asked: number;
  onTime: number;
  late: number;
  missing: number;
  /** Deadline not passed yet and not answered. */
  pending: number;
}

export interface DeductionFigures {
  /** Every point deducted in the period (the circular's 扣分 column, summed). */
  points: number;
  /** Hand-entered deductions: how many, and their points. */
  manualCount: number;
  manualPoints: number;
  targetMissedPoints: number;
  commissionPoints: number;
}

export interface MonthYearFigures extends MonthScore {
  /** Signed regular issues (all series), supplements apart. */
  issues: number;
  supplements: number;
  /** Items printed in signed issues, and their characters. */
  items: number;
  chars: number;
  /** Items sent upward (distinct within the month). */
  sentUpward: number;
  instructions: number;
}

/**
 * A further block of the year's figures (the officers' ranking, urgent events…): its sentences
 * go into the report's text, its table into the Word report and onto a sheet of its own.
 */
export interface YearStatsSection {
  key: string;
  /** 信息员排名 */
  title: string;
  sentences: string[];
  table: { headers: string[]; rows: (string | number | null)[][] } | null;
}

export interface YearStats {
  from: string;
  to: string;
  /** 2026年 or 2026年1月1日至6月30日 */
  label: string;
  /** The calendar year when the period is exactly one, else null. */
  year: number | null;
  /** 清源县2026年政务信息工作统计 */
  title: string;
  /** 清源县 (from the office's name), '' when it cannot be told. */
  county: string;
  /** The office the report is from (the sender's office, else the first series' compiling office). */
  org: string;
  /** Figures are as of this day when the period is not over. */
  today: string;
  series: SeriesYearFigures[];
  issues: { signed: number; supplements: number; voided: number; items: number; chars: number };
  /** Drafts received (the circular's 报送), all units and 未填单位. */
  received: number;
  upward: { packets: number; items: number };
  levels: LevelFigures[];
  instructions: { total: number; items: number; rate: number | null };
  commissions: CommissionFigures;
  deductions: DeductionFigures;
  /** The circular's totals for the same period. */
  totals: ScoreTotals;
  /** The circular's rows, ranked (the 未填单位 row last). */
  units: UnitScore[];
  silentUnits: string[];
  notAdvanced: string[];
  criticised: string[];
  months: MonthYearFigures[];
  /** The figures as sentences for the 工作总结, in order. */
  sentences: string[];
  /** Further blocks (see YEAR_STATS_SECTIONS in services/year-stats.ts). */
  sections: YearStatsSection[];
}

export interface YearStatsPaths {
  docx: string;
  xlsx: string;
}

export interface YearStatsFile {
  fileName: string;
  base64: string;
}

const MAX_PERIOD_DAYS = 3660;
const validDate = s.isoDate('日期');

const periodFields = {
  year: z.number({ error: '年份必须是数字' }).int({ error: '年份必须是整数' }).min(1949, { error: '年份不能早于1949' }).max(2199, { error: '年份不能晚于2199' }).optional(),
  ...s.dateRange,
};

function checkPeriod(v: { year?: number; from?: string; to?: string }, ctx: z.RefinementCtx): void {
  const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
  if (v.year !== undefined) {
    if (v.from !== undefined || v.to !== undefined) fail('请只用一种方式给出期间：年份，或起止日期');
    return;
  }
  if (v.from === undefined && v.to === undefined) return fail('请给出年份（例如 --year 2026），或起止日期（例如 --from 2026-01-01 --to 2026-06-30）');
  if (v.from === undefined || v.to === undefined) return fail('请同时给出起始日期和截止日期');
  if (!validDate.safeParse(v.from).success || !validDate.safeParse(v.to).success) return;
  if (v.from > v.to) return fail(`起始日期 ${v.from} 晚于截止日期 ${v.to}`);
  if (daysBetween(v.from, v.to) > MAX_PERIOD_DAYS) fail('统计期间最长十年');
}

const periodInput = <E extends z.ZodRawShape>(extra: E) =>
  z
    .object({ ...periodFields, ...extra })
    .strict()
    .superRefine((v, ctx) => checkPeriod(v as { year?: number; from?: string; to?: string }, ctx));

const out = z.string({ error: '请给出保存的文件夹' }).min(1, { error: '请给出保存的文件夹' }).max(4096, { error: '文件夹路径过长' });

export const statsOps = {
  statsYear: op<YearStats>()(() => periodInput({}), '年度统计：全年（或一个期间）的编发、报送、上报采用、批示、约稿、扣分和排名 / the year\'s figures', true),
  statsYearExport: op<YearStatsPaths>()(
    () => periodInput({ out }),
    '导出年度统计（Word 报告与 Excel 表格）/ write the year\'s figures as .docx and .xlsx',
    {
      audit: audit<{ out: string }, YearStatsPaths>({
        file: true,
        object: () => '',
        summary: (_a, r) => `导出年度统计：${r.docx.split(/[\\/]/).pop() ?? r.docx}、${r.xlsx.split(/[\\/]/).pop() ?? r.xlsx}`,
      }),
    },
  ),
  statsYearFiles: op<YearStatsFile[]>()(
    () => periodInput({}),
    '取得年度统计文件内容（浏览器模式下载用）/ the year\'s report files as base64, for download',
    download,
  ),
} as const;

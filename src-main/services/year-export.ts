/**
 * 导出全年: a year of one series in one folder, as the office files it away — every signed
 * issue's archived Word file byte for byte (never rendered again), the voided ones in 作废/,
 * the register 《…年刊物目录》 as Excel and SHA256SUMS over all of it (`sha256sum -c` checks the
 * folder). Every refusal comes before the first file. Each file is written under a temporary
 * name and renamed, and the task yields between files so the UI or the terminal can show
 * progress and stop it: a stopped export leaves only complete files, and no register or
 * checksums, which are written last and so always describe a complete year.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { YearExportFile, YearExportResult } from '../api/ops/year-export';
import { CATEGORY_LABELS } from '../api/schemas';
import { countChars } from '../api/text';
import type { RegisterIssue, RegisterModel } from '../export/year-register';
import { printedSeriesName } from '../store/printed-series';
import { archivedFile, issueFileName, sha256 } from './archive';
import { safeFileName } from '../export/file-names';
import { localDate, type Ctx } from './context';
import { issueArticles, issueLabel, type IssueRow } from './issues';
import { beginTask, endTask, yieldToLoop } from './long-tasks';
import { existingFolder, writeAtomically } from './output-files';
import { findSeriesRow } from './series';

export const VOIDED_FOLDER = '作废';
export const SUMS_FILE = 'SHA256SUMS';

type YearRow = Pick<IssueRow, 'id' | 'series' | 'status' | 'supplement' | 'date' | 'year' | 'number' | 'total_number' | 'signed_by' | 'void_reason'>;

function yearRows(ctx: Ctx, seriesId: number, year: number): YearRow[] {
  return ctx.db
    .prepare(
      `SELECT i.id, ${printedSeriesName('i', 's')} AS series, i.status, i.supplement, i.date, i.year, i.number, i.total_number, i.signed_by, i.void_reason
       FROM issues i JOIN series s ON s.id = i.series_id
       WHERE i.series_id = ? AND i.year = ? AND i.status IN ('signed', 'voided')
       ORDER BY i.supplement, i.number, i.id`,
    )
    .all(seriesId, year) as YearRow[];
}

function seriesOf(ctx: Ctx, ref: number | string) {
  try {
    return findSeriesRow(ctx, ref);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NOT_FOUND') {
      throw new ApiError('NOT_FOUND', `${e.message}请核对刊物名称或编号（bulletin series list 列出全部刊物）。没有写入任何文件。`);
    }
    throw e;
  }
}

function refuseEmptyYear(ctx: Ctx, seriesId: number, series: string, year: number): never {
  const years = (
    ctx.db.prepare("SELECT DISTINCT year FROM issues WHERE series_id = ? AND status = 'signed' ORDER BY year DESC LIMIT 12").all(seriesId) as { year: number }[]
  ).map((r) => `${r.year}年`);
  throw new ApiError(
    'INVALID_STATE',
    `《${series}》${year}年没有已签发的期次，没有可导出的内容，没有写入任何文件。` +
      (years.length ? `已有签发期次的年份：${years.join('、')}，请换一个年份。` : '这个刊物还没有签发过任何一期。'),
  );
}

/** The folder must exist and take files: checked before anything is written. */
function writableFolder(out: string): string {
  const dir = existingFolder(out, {
    missing: (d) => `文件夹“${d}”不存在。请先插入 U 盘或新建该文件夹，再导出。没有写入任何文件。`,
    notFolder: (d) => `“${d}”不是文件夹。请给出保存全年刊物的文件夹。没有写入任何文件。`,
  });
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EROFS') throw new ApiError('READ_ONLY', `文件夹“${dir}”在只读的磁盘上。请换一个可写的文件夹（或取消 U 盘的写保护）。没有写入任何文件。`);
    throw new ApiError('INVALID_INPUT', `文件夹“${dir}”不能写入（没有写入权限）。请换一个文件夹。没有写入任何文件。`);
  }
  const voided = path.join(dir, VOIDED_FOLDER);
  if (fs.existsSync(voided) && !fs.statSync(voided).isDirectory()) {
    throw new ApiError('INVALID_INPUT', `“${voided}”是一个文件，作废的期次要放进同名的文件夹。请换一个文件夹，或移走这个文件。没有写入任何文件。`);
  }
  return dir;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A process killed outright (power cut, kill -9) mid-file leaves its temporary file behind
 * (output-files.ts names it `.NAME.PID.tmp`): those of this export's files whose writer is
 * gone are removed before it starts, so the folder ends with complete files only.
 */
function removeStaleTemps(dir: string, names: ReadonlySet<string>): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const m = /^\.(.+)\.(\d+)\.tmp$/.exec(e);
    if (m && names.has(m[1]!) && Number(m[2]) !== process.pid && !processAlive(Number(m[2]))) fs.rmSync(path.join(dir, e), { force: true });
  }
}

interface Planned {
  row: YearRow;
  /** Relative path with '/', 作废/… for a voided issue. */
  file: string;
}

/** Signed issues first, by number, then the voided ones; a clash of names (never expected) gets the issue's id. */
function plan(rows: readonly YearRow[]): Planned[] {
  const used = new Set<string>();
  const ordered = [...rows.filter((r) => r.status === 'signed'), ...rows.filter((r) => r.status === 'voided')];
  return ordered.map((row) => {
    let name = issueFileName(row);
    if (used.has(`${row.status}/${name}`)) name = name.replace(/\.docx$/, `（编号${row.id}）.docx`);
    used.add(`${row.status}/${name}`);
    return { row, file: row.status === 'voided' ? `${VOIDED_FOLDER}/${name}` : name };
  });
}

function registerIssue(ctx: Ctx, p: Planned, written: YearExportFile | undefined): RegisterIssue {
  return {
    number: p.row.number ?? 0,
    supplement: p.row.supplement === 1,
    totalNumber: p.row.total_number,
    date: p.row.date,
    signedBy: p.row.signed_by,
    voided: p.row.status === 'voided',
    voidReason: p.row.void_reason,
    items: issueArticles(ctx, p.row.id).map((a) => ({
      position: a.position,
      title: a.title,
      unit: a.unit,
      category: CATEGORY_LABELS[a.category],
      chars: countChars(a.paragraphs),
    })),
    file: written?.file ?? '',
    sha256: written?.sha256 ?? '',
  };
}

const fullPath = (dir: string, rel: string) => path.join(dir, ...rel.split('/'));

export async function exportYear(ctx: Ctx, args: OpArgs<'issueExportYear'>): Promise<YearExportResult> {
  const started = performance.now();
  const series = seriesOf(ctx, args.series);
  const rows = yearRows(ctx, series.id, args.year);
  if (!rows.some((r) => r.status === 'signed')) refuseEmptyYear(ctx, series.id, series.name, args.year);
  const dir = writableFolder(args.out);
  const planned = plan(rows);
  const registerName = `${safeFileName(`${series.name}${args.year}年刊物目录`)}.xlsx`;
  removeStaleTemps(dir, new Set([...planned.filter((p) => p.row.status === 'signed').map((p) => p.file), registerName, SUMS_FILE]));
  removeStaleTemps(path.join(dir, VOIDED_FOLDER), new Set(planned.filter((p) => p.row.status === 'voided').map((p) => p.file.slice(VOIDED_FOLDER.length + 1))));

  // Every file, then the register, then the checksums.
  const task = beginTask(ctx, 'yearExport', planned.length + 2);
  const files: YearExportFile[] = [];
  const missing: YearExportResult['missing'] = [];
  const result = (stopped: boolean, register: string | null, sums: string | null): YearExportResult => ({
    dir,
    seriesId: series.id,
    series: series.name,
    year: args.year,
    signedCount: rows.filter((r) => r.status === 'signed').length,
    voidedCount: rows.filter((r) => r.status === 'voided').length,
    files,
    missing,
    register,
    sums,
    stopped,
    ms: Math.round(performance.now() - started),
  });
  try {
    for (const p of planned) {
      if (task.stop.signal.aborted) return result(true, null, null);
      task.current = p.file;
      const stored = archivedFile(ctx, p.row.id);
      if (stored) {
        if (p.row.status === 'voided') fs.mkdirSync(path.join(dir, VOIDED_FOLDER), { recursive: true });
        writeAtomically(fullPath(dir, p.file), stored.bytes, { mayBeOpen: true });
        files.push({ issueId: p.row.id, label: issueLabel(p.row), file: p.file, sha256: stored.sha256, size: stored.bytes.length, voided: p.row.status === 'voided' });
      } else {
        // Signed before archiving existed: there is no original to copy, and a new rendering is not one.
        missing.push({ issueId: p.row.id, label: issueLabel(p.row) });
      }
      task.done++;
      await yieldToLoop();
    }
    if (task.stop.signal.aborted) return result(true, null, null);

    task.current = registerName;
    const byIssue = new Map(files.map((f) => [f.issueId, f]));
    const issues: RegisterIssue[] = [];
    for (const p of planned) {
      issues.push(registerIssue(ctx, p, byIssue.get(p.row.id)));
      // Hundreds of issues' items take a moment: still answer progress and stop meanwhile.
      if (issues.length % 50 === 0) {
        await yieldToLoop();
        if (task.stop.signal.aborted) return result(true, null, null);
      }
    }
    const model: RegisterModel = { series: series.name, year: args.year, madeOn: localDate(ctx.now()), issues };
    // Loaded here, not at start-up: exceljs is heavy and only this and the circular need it.
    const { renderYearRegister } = await import('../export/year-register');
    const xlsx = await renderYearRegister(model);
    // A stop that came while the workbook was made: the register and the sums go together or not at all.
    if (task.stop.signal.aborted) return result(true, null, null);
    writeAtomically(path.join(dir, registerName), xlsx, { mayBeOpen: true });
    task.done++;

    task.current = SUMS_FILE;
    // sha256sum's own format: hash, two spaces, the name relative to the folder, LF.
    const sums = [...files.map((f) => `${f.sha256}  ${f.file}\n`), `${sha256(xlsx)}  ${registerName}\n`].join('');
    writeAtomically(path.join(dir, SUMS_FILE), Buffer.from(sums, 'utf8'));
    task.done++;
    return result(false, path.join(dir, registerName), path.join(dir, SUMS_FILE));
  } finally {
    endTask(ctx, task);
  }
}

/**
 * Reading the city's adoption list (采用情况表): the first sheet of an .xlsx (Excel's or WPS's),
 * its header row found among the first rows (a list often starts with a title line), the
 * columns guessed from the header words, and each row's cells read as title, unit, publication,
 * issue, date, level and kind. Reading only; adoption-import.ts matches and records.
 */
import { ApiError } from '../api/errors';
import { cleanLine } from '../api/text';
import { SHEET_FIELDS, SHEET_FIELD_LABELS, type SheetColumns, type SheetField } from '../api/ops/adoption-sheet';
import { KINDS_BY_LEVEL, type AdoptionKind, type Level } from '../scoring/rules';
import { cellText, checkZip } from './unit-sheet';

export interface SheetTable {
  sheet: string;
  /** Cells of each non-empty row, with Excel's row number. */
  rows: { row: number; cells: string[] }[];
}

const LIMITS = { bytes: 10 * 1024 * 1024, rows: 5000 } as const;
const WHAT = '采用情况表';

/** Header words each column is known by; a header containing one of them counts too (信息标题, 采用刊物名称). */
const HEADER_WORDS: Record<SheetField, readonly string[]> = {
  title: ['标题', '题目', '信息名称', '稿件名称'],
  unit: ['单位', '县区', '县市区', '地区', '供稿', '来稿'],
  publication: ['刊物', '载体', '采用栏目'],
  issue: ['期号', '期数', '期次', '刊期'],
  date: ['日期', '时间'],
  level: ['级别', '层级'],
  kind: ['类型', '类别', '采用方式', '形式'],
};

const clean = (h: string) => cleanLine(h).normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

/** Which field a header cell names, if any. */
function fieldOf(header: string): SheetField | undefined {
  const h = clean(header);
  if (!h) return undefined;
  return SHEET_FIELDS.find((f) => HEADER_WORDS[f].some((w) => h.includes(w)));
}

/** The header row: among the first ten rows, the one naming most known columns (a title line names none). */
export function findHeader(table: SheetTable): number {
  let best = 0;
  let bestCount = 0;
  table.rows.slice(0, 10).forEach((r, i) => {
    const n = new Set(r.cells.map(fieldOf).filter(Boolean)).size;
    if (n > bestCount) [best, bestCount] = [i, n];
  });
  return best;
}

/** Guessed from the header words, each field at most once, the first column that fits. */
export function guessColumns(headers: readonly string[]): SheetColumns {
  const out = Object.fromEntries(SHEET_FIELDS.map((f) => [f, null])) as SheetColumns;
  headers.forEach((h, i) => {
    const f = fieldOf(h);
    if (f && out[f] === null) out[f] = i;
  });
  return out;
}

/** The remembered header words (settings) found again in this sheet's header. */
export function rememberedColumns(headers: readonly string[], remembered: Partial<Record<SheetField, string>>): Partial<SheetColumns> {
  const out: Partial<SheetColumns> = {};
  for (const f of SHEET_FIELDS) {
    const word = remembered[f];
    if (word === undefined) continue;
    if (word === '') out[f] = null;
    else {
      const at = headers.findIndex((h) => clean(h) === clean(word));
      if (at >= 0) out[f] = at;
    }
  }
  return out;
}

export async function readAdoptionTable(bytes: Buffer, fileName: string): Promise<SheetTable> {
  if (bytes.length === 0) throw new ApiError('INVALID_INPUT', '文件是空的（0 字节）。');
  if (bytes.length > LIMITS.bytes) throw new ApiError('INVALID_INPUT', `文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，采用情况表不会这么大。请检查是否选错了文件。`);
  const head = bytes.subarray(0, 4);
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new ApiError('INVALID_INPUT', '这是旧版 Excel（.xls）文件，无法直接读取。请用 Excel 或 WPS 打开，选择“文件 → 另存为”，保存为“Excel 工作簿（*.xlsx）”后再导入。');
  }
  if (!(head[0] === 0x50 && head[1] === 0x4b)) {
    throw new ApiError('INVALID_INPUT', `“${fileName}”不是 Excel 工作簿（.xlsx），无法作为采用情况表读取。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。`);
  }
  await checkZip(bytes, WHAT);
  // Loaded at first use, not at start: every command would pay for it (issue 14).
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ApiError('INVALID_INPUT', 'Excel 文件无法读取（可能已损坏或不是 .xlsx）。请用 Excel 或 WPS 打开后“另存为” .xlsx 再导入。');
  }
  const sheet = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!sheet) throw new ApiError('INVALID_INPUT', 'Excel 文件中没有工作表。');
  const rows: SheetTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      if (col <= 200) cells[col - 1] = cellText(c.value).trim();
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (filled.some((c) => c !== '')) rows.push({ row: n, cells: filled });
  });
  if (rows.length === 0) throw new ApiError('INVALID_INPUT', `工作表“${sheet.name}”是空的，没有可读的采用记录。`);
  if (rows.length > LIMITS.rows) throw new ApiError('INVALID_INPUT', `工作表有 ${rows.length} 行，超过 ${LIMITS.rows} 行，不像是采用情况表。请检查文件。`);
  return { sheet: sheet.name, rows };
}

/** The title column must be known: without it nothing can be matched. */
export function assertTitleColumn(columns: SheetColumns, headers: readonly string[]): void {
  if (columns.title !== null) return;
  const seen = headers.filter(Boolean).slice(0, 8).join('、') || '（空）';
  throw new ApiError(
    'INVALID_INPUT',
    `没有找到“标题”列（表头是：${seen.slice(0, 120)}）。请在表头写明“标题”或“题目”，或在对话框中指定哪一列是${SHEET_FIELD_LABELS.title}。`,
  );
}

// ---- cells ------------------------------------------------------------------------------------

const LEVEL_WORDS: [RegExp, Level][] = [
  [/省/, 'province'],
  [/市/, 'city'],
  [/县|区/, 'county'],
  [/^province$/i, 'province'],
  [/^city$/i, 'city'],
  [/^county$/i, 'county'],
];

export function parseLevel(text: string): Level | undefined {
  const t = clean(text);
  return LEVEL_WORDS.find(([re]) => re.test(t))?.[1];
}

/**
 * 全文/单条 → single, 综合/调研 → research; a 简讯 at the city or province counts as a single item
 * there (their tables score only those two), at the county it is a 简讯.
 */
export function parseKind(text: string, level: Level): AdoptionKind | undefined {
  const t = clean(text);
  if (!t) return undefined;
  const upward = level !== 'county';
  if (/综合|调研|专报/.test(t)) return upward ? 'research' : undefined;
  if (/每日要情/.test(t)) return upward ? undefined : 'daily';
  if (/网站|今日/.test(t)) return upward ? undefined : 'web';
  if (/简讯|简报|摘要/.test(t)) return upward ? 'single' : 'brief';
  if (/全文|单条|单篇|信息|采用|single/i.test(t)) return 'single';
  const code = (KINDS_BY_LEVEL[level] as readonly string[]).find((k) => k === t.toLowerCase());
  return code as AdoptionKind | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-11-05, 2026/11/5, 2026.11.5, 2026年11月5日, or an Excel day number; null when not a date. */
export function parseDate(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  if (!t) return null;
  const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (/^\d{5}(\.\d+)?$/.test(t)) {
    // Excel's day number (1900 system), as a cell kept as text or a number shows it.
    const day = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(t)) * 86_400_000);
    [y, mo, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  } else return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** The publication's name as kept: without 《》. */
export const publicationName = (text: string) => cleanLine(text).replace(/^《|》$/g, '').trim();

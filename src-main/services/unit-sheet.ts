/**
 * The unit list as a spreadsheet (单位名单): one sheet, a header row, one unit per row, so an
 * office can keep it in Excel or WPS, send it round, and bring it back. Read from an .xlsx
 * (Excel's, WPS's or any other writer's), a .csv (Excel saves those in GBK on Chinese Windows),
 * or text pasted from a sheet (tab-separated columns, one unit per line). Reading only parses
 * and checks each row on its own; unit-import.ts decides against the database.
 */
import type ExcelJS from 'exceljs';
import type Yauzl from 'yauzl';
import { ApiError } from '../api/errors';
import { cleanLine, findEmoji } from '../api/text';
import { LIMITS, UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../api/schemas';
import type { Unit } from '../api/types';
import type { UnitSheet, UnitSheetRow } from '../api/ops/units';

export type { UnitSheet, UnitSheetRow };
import { decodeText } from '../intake/read-text';
import { IntakeRefusal } from '../intake/formats';

export const SHEET_NAME = '单位名单';
/** The columns in the order export writes them; import finds them by header, in any order. */
export const SHEET_COLUMNS = ['单位名称', '简称', '别称', '类别', '状态'] as const;
type Column = 'name' | 'shortName' | 'aliases' | 'kind' | 'active';

/** Header words each column is known by (WPS templates and older lists say 单位, 类型, 别名…). */
const HEADERS: Record<Column, readonly string[]> = {
  name: ['单位名称', '名称', '单位', '单位全称', '报送单位', '来稿单位'],
  shortName: ['简称', '单位简称'],
  aliases: ['别称', '别名', '其他名称'],
  kind: ['类别', '类型', '单位类别', '单位类型'],
  active: ['状态', '启用'],
};

/** A unit list is a few hundred rows; these keep a wrong or hostile file from costing much. */
export const SHEET_LIMITS = { bytes: 10 * 1024 * 1024, rows: 5000, zipEntries: 500, unpacked: 100 * 1024 * 1024 } as const;

/** What the 类别 column may say: the labels, the common words offices use, and the codes. */
const KIND_WORDS: Record<string, UnitKind> = {
  镇: 'town', 乡: 'town', 乡镇: 'town', 镇人民政府: 'town', 乡人民政府: 'town', town: 'town',
  街道: 'street', 街道办: 'street', 街道办事处: 'street', street: 'street',
  县直部门: 'department', 部门: 'department', 县直单位: 'department', 县直: 'department', department: 'department',
  其他: 'other', 其它: 'other', other: 'other',
};

const MAX_PROBLEMS_SHOWN = 30;

/** The problems as one refusal text, row by row. */
export function problemsMessage(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const more = problems.length > shown.length ? `\n……另有 ${problems.length - shown.length} 处问题` : '';
  return `单位名单有 ${problems.length} 处问题，没有导入任何单位（数据未作修改）。请在表格中改正后重新导入：\n${shown.join('\n')}${more}`;
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v as unknown);
}

const splitNames = (text: string) => text.split(/[,，、;；\n]+/).map((x) => cleanLine(x)).filter(Boolean);

/** Which column holds which field, from the header row; null when no 单位名称 column is found. */
function mapHeader(cells: readonly string[]): Partial<Record<Column, number>> | null {
  const out: Partial<Record<Column, number>> = {};
  cells.forEach((raw, i) => {
    const h = cleanLine(raw).replace(/[\s（(].*$/, '');
    for (const col of Object.keys(HEADERS) as Column[]) {
      if (out[col] === undefined && HEADERS[col].includes(h)) out[col] = i;
    }
  });
  return out.name === undefined ? null : out;
}

function checkName(what: string, value: string, at: string, problems: string[]): boolean {
  if ([...value].length > LIMITS.name) {
    problems.push(`${at}${what}“${value.slice(0, 20)}…”超过${LIMITS.name}个字`);
    return false;
  }
  const emoji = findEmoji(value);
  if (emoji) {
    problems.push(`${at}${what}“${value}”中有表情符号（${emoji}），公文字体无法印出，请删去`);
    return false;
  }
  return true;
}

/** Rows of cells (header first) → checked unit rows. `rowOf(i)` numbers the i-th data row as the user sees it. */
export function parseRows(table: readonly (readonly string[])[], rowOf: (i: number) => number, headerRequired: boolean): UnitSheet {
  const problems: string[] = [];
  const unit = '行';
  const headerAt = table.findIndex((cells) => cells.some((c) => c.trim() !== ''));
  const header = headerAt < 0 ? null : mapHeader(table[headerAt]!);
  if (!header && headerRequired && headerAt >= 0) {
    const seen = table[headerAt]!.filter((c) => c.trim()).slice(0, 5).join('、');
    throw new ApiError('INVALID_INPUT', `没有找到“单位名称”列（第一行是：${seen.slice(0, 100)}）。请把表格第一行写成列名：${SHEET_COLUMNS.join('、')}。`);
  }
  // Typed or pasted text may have no header: its columns are then taken in export's order.
  const cols: Partial<Record<Column, number>> = header ?? { name: 0, shortName: 1, aliases: 2, kind: 3, active: 4 };
  const first = header ? headerAt + 1 : 0;
  if (table.length - first > SHEET_LIMITS.rows) {
    throw new ApiError('INVALID_INPUT', `单位名单有 ${table.length - first} 行，超过 ${SHEET_LIMITS.rows} 行，不像是单位名单。请检查文件。`);
  }
  const rows: UnitSheetRow[] = [];
  const seen = new Map<string, number>();
  // Without a header a short line names fewer columns: what it leaves out is kept, not cleared.
  const cell = (cells: readonly string[], col: Column) => {
    const at = cols[col];
    if (at === undefined || (!header && at >= cells.length)) return undefined;
    return cleanLine(cells[at] ?? '');
  };
  for (let i = first; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const rowNo = rowOf(i);
    const at = `第${rowNo}${unit}：`;
    const name = cell(cells, 'name') ?? '';
    if (!name) {
      problems.push(`${at}单位名称为空`);
      continue;
    }
    if (!checkName('单位名称', name, at, problems)) continue;
    const before = seen.get(name);
    if (before !== undefined) {
      problems.push(`${at}单位名称“${name}”与第${before}${unit}重复`);
      continue;
    }
    seen.set(name, rowNo);
    const out: UnitSheetRow = { row: rowNo, name };
    const shortName = cell(cells, 'shortName');
    if (shortName !== undefined) {
      if (!checkName('简称', shortName, at, problems)) continue;
      out.shortName = shortName;
    }
    const aliases = cell(cells, 'aliases');
    if (aliases !== undefined) {
      const list = [...new Set(splitNames(aliases))];
      if (list.length > 200 || !list.every((a) => checkName('别称', a, at, problems))) continue;
      out.aliases = list;
    }
    const kind = cell(cells, 'kind');
    if (kind) {
      const k = KIND_WORDS[kind] ?? KIND_WORDS[kind.toLowerCase()];
      if (!k) {
        problems.push(`${at}类别“${kind}”无法识别，只能填：${UNIT_KINDS.map((x) => UNIT_KIND_LABELS[x]).join('、')}（也可留空，按名称判断）`);
        continue;
      }
      out.kind = k;
    }
    const active = cell(cells, 'active');
    if (active) {
      if (/^(启用|正常|是|在用)$/.test(active)) out.active = true;
      else if (/^(停用|否|撤销|已撤销)$/.test(active)) out.active = false;
      else {
        problems.push(`${at}状态“${active}”无法识别，只能填 启用 或 停用（也可留空）`);
        continue;
      }
    }
    rows.push(out);
  }
  if (rows.length === 0 && problems.length === 0) throw new ApiError('INVALID_INPUT', '单位名单中没有任何单位。请在“单位名称”列下每行填一个单位。');
  return { rows, problems };
}

/** Text pasted from Excel or WPS (tab-separated cells), or typed one unit per line. */
export function parseUnitText(text: string): UnitSheet {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return parseRows(
    lines.map((l) => l.split('\t')),
    (i) => i + 1,
    false,
  );
}

/** A CSV line's cells: quotes as Excel writes them ("a ""b"""), commas or tabs between. */
function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const sep = text.split('\n', 1)[0]!.includes('\t') && !text.split('\n', 1)[0]!.includes(',') ? '\t' : ',';
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) endCell();
    else if (ch === '\n') endRow();
    else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length) endRow();
  return rows;
}

/** The zip's declared size and part count, before exceljs inflates anything (a zip bomb stops here). */
export async function checkZip(bytes: Buffer, what = '单位名单'): Promise<void> {
  // Loaded at first use, not at start: every command would pay for it (issue 14).
  const yauzl = (await import('yauzl')).default;
  const damaged = () => new ApiError('INVALID_INPUT', 'Excel 文件已损坏，无法读取。请用 Excel 或 WPS 打开后“另存为” .xlsx 再导入。');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(damaged());
      if (zip.entryCount > SHEET_LIMITS.zipEntries) {
        zip.close();
        return reject(new ApiError('INVALID_INPUT', `文件中的部件过多，不像是${what}，为安全起见不予导入。`));
      }
      let total = 0;
      zip.on('entry', (e: Yauzl.Entry) => {
        total += e.uncompressedSize;
        if (total > SHEET_LIMITS.unpacked || e.isEncrypted()) {
          zip.close();
          reject(new ApiError('INVALID_INPUT', e.isEncrypted() ? 'Excel 文件设置了密码，无法读取。请取消密码后再导入。' : `文件解压后过大，不像是${what}，为安全起见不予导入。`));
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', () => reject(damaged()));
      zip.readEntry();
    });
  });
}

async function xlsxTable(bytes: Buffer): Promise<UnitSheet> {
  await checkZip(bytes);
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ApiError('INVALID_INPUT', 'Excel 文件无法读取（可能已损坏或不是 .xlsx）。请用 Excel 或 WPS 打开后“另存为” .xlsx 再导入。');
  }
  const sheet = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!sheet) throw new ApiError('INVALID_INPUT', 'Excel 文件中没有工作表。');
  const table: string[][] = [];
  const rowNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      cells[col - 1] = cellText(c.value);
    });
    table.push(Array.from(cells, (c) => c ?? ''));
    rowNumbers.push(n);
  });
  if (table.length === 0) throw new ApiError('INVALID_INPUT', `工作表“${sheet.name}”是空的。请在第一行写列名（${SHEET_COLUMNS.join('、')}），下面每行一个单位。`);
  return parseRows(table, (i) => rowNumbers[i]!, true);
}

/** A file's bytes → the unit rows, by what the bytes are (not only by the name's ending). */
export async function readUnitFile(bytes: Buffer, fileName: string): Promise<UnitSheet> {
  if (bytes.length > SHEET_LIMITS.bytes) throw new ApiError('INVALID_INPUT', `文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，单位名单不会这么大。请检查是否选错了文件。`);
  if (bytes.length === 0) throw new ApiError('INVALID_INPUT', '文件是空的（0 字节）。');
  const head = bytes.subarray(0, 4);
  if (head[0] === 0x50 && head[1] === 0x4b) return xlsxTable(bytes);
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new ApiError('INVALID_INPUT', '这是旧版 Excel（.xls）文件，无法直接导入。请用 Excel 或 WPS 打开，选择“文件 → 另存为”，保存为“Excel 工作簿（*.xlsx）”后再导入。');
  }
  if (/\.(csv|txt|tsv)$/i.test(fileName)) {
    let text: string;
    try {
      text = decodeText(bytes).text;
    } catch (e) {
      throw new ApiError('INVALID_INPUT', e instanceof IntakeRefusal ? e.message : '无法识别文件的文字编码。');
    }
    return parseRows(csvCells(text.replace(/\r\n?/g, '\n')), (i) => i + 1, true);
  }
  throw new ApiError('INVALID_INPUT', `“${fileName}”不是 Excel 工作簿（.xlsx）或 CSV 文件，无法作为单位名单导入。`);
}

/** The workbook export writes: the list in the columns import reads back unchanged. */
export async function unitWorkbook(units: readonly Unit[]): Promise<Buffer> {
  // Loaded at first use, not at start: every command would pay for it (issue 14).
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  wb.creator = '政务信息编印台';
  const sheet = wb.addWorksheet(SHEET_NAME);
  sheet.columns = [
    { header: '单位名称', key: 'name', width: 30 },
    { header: '简称', key: 'shortName', width: 16 },
    { header: '别称', key: 'aliases', width: 30 },
    { header: '类别', key: 'kind', width: 12 },
    { header: '状态', key: 'active', width: 8 },
  ];
  for (const u of units) {
    sheet.addRow({ name: u.name, shortName: u.shortName ?? null, aliases: u.aliases.join('、') || null, kind: UNIT_KIND_LABELS[u.kind], active: u.active ? '启用' : '停用' });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  // The names are text even when they look like numbers (a 村 numbered 001 stays 001).
  for (const c of [1, 2, 3]) sheet.getColumn(c).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

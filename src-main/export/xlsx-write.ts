/**
 * A small Excel (xlsx) writer for the app's own plain tables: text, numbers and dates, number
 * formats, a bold or centred header row that stays in view, column widths, an autofilter. Written
 * as SpreadsheetML straight into a zip (zip-write.ts): a general library built an object per cell
 * and a style per cell and took most of the time of a year's circular (thousands of ledger rows).
 * Shared strings and the fixed time stamps keep the bytes the same for the same table.
 */
import { writeZip } from './zip-write';

export type CellValue = string | number | Date | null | undefined;

export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  /** 'header': centred both ways and wrapped; 'left': left-aligned. */
  align?: 'header' | 'left';
}

export interface SheetRow {
  values: CellValue[];
  /** Applied to every cell of the row, over the column's number format. */
  style?: CellStyle;
  /** Per cell, over the row's and the column's. */
  cellStyles?: (CellStyle | undefined)[];
  /** Row height in points. */
  height?: number;
}

export interface SheetSpec {
  name: string;
  columns: { width: number; numFmt?: string }[];
  rows: SheetRow[];
  /** The first row stays in view when scrolling. */
  frozenHeader?: boolean;
  /** An autofilter over the first row, down to this many rows (header included). */
  autoFilterRows?: number;
}

export interface WorkbookSpec {
  creator: string;
  title: string;
  /** Written as both the created and the modified time. */
  created: Date;
  sheets: SheetSpec[];
}

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry at all
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
function esc(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Excel's serial day number (1900 system) of an instant. */
function excelSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly xfXml: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  id(style: CellStyle): number {
    if (!style.numFmt && !style.bold && !style.align) return 0;
    const key = `${style.numFmt ?? ''}|${style.bold ? 1 : 0}|${style.align ?? ''}`;
    let id = this.xfs.get(key);
    if (id !== undefined) return id;
    let fmt = 0;
    if (style.numFmt) {
      fmt = this.formats.get(style.numFmt) ?? 164 + this.formats.size;
      this.formats.set(style.numFmt, fmt);
    }
    const align =
      style.align === 'header'
        ? '<alignment horizontal="center" vertical="center" wrapText="1"/>'
        : style.align === 'left'
          ? '<alignment horizontal="left"/>'
          : '';
    this.xfXml.push(
      `<xf numFmtId="${fmt}" fontId="${style.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${fmt ? ' applyNumberFormat="1"' : ''}${style.bold ? ' applyFont="1"' : ''}` +
        (align ? ` applyAlignment="1">${align}</xf>` : '/>'),
    );
    id = this.xfXml.length - 1;
    this.xfs.set(key, id);
    return id;
  }

  xml(): string {
    const fmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.length ? `<numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private count = 0;

  id(s: string): number {
    this.count += 1;
    let id = this.index.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.index.set(s, id);
    }
    return id;
  }

  xml(): string {
    const items = this.list.map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</t></si>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`
    );
  }
}

function sheetXml(sheet: SheetSpec, styles: Styles, strings: SharedStrings): string {
  const out: string[] = [];
  const colStyles = sheet.columns.map((c) => ({ numFmt: c.numFmt }));
  const letters = sheet.columns.map((_, c) => columnLetter(c + 1));
  // Most rows carry only their columns' formats: their style ids are worked out once.
  const plainAttr = colStyles.map((style) => {
    const s = styles.id(style);
    return s ? ` s="${s}"` : '';
  });
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    const plain = !row.style && !row.cellStyles;
    row.values.forEach((value, c) => {
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return;
      const ref = `${letters[c] ?? columnLetter(c + 1)}${r + 1}`;
      let sAttr = plain && !(value instanceof Date && !colStyles[c]?.numFmt) ? plainAttr[c] : undefined;
      if (sAttr === undefined) {
        const own = row.cellStyles?.[c];
        const style = { ...colStyles[c], ...row.style, ...own };
        if (value instanceof Date) style.numFmt = own?.numFmt ?? row.style?.numFmt ?? colStyles[c]?.numFmt ?? 'yyyy-mm-dd';
        const s = styles.id(style);
        sAttr = s ? ` s="${s}"` : '';
      }
      if (typeof value === 'string') cells.push(`<c r="${ref}"${sAttr} t="s"><v>${strings.id(value)}</v></c>`);
      else cells.push(`<c r="${ref}"${sAttr}><v>${typeof value === 'number' ? value : excelSerial(value)}</v></c>`);
    });
    const height = row.height ? ` ht="${row.height}" customHeight="1"` : '';
    // The row's own style too, as Excel writes a formatted row (readers show it on empty cells).
    const rowStyle = row.style ? styles.id(row.style) : 0;
    const format = rowStyle ? ` s="${rowStyle}" customFormat="1"` : '';
    out.push(`<row r="${r + 1}"${height}${format}>${cells.join('')}</row>`);
  });
  const lastCol = columnLetter(Math.max(1, sheet.columns.length));
  const views = sheet.frozenHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:${lastCol}${Math.max(1, sheet.rows.length)}"/>` +
    views +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${out.join('')}</sheetData>` +
    (sheet.autoFilterRows ? `<autoFilter ref="A1:${lastCol}${sheet.autoFilterRows}"/>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

export function writeXlsx(wb: WorkbookSpec): Buffer {
  const styles = new Styles();
  const strings = new SharedStrings();
  const sheets = wb.sheets.map((s) => sheetXml(s, styles, strings));
  const n = wb.sheets.length;
  const range = (i: number) => `'${wb.sheets[i]!.name.replace(/'/g, "''")}'!$A$1:$${columnLetter(wb.sheets[i]!.columns.length)}$${wb.sheets[i]!.autoFilterRows}`;
  const filters = wb.sheets
    .map((s, i) => (s.autoFilterRows ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${esc(range(i))}</definedName>` : ''))
    .join('');
  const sheetTags = wb.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = wb.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return writeZip([
    {
      name: '[Content_Types].xml',
      data:
        head +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        wb.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        head +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'docProps/app.xml',
      data:
        head +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
    },
    {
      name: 'docProps/core.xml',
      data:
        head +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${esc(wb.creator)}</dc:creator><cp:lastModifiedBy>${esc(wb.creator)}</cp:lastModifiedBy><dc:title>${esc(wb.title)}</dc:title>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${iso(wb.created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso(wb.created)}</dcterms:modified>` +
        '</cp:coreProperties>',
    },
    {
      name: 'xl/workbook.xml',
      data:
        head +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<bookViews><workbookView/></bookViews><sheets>${sheetTags}</sheets>` +
        (filters ? `<definedNames>${filters}</definedNames>` : '') +
        '<calcPr calcId="171027"/></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        head +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        rels +
        `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    },
    ...sheets.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
    { name: 'xl/styles.xml', data: styles.xml() },
    { name: 'xl/sharedStrings.xml', data: strings.xml() },
  ]);
}

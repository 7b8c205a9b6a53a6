/**
 * The year's figures as a Word report in the office's layout (the bulletin's and the circular's:
 * docs/layout.md, GB/T 9704-2012): 小标宋 title 《清源县2026年政务信息工作统计》, 仿宋 text with
 * 黑体 headings — first the figures as sentences ready for the 工作总结, then one ruled table per
 * block (header row repeated on every page), the office and the date at the end, `— N —` page
 * numbers. The units' table, the only long one, is filled in as text like the circular's
 * (circular-docx.ts fillRows): the docx library spends about a millisecond a cell.
 */
import { AlignmentType, Paragraph, type Table } from 'docx';
import type { YearStats } from '../api/ops/stats';
import { fillRows } from '../scoring/circular-docx';
import { bodyParagraph, exact, run, STYLE, textWidth, titleParagraph } from './docx-blocks';
import { packDocument } from './docx-document';
import { formatDate } from './docx-frontback';
import { cellParagraph, ruledTable, tableCell, type CellAlign } from './docx-table';
import { LAYOUT_PROFILE, type FontSpec, type LayoutProfile } from './layout-profile';
import { commissionTable, levelTable, monthTable, sectionTables, seriesTable, unitTable, wordCell, type StatsTable } from './year-stats-tables';
import { chineseNumber } from './year-stats-text';

const slot = (i: number) => `\uE000${i}\uE001`;

function plain(text: string, profile: LayoutProfile, options: { indent?: boolean; before?: number } = {}): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    alignment: AlignmentType.BOTH,
    spacing: exact(profile.grid.lineSpacing, options.before ?? 0),
    indent: options.indent === false ? { firstLine: 0, firstLineChars: 0 } : { firstLineChars: profile.indent.firstLineChars, firstLine: profile.indent.firstLine },
    children: [run(text, profile.fonts.body)],
  });
}

/** The workbook's widths scaled to the text block; the last column takes the rounding. */
function widthsOf(t: StatsTable, profile: LayoutProfile): number[] {
  const full = textWidth(profile);
  const total = t.widths.reduce((n, w) => n + w, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * full));
  widths[widths.length - 1]! += full - widths.reduce((n, w) => n + w, 0);
  return widths;
}

function wordTable(t: StatsTable, profile: LayoutProfile, slotted: boolean): Table {
  const spec = profile.tables.circular;
  const font = (base: FontSpec, bold = false): FontSpec => ({ ...base, size: spec.fontSize, bold, characterSpacing: 0 });
  const head = font(profile.fonts.sourceLine, true);
  const body = font(profile.fonts.body);
  const bold = font(profile.fonts.body, true);
  const widths = widthsOf(t, profile);
  const align = (i: number, v: unknown): CellAlign => (typeof v === 'number' ? 'right' : i === 0 ? 'center' : 'left');
  const cell = (text: string, i: number, f: FontSpec, a: CellAlign) => tableCell([cellParagraph(text, f, spec, a)], widths[i]!, spec);
  const data = t.totals ? t.rows.slice(0, -1) : t.rows;
  const rows = slotted
    ? // one row of numbered slots, repeated with each row's text by fillRows
      [t.headers.map((_, i) => cell(slot(i), i, body, i === 1 ? 'left' : i === 0 ? 'center' : 'right'))]
    : data.map((r) => r.map((v, i) => cell(wordCell(t, i, v), i, body, align(i, v))));
  const totals = t.totals ? [t.rows[t.rows.length - 1]!.map((v, i) => cell(wordCell(t, i, v), i, bold, align(i, v)))] : [];
  return ruledTable(
    profile,
    widths,
    t.headers.map((h, i) => cell(h, i, head, 'center')),
    [...rows, ...totals],
  );
}

export async function renderYearStatsDocx(s: YearStats, profile: LayoutProfile = LAYOUT_PROFILE): Promise<Buffer> {
  const line = profile.grid.lineSpacing;
  const units = unitTable(s);
  const blocks: { heading: string; intro?: string; table: StatsTable; slotted?: boolean }[] = [
    { heading: '刊物编发情况', table: seriesTable(s) },
    { heading: '上报采用与领导批示', intro: '批示率为获领导批示的信息条数除以同期上报信息条数。', table: levelTable(s) },
    { heading: '各单位报送与得分情况', intro: '按考核积分（净得分）排名，与同期通报一致。', table: units, slotted: true },
    { heading: '逐月情况', table: monthTable(s) },
    { heading: '约稿与扣分情况', table: commissionTable(s) },
    ...sectionTables(s).map((t) => ({ heading: t.title, table: t })),
  ];
  const asOf = s.to < s.today ? s.to : s.today;
  const children: Array<Paragraph | Table> = [
    titleParagraph(s.title, profile, false),
    plain(`统计期间：${formatDate(s.from, 'arabic')}至${formatDate(asOf, 'arabic')}${s.to > s.today ? '（截至成文之日）' : ''}。`, profile, { before: line }),
    bodyParagraph({ level: 1, text: '一、总体情况' }, profile),
    ...s.sentences.map((t) => plain(t, profile)),
  ];
  blocks.forEach((b, k) => {
    children.push(bodyParagraph({ level: 1, text: `${chineseNumber(k + 2)}、${b.heading}` }, profile));
    if (b.intro) children.push(plain(b.intro, profile));
    children.push(wordTable(b.table, profile, b.slotted === true));
  });
  const signatureIndent = { right: profile.indent.firstLine * 2 };
  if (s.org) {
    children.push(
      new Paragraph({ style: STYLE.body, alignment: AlignmentType.RIGHT, spacing: exact(line, line * 2), indent: signatureIndent, keepNext: true, children: [run(s.org, profile.fonts.body)] }),
    );
  }
  children.push(new Paragraph({ style: STYLE.body, alignment: AlignmentType.RIGHT, spacing: exact(line, s.org ? 0 : line * 2), indent: signatureIndent, children: [run(formatDate(asOf, 'arabic'), profile.fonts.body)] }));
  const unitRows = units.rows.slice(0, -1).map((r) => r.map((v, i) => wordCell(units, i, v)));
  return packDocument(profile, s.title, asOf, children, undefined, { 'word/document.xml': (xml) => fillRows(xml, unitRows) });
}

/**
 * 报送清单.docx: the printable list of what a packet holds, for the office's paper file and for
 * the city office's clerk. Same page, fonts and builders as the bulletin (layout-profile.ts,
 * docx-blocks.ts): a title, who sends it and when, a table of the issues with the items they
 * carry, a table of the single items, and the totals. The same manifest gives the same bytes.
 */
import { AlignmentType, Paragraph, type Table } from 'docx';
import { CATEGORY_LABELS, CLASSIFICATION_LABELS } from '../api/schemas';
import { bodyParagraph, exact, run, safeLine, STYLE, textWidth, titleParagraph } from '../export/docx-blocks';
import { packDocument } from '../export/docx-document';
import { formatDate } from '../export/docx-frontback';
import { cellParagraph, ruledTable, tableCell, type CellAlign } from '../export/docx-table';
import { LAYOUT_PROFILE, type FontSpec, type LayoutProfile } from '../export/layout-profile';
import type { Manifest } from './manifest';

export const CONTENTS_LIST_TITLE = '政务信息报送清单';

function table(profile: LayoutProfile, widths: number[], head: string[], rows: Paragraph[][][]): Table {
  const f = profile.fonts;
  const spec = profile.tables.contentsList;
  const headFont: FontSpec = { ...f.contentsHeading, size: f.colophon.size };
  return ruledTable(
    profile,
    widths,
    head.map((h, i) => tableCell([cellParagraph(h, headFont, spec, 'center')], widths[i]!, spec, { fill: spec.headerFill })),
    rows.map((r) => r.map((ps, i) => tableCell(ps, widths[i]!, spec))),
    true,
  );
}

/**
 * Column widths in twips: fixed columns as wide as their longest text in table characters (plus
 * the cell margins), and one column (null) taking the rest of the text block.
 */
function columns(profile: LayoutProfile, chars: (number | null)[]): number[] {
  const charWidth = profile.fonts.colophon.size * 10;
  const margins = 2 * profile.tables.contentsList.cellMargin.horizontal;
  const fixed = chars.map((c) => (c === null ? 0 : c * charWidth + margins));
  const rest = textWidth(profile) - fixed.reduce((a, b) => a + b, 0);
  return fixed.map((w, i) => (chars[i] === null ? rest : w));
}

function infoLine(label: string, value: string, profile: LayoutProfile): Paragraph {
  return new Paragraph({
    spacing: exact(profile.grid.lineSpacing),
    children: [run(`${label}：`, profile.fonts.h1), run(value, profile.fonts.body)],
  });
}

export async function renderContentsList(m: Manifest, packetFileName: string, localDate: string, profile: LayoutProfile = LAYOUT_PROFILE): Promise<Buffer> {
  const f = profile.fonts;
  const spec = profile.tables.contentsList;
  const cellFont = f.colophon;
  const cell = (text: string, align: CellAlign, font = cellFont) => cellParagraph(text, font, spec, align);
  const c = (text: string) => [cell(text, 'center')];
  const l = (text: string) => [cell(text, 'left')];
  const dateText = formatDate(localDate, 'arabic');
  const children: Array<Paragraph | Table> = [titleParagraph(CONTENTS_LIST_TITLE, profile, false)];
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(profile.grid.lineSpacing), children: [run(`（${dateText}）`, f.sourceLine)] }));
  children.push(infoLine('报送单位', safeLine(m.sender.office), profile));
  const contact = [m.sender.contactPerson, m.sender.phone ? `电话 ${m.sender.phone}` : ''].filter(Boolean).join('　');
  if (contact) children.push(infoLine('联 系 人', contact, profile));
  children.push(infoLine('报送日期', dateText, profile));
  children.push(infoLine('上报包', packetFileName, profile));

  let section = 0;
  const heading = (text: string) => bodyParagraph({ level: 1, text: `${'一二三'[section++]}、${text}` }, profile);
  if (m.issues.length) {
    children.push(heading(`刊物（${m.issues.length}期）`));
    const rows = m.issues.map((i, n) => [
      c(String(n + 1)),
      [
        cell(i.title, 'left', { ...cellFont, eastAsia: f.h1.eastAsia }),
        ...i.items.map((it) => cell(`${it.position}. ${it.title}${it.unit ? `（${it.unit}）` : ''}`, 'left')),
      ],
      c(formatDate(i.date, 'arabic')),
      c(String(i.items.length)),
      c(String(i.chars)),
      c(CLASSIFICATION_LABELS[i.classification]),
    ]);
    children.push(table(profile, columns(profile, [2, null, 6, 2, 3, 2.5]), ['序号', '期次与所载信息', '日期', '条数', '字数', '密级'], rows));
  }
  if (m.articles.length) {
    children.push(heading(`单条信息（${m.articles.length}条）`));
    const rows = m.articles.map((a, n) => [
      c(String(n + 1)),
      l(a.title),
      l(a.unit ?? '—'),
      c(CATEGORY_LABELS[a.category]),
      c(String(a.chars)),
      c(CLASSIFICATION_LABELS[a.classification]),
    ]);
    children.push(table(profile, columns(profile, [2, null, 6, 3, 3, 2.5]), ['序号', '标题', '来稿单位', '分类', '字数', '密级'], rows));
  }
  children.push(
    bodyParagraph({ level: 0, text: `合计：${m.issues.length}期、${m.articles.length}条信息，共${m.totals.chars}字。` }, profile),
    new Paragraph({
      style: STYLE.noGrid,
      spacing: exact(spec.lineHeight, spec.lineHeight / 2),
      children: [run('说明：本清单随上报包生成，包内各文件的 SHA-256 见 manifest.json 和 SHA256SUMS。', f.colophon)],
    }),
  );

  return packDocument(profile, CONTENTS_LIST_TITLE, localDate, children);
}

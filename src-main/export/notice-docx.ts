/**
 * 采用情况通报: the city's notice to one sending unit of what it adopted, in the office's layout
 * (小标宋 title, 仿宋 text, one ruled table in the circular's table style, office and date at the end).
 */
import { AlignmentType, Paragraph } from 'docx';
import type { NoticeManifest } from '../packet/notice-manifest';
import { exact, run, STYLE, textWidth, titleParagraph } from './docx-blocks';
import { packDocument } from './docx-document';
import { formatDate } from './docx-frontback';
import { cellParagraph, ruledTable, tableCell, type CellAlign } from './docx-table';
import { LAYOUT_PROFILE, type LayoutProfile } from './layout-profile';

export async function renderNoticeDocx(m: NoticeManifest, today: string, profile: LayoutProfile = LAYOUT_PROFILE): Promise<Buffer> {
  const line = profile.grid.lineSpacing;
  const spec = profile.tables.circular;
  const body = { ...profile.fonts.body, size: spec.fontSize, characterSpacing: 0 };
  const head = { ...profile.fonts.sourceLine, size: spec.fontSize, bold: true, characterSpacing: 0 };
  const full = textWidth(profile);
  const shares = [0.08, 0.4, 0.22, 0.12, 0.18];
  const widths = shares.map((s) => Math.floor(s * full));
  widths[widths.length - 1]! += full - widths.reduce((n, w) => n + w, 0);
  const cell = (t: string, i: number, f: typeof body, a: CellAlign) => tableCell([cellParagraph(t, f, spec, a)], widths[i]!, spec);
  const plain = (t: string, before = 0) =>
    new Paragraph({
      style: STYLE.body,
      alignment: AlignmentType.BOTH,
      spacing: exact(line, before),
      indent: { firstLineChars: profile.indent.firstLineChars, firstLine: profile.indent.firstLine },
      children: [run(t, profile.fonts.body)],
    });
  const right = (t: string, before = 0) =>
    new Paragraph({ style: STYLE.body, alignment: AlignmentType.RIGHT, spacing: exact(line, before), indent: { right: profile.indent.firstLine * 2 }, children: [run(t, profile.fonts.body)] });
  const instructed = m.adoptions.filter((a) => a.instructions.length);
  const children = [
    titleParagraph('采用情况通报', profile, false),
    new Paragraph({ style: STYLE.body, spacing: exact(line, line), children: [run(`${m.recipientOffice}：`, profile.fonts.body)] }),
    plain(`${formatDate(m.period.from, 'arabic')}至${formatDate(m.period.to, 'arabic')}，你单位报送的信息被我室采用 ${m.adoptions.length} 条，情况如下。`),
    ruledTable(
      profile,
      widths,
      ['序号', '信息标题', '采用刊物及期次', '采用形式', '采用日期'].map((h, i) => cell(h, i, head, 'center')),
      m.adoptions.map((a, n) => [
        cell(String(n + 1), 0, body, 'center'),
        cell(a.title, 1, body, 'left'),
        cell(`《${a.publication}》${a.issue}`, 2, body, 'left'),
        cell(a.kind, 3, body, 'center'),
        cell(formatDate(a.date, 'arabic'), 4, body, 'center'),
      ]),
    ),
    ...instructed.flatMap((a) => a.instructions.map((i) => plain(`《${a.title}》获${i.leader}批示（${formatDate(i.date, 'arabic')}）${i.text ? `：${i.text}` : '。'}`))),
    right(m.senderOffice, line * 2),
    right(formatDate(today, 'arabic')),
  ];
  return packDocument(profile, '采用情况通报', today, children);
}

/**
 * Two documents of the follow-up, in the office's layout (docs/layout.md, as the circular and
 * the year report): the 约稿通知 a commission goes out as (addressees, topic, requirements,
 * deadline, contact, office and date), and the 批示督办 list for the periodic 督查通报.
 * Loaded only when one is written (the docx library is heavy; test/cli-startup.test.ts).
 */
import { AlignmentType, Paragraph, type Table } from 'docx';
import type { CommissionDetail, InstructionFollowup } from '../api/ops/followup';
import { FOLLOW_STATUS_LABELS } from '../api/ops/followup';
import { LEVEL_LABELS } from '../scoring/rules';
import { bodyParagraph, exact, run, STYLE, textWidth, titleParagraph } from './docx-blocks';
import { packDocument } from './docx-document';
import { formatDate } from './docx-frontback';
import { cellParagraph, ruledTable, tableCell } from './docx-table';
import { LAYOUT_PROFILE, type FontSpec, type LayoutProfile } from './layout-profile';

function plain(text: string, profile: LayoutProfile, options: { indent?: boolean; before?: number } = {}): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    alignment: AlignmentType.BOTH,
    spacing: exact(profile.grid.lineSpacing, options.before ?? 0),
    indent: options.indent === false ? { firstLine: 0, firstLineChars: 0 } : { firstLineChars: profile.indent.firstLineChars, firstLine: profile.indent.firstLine },
    children: [run(text, profile.fonts.body)],
  });
}

/** The office and the date at the foot, right-aligned and held off the margin by two characters. */
function signature(office: string, date: string, profile: LayoutProfile): Paragraph[] {
  const line = profile.grid.lineSpacing;
  const indent = { right: profile.indent.firstLine * 2 };
  const out: Paragraph[] = [];
  if (office) {
    out.push(new Paragraph({ style: STYLE.body, alignment: AlignmentType.RIGHT, spacing: exact(line, line * 2), indent, keepNext: true, children: [run(office, profile.fonts.body)] }));
  }
  out.push(new Paragraph({ style: STYLE.body, alignment: AlignmentType.RIGHT, spacing: exact(line, office ? 0 : line * 2), indent, children: [run(formatDate(date, 'arabic'), profile.fonts.body)] }));
  return out;
}

export interface NoticeModel {
  commission: CommissionDetail;
  office: string;
  /** The day printed at the foot: the notice's date. */
  date: string;
}

/** The notice's paragraphs as text, in order (also what tests read back). */
export function noticeLines(m: NoticeModel): { addressees: string; body: string[] } {
  const c = m.commission;
  const addressees = `${c.units.map((u) => u.unit).join('、')}：`;
  const body = [
    `为做好“${c.topic}”有关信息的报送工作，现就有关事项通知如下：`,
    `一、约稿主题：${c.topic}。`,
    `二、报送要求：${c.notice.requirements || '请围绕主题，突出工作实效，做到事实准确、数据可靠、文字精炼。'}`,
    `三、报送时限：请于${formatDate(c.deadline, 'arabic')}前报送。逾期未报或迟报的，按信息工作考核办法扣分。`,
    ...(c.notice.contact ? [`四、联系人及电话：${c.notice.contact}。`] : []),
  ];
  return { addressees, body };
}

export async function renderNoticeDocx(m: NoticeModel, profile: LayoutProfile = LAYOUT_PROFILE): Promise<Buffer> {
  const { addressees, body } = noticeLines(m);
  const children: Array<Paragraph | Table> = [
    titleParagraph('约稿通知', profile, false),
    plain(addressees, profile, { indent: false, before: profile.grid.lineSpacing }),
    ...body.map((t) => plain(t, profile)),
    ...signature(m.office, m.date, profile),
  ];
  return packDocument(profile, '约稿通知', m.date, children);
}

export const FOLLOWUP_HEADERS = ['序号', '批示信息', '批示领导', '批示日期', '承办单位', '办理期限', '状态', '办理进展与反馈'] as const;

/** One row of the list, as text: the Word table and the workbook say the same. */
export function followupRow(f: InstructionFollowup, i: number): string[] {
  const progress = [...f.notes.map((n) => `${n.date} ${n.text}`), ...(f.feedbackText ? [`反馈：${f.feedbackText}`] : []), ...(f.feedbackFile ? [`反馈材料：${f.feedbackFile.name}`] : [])];
  return [
    String(i + 1),
    f.title,
    `${LEVEL_LABELS[f.level]} ${f.leader}`,
    f.date,
    f.handlingUnit ?? '',
    f.deadline ?? '',
    FOLLOW_STATUS_LABELS[f.status] + (f.doneDate ? `（${f.doneDate}）` : ''),
    progress.join('；'),
  ];
}

export async function renderFollowupDocx(
  list: InstructionFollowup[],
  m: { title: string; office: string; today: string },
  profile: LayoutProfile = LAYOUT_PROFILE,
): Promise<Buffer> {
  const spec = profile.tables.circular;
  const font = (base: FontSpec, bold = false): FontSpec => ({ ...base, size: spec.fontSize, bold, characterSpacing: 0 });
  const head = font(profile.fonts.sourceLine, true);
  const cellFont = font(profile.fonts.body);
  const share = [5, 22, 12, 11, 12, 11, 9, 18];
  const full = textWidth(profile);
  const widths = share.map((w) => Math.floor((w / 100) * full));
  widths[widths.length - 1]! += full - widths.reduce((n, w) => n + w, 0);
  const counts = { all: list.length, done: list.filter((f) => f.status === 'done').length, overdue: list.filter((f) => f.status === 'overdue').length };
  const children: Array<Paragraph | Table> = [
    titleParagraph(m.title, profile, false),
    plain(
      `截至${formatDate(m.today, 'arabic')}，共有领导批示${counts.all}件，已办结${counts.done}件，正在办理${counts.all - counts.done - counts.overdue}件，逾期未办结${counts.overdue}件。`,
      profile,
      { before: profile.grid.lineSpacing },
    ),
    bodyParagraph({ level: 1, text: '批示办理情况一览' }, profile),
    ruledTable(
      profile,
      widths,
      FOLLOWUP_HEADERS.map((h, i) => tableCell([cellParagraph(h, head, spec, 'center')], widths[i]!, spec)),
      list.map((f, k) => followupRow(f, k).map((t, i) => tableCell([cellParagraph(t, cellFont, spec, i === 0 ? 'center' : 'left')], widths[i]!, spec))),
      true,
    ),
    ...signature(m.office, m.today, profile),
  ];
  return packDocument(profile, m.title, m.today, children);
}

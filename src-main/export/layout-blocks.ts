/**
 * The issue as the pagination model sees it: a list of blocks (one per paragraph the Word
 * renderer writes), each with its lines as the line breaker sets them and the keep rules the
 * renderer gives the paragraph. The renderer and this file share every decision (front-fit.ts,
 * docx-title.ts, paragraph-rules.ts), so what the model counts is what the file prints.
 */
import type { LaidCell, LaidLine, LaidLineKind } from '../api/layout-types';
import { mergeAt, type BodyTable } from '../api/body-tables';
import { cellAlign, fitTable } from './body-table-fit';
import type { Paragraph as BodyParagraph } from '../api/text';
import { keepRules, splitLead } from './paragraph-rules';
import { balanceTitle } from './docx-title';
import { colophonParts, formatDate, issueNumberText, safeLine, sourceText } from './text-parts';
import { blockWidth, colophonListLines, colophonPlainLines, contentsLines, mastheadFit, officeDateFit } from './front-fit';
import type { LayoutProfile } from './layout-profile';
import { breakLines } from './line-breaking';
import type { IssueDocModel } from './model';
import { pictureLines } from './layout-picture';

export interface Block {
  lines: LaidLine[];
  /** Grid lines of space above the block (dropped at the top of a page the block is pushed to). */
  spaceBefore: number;
  pageBreakBefore: boolean;
  keepNext: boolean;
  keepLines: boolean;
  /** Widow and orphan control: never one line of it alone at a page's top or bottom. */
  widowControl: boolean;
  /** A table's header rows (its first lines), repeated at the top of each further page it runs onto. */
  headerLines?: number;
}

export interface IssueBlocks {
  blocks: Block[];
  /** The colophon's lines, and the grid lines it takes at the foot of the last page (its rules included). */
  colophon: { lines: LaidLine[]; height: number } | null;
}

const line = (kind: LaidLineKind, text: string, extra: Partial<LaidLine> = {}): LaidLine => ({
  kind,
  text,
  align: 'left',
  indent: 0,
  height: 1,
  ...extra,
});

function block(lines: LaidLine[], extra: Partial<Block> = {}): Block {
  return { lines, spaceBefore: 0, pageBreakBefore: false, keepNext: false, keepLines: false, widowControl: false, ...extra };
}

function mastheadBlocks(model: IssueDocModel, profile: LayoutProfile): Block[] {
  const s = model.settings;
  const m = profile.masthead;
  const pitch = profile.grid.linePitch;
  const preview = model.number === null;
  const serial = model.copySerial === null ? '' : safeLine(model.copySerial);
  const right = [serial, preview ? m.previewMarkText : ''].filter(Boolean).join('\u3000');
  const out: Block[] = [block([line('mark', safeLine(s.sensitivityMark), right ? { right } : {})])];
  const name = mastheadFit(safeLine(s.mastheadName), profile);
  const nameHeight = m.nameLineHeight / pitch;
  out.push(
    block(
      name.lines.map((t, i) => line('masthead', t, { align: 'center', height: nameHeight + (i === 0 ? m.spaceBeforeName / pitch : 0) })),
    ),
  );
  out.push(block([line('number', issueNumberText(model, profile), { align: 'center', height: 1 + m.spaceBeforeIssueLine / pitch })]));
  const org = safeLine(s.org) ? `${safeLine(s.org)}编` : '';
  const date = formatDate(model.date, s.dateStyle);
  const fit = officeDateFit(org, date, profile);
  const orgHeight = 1 + m.spaceBeforeOrgLine / pitch;
  if (fit.dateOwnLine) {
    out.push(block([line('office-date', org, { height: orgHeight }), line('office-date', '', { right: date, align: 'right' })]));
  } else {
    out.push(block([line('office-date', org, { height: orgHeight, right: date })]));
  }
  // The rule's gap (6 pt), its weight and the space after it make up one grid line (120 + 45 + 414 tw).
  out.push(block([line('rule', '', { height: 1 })]));
  return out;
}

function contentsBlocks(model: IssueDocModel, profile: LayoutProfile): Block[] {
  const heading = model.settings.contentsHeading;
  if (heading === 'none' || model.articles.length < 2) return [];
  const indent = profile.contents.itemIndentChars;
  return [
    block([line('contents-heading', heading, { align: 'center' })], { keepNext: true }),
    ...model.articles.map((a, i) =>
      block(
        contentsLines(safeLine(a.title), profile).map((t) => line('contents', t, { indent, article: i })),
        { keepLines: true },
      ),
    ),
  ];
}

const HEADING_KIND: Record<number, LaidLineKind> = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading4' };

function bodyBlock(p: BodyParagraph, article: number, pullSource: boolean, profile: LayoutProfile): Block {
  const { fonts } = profile;
  const text = safeLine(p.text);
  const head = p.level === 1 ? fonts.h1 : p.level === 2 ? fonts.h2 : p.level === 3 ? fonts.h3 : p.level === 4 ? fonts.h4 : null;
  const pieces =
    head && head !== fonts.h4
      ? (() => {
          const [lead, rest] = splitLead(text);
          return rest ? [{ text: lead, font: head }, { text: rest, font: fonts.body }] : [{ text: lead, font: head }];
        })()
      : [{ text, font: head ?? fonts.body }];
  const indentTw = (profile.indent.firstLineChars / 100) * (head ?? fonts.body).size * 10;
  const kind = HEADING_KIND[p.level] ?? 'body';
  const lines = breakLines(pieces, blockWidth(profile), indentTw).map((t, i) =>
    line(kind, t, { align: 'justify', indent: i === 0 ? profile.indent.firstLineChars / 100 : 0, article }),
  );
  return block(lines, { ...keepRules(p, pullSource), widowControl: profile.grid.widowControl });
}

/**
 * A table: its caption and unit lines (kept with it), then one line per row, as tall as the row
 * sets (body-table-fit.ts). The table is off the grid; the paragraph after it snaps back to the
 * grid, so the last row is counted up to a whole grid line.
 */
function tableBlocks(t: BodyTable, article: number, profile: LayoutProfile): Block[] {
  const out: Block[] = [];
  const keep = { keepNext: true, keepLines: true };
  if (t.caption) out.push(block([line('table-caption', safeLine(t.caption), { align: 'center', article })], keep));
  if (t.unit) out.push(block([line('table-unit', safeLine(t.unit), { align: 'right', article })], keep));
  const fit = fitTable(t, profile);
  const pitch = profile.grid.linePitch;
  const total = fit.widths.reduce((a, b) => a + b, 0);
  const rows = t.rows.map((row, r) => {
    const cells: LaidCell[] = [];
    for (let c = 0; c < row.length; c++) {
      const m = mergeAt(t, r, c);
      if (m && m.col !== c) continue;
      const span = m ? m.cols : 1;
      const text = m && m.row !== r ? '' : safeLine(row[c] ?? '');
      const header = r < t.headerRows;
      const width = fit.widths.slice(c, c + span).reduce((a, b) => a + b, 0) / total;
      cells.push({ text, width, header, align: cellAlign(text, header), ...(m && m.row !== r ? { continued: true as const } : {}) });
    }
    const textSize = { size: fit.size, lineHeight: fit.lineHeight };
    return line('table-row', cells.map((x) => x.text).join('\t'), { height: fit.rows[r]!.height / pitch, article, cells, textSize, ...(r < t.headerRows ? { repeated: true } : {}) });
  });
  const sum = rows.reduce((n, l) => n + l.height, 0);
  const last = rows[rows.length - 1]!;
  const snap = Math.ceil(sum - 1e-6) - sum;
  last.height += snap;
  if (snap > 0) last.spaceBelow = snap;
  out.push(block(rows, { headerLines: Math.min(t.headerRows, rows.length - 1) }));
  return out;
}

/** A line of the 注： block: 注： hangs at the margin, wrapped lines align after it. */
function noteBlock(p: BodyParagraph, article: number, profile: LayoutProfile): Block {
  const n = profile.notes;
  const hang = n.hangChars * n.font.size * 10;
  const first = /^注[:：]/.test(p.text);
  const lines = breakLines([{ text: safeLine(p.text), font: n.font }], blockWidth(profile) - hang, first ? -hang : 0).map((t, k) =>
    line('note', t, { indent: first && k === 0 ? 0 : (n.hangChars * n.font.size) / profile.fonts.body.size, article }),
  );
  return block(lines, { widowControl: profile.grid.widowControl });
}

function articleBlocks(model: IssueDocModel, profile: LayoutProfile, pulls: ReadonlySet<number>): Block[] {
  const out: Block[] = [];
  const pitch = profile.grid.linePitch;
  model.articles.forEach((a, i) => {
    const breakBefore = model.settings.newPagePerItem && i > 0;
    const t = profile.title;
    const titleLines = balanceTitle(safeLine(a.title), profile.fonts.title, blockWidth(profile));
    out.push(
      block(
        (titleLines.length ? titleLines : ['']).map((text) => line('title', text, { align: 'center', height: t.lineSpacing / pitch, article: i })),
        { spaceBefore: breakBefore ? 0 : t.spaceBefore / pitch, pageBreakBefore: breakBefore, keepNext: true, keepLines: true },
      ),
    );
    const source = a.source !== null && safeLine(a.source) ? sourceText(a.source) : '';
    const paras = a.paragraphs.filter((p) => p.table || safeLine(p.text));
    let pictures = 0;
    paras.forEach((p, j) => {
      // Issue 19: a picture counts only when the model carries it (the series allows pictures).
      if (p.picture) {
        const pic = a.pictures?.get(p.picture.id);
        if (pic) {
          const laid = pictureLines(p.picture, pic, ++pictures, i, profile);
          out.push(block([laid.picture], { keepNext: true, keepLines: true }), block(laid.caption, { keepLines: true }));
        }
      } else if (p.table) out.push(...tableBlocks(p.table, i, profile));
      else if (p.note) out.push(noteBlock(p, i, profile));
      else out.push(bodyBlock(p, i, pulls.has(i) && Boolean(source) && j === paras.length - 1, profile));
    });
    if (source) out.push(block([line('source', source, { align: 'right', article: i })], { keepLines: true }));
  });
  return out;
}

function colophon(model: IssueDocModel, profile: LayoutProfile): IssueBlocks['colophon'] {
  const parts = colophonParts(model, profile);
  const lines: LaidLine[] = [];
  for (const d of parts.distribution) for (const t of colophonListLines(d.label, d.text, profile)) lines.push(line('colophon', t));
  if (parts.people) for (const t of colophonPlainLines(parts.people, profile)) lines.push(line('colophon', t));
  if (parts.copies) lines.push(line('colophon', parts.copies, { align: 'right' }));
  if (!lines.length) return null;
  // Each line is one grid line; the three rules add a few points, which the grid rounds up to one more line.
  return { lines, height: lines.length + 1 };
}

/** `pulls`: items whose last paragraph goes whole with the source line (see paragraph-rules.ts). */
export function issueBlocks(model: IssueDocModel, profile: LayoutProfile, pulls: ReadonlySet<number> = new Set()): IssueBlocks {
  return {
    blocks: [...mastheadBlocks(model, profile), ...contentsBlocks(model, profile), ...articleBlocks(model, profile, pulls)],
    colophon: colophon(model, profile),
  };
}

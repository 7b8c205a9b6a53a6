/**
 * The issue as the pagination model sees it: a list of blocks (one per paragraph the Word
 * renderer writes), each with its lines as the line breaker sets them and the keep rules the
 * renderer gives the paragraph. The renderer and this file share every decision (front-fit.ts,
 * docx-title.ts, paragraph-rules.ts), so what the model counts is what the file prints.
 */
import type { LaidLine, LaidLineKind } from '../api/layout-types';
import type { Paragraph as BodyParagraph } from '../api/text';
import { keepRules, splitLead } from './paragraph-rules';
import { balanceTitle } from './docx-title';
import { colophonParts, formatDate, issueNumberText, safeLine, sourceText } from './text-parts';
import { blockWidth, colophonListLines, colophonPlainLines, contentsLines, mastheadFit, officeDateFit } from './front-fit';
import type { LayoutProfile } from './layout-profile';
import { breakLines } from './line-breaking';
import type { IssueDocModel } from './model';

export interface Block {
  lines: LaidLine[];
  /** Grid lines of space above the block (dropped at the top of a page the block is pushed to). */
  spaceBefore: number;
  pageBreakBefore: boolean;
  keepNext: boolean;
  keepLines: boolean;
  /** Widow and orphan control: never one line of it alone at a page's top or bottom. */
  widowControl: boolean;
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
    const paras = a.paragraphs.filter((p) => safeLine(p.text));
    paras.forEach((p, j) => out.push(bodyBlock(p, i, pulls.has(i) && Boolean(source) && j === paras.length - 1, profile)));
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

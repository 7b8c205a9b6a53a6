/**
 * The parts of an issue around its items: the masthead (报头) and contents at the front, the
 * colophon (版记) at the back.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type TextRun,
} from 'docx';
import type { IssueDocModel } from './model';
import { border, exact, leftRightLine, run, STYLE, textWidth } from './docx-blocks';
import { colophonParts, formatDate, issueNumberText, safeLine } from './text-parts';
import type { LayoutProfile } from './layout-profile';
import { contentsLines, mastheadFit, officeDateFit } from './front-fit';

// The dates, numbers and colophon text live in text-parts.ts (no docx there, for the page preview).
export { colophonParts, formatDate, issueNumberText, type ColophonParts } from './text-parts';

// ---- masthead -----------------------------------------------------------------------------

/** The size (half-points) the series name prints at; see front-fit.ts mastheadFit. */
export function mastheadNameSize(name: string, profile: LayoutProfile): number {
  return mastheadFit(name, profile).size;
}

export function mastheadParagraphs(model: IssueDocModel, profile: LayoutProfile): Paragraph[] {
  const { fonts, masthead: m, grid } = profile;
  const s = model.settings;
  const preview = model.number === null;

  const left = safeLine(s.sensitivityMark) ? [run(safeLine(s.sensitivityMark), fonts.mastheadMark)] : [];
  const right: TextRun[] = [];
  const serial = model.copySerial === null ? '' : safeLine(model.copySerial);
  if (serial) right.push(run(serial, fonts.mastheadSerial));
  if (preview) right.push(run(serial ? `\u3000${m.previewMarkText}` : m.previewMarkText, fonts.previewMark));
  // The top line is written even when empty so the name and the red rule stay where they always are.
  const top = leftRightLine(left, right, right.length ? fonts.mastheadSerial : fonts.mastheadMark, profile);

  // One line at the largest size that fits; two balanced lines, explicitly broken, below the floor.
  const name = mastheadFit(safeLine(s.mastheadName), profile);
  const nameLine = new Paragraph({
    style: STYLE.masthead,
    alignment: AlignmentType.CENTER,
    spacing: exact(m.nameLineHeight, m.spaceBeforeName),
    children: name.lines.map((t, i) => run(t, fonts.mastheadName, { size: name.size, breakBefore: i > 0 })),
  });

  const issueLine = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(grid.lineSpacing, m.spaceBeforeIssueLine),
    children: [run(issueNumberText(model, profile), fonts.issueLine)],
  });

  // The office/date line never wraps: the office text shrinks, or the date takes its own line.
  const org = safeLine(s.org) ? `${safeLine(s.org)}编` : '';
  const date = formatDate(model.date, s.dateStyle);
  const fit = officeDateFit(org, date, profile);
  const orgRuns = org ? [run(org, fonts.orgDateLine, fit.orgSize === fonts.orgDateLine.size ? {} : { size: fit.orgSize })] : [];
  const rule = { bottom: border(m.redRule) };
  if (fit.dateOwnLine) {
    const orgOnly = new Paragraph({ spacing: exact(grid.lineSpacing, m.spaceBeforeOrgLine), keepNext: true, children: orgRuns });
    const dateLine = new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact(grid.lineSpacing, 0, m.spaceAfterRule),
      border: rule,
      children: [run(date, fonts.orgDateLine)],
    });
    return [top, nameLine, issueLine, orgOnly, dateLine];
  }
  const orgLine = leftRightLine(orgRuns, [run(date, fonts.orgDateLine)], fonts.orgDateLine, profile, {
    spacing: exact(grid.lineSpacing, m.spaceBeforeOrgLine, m.spaceAfterRule),
    border: rule,
  });
  return [top, nameLine, issueLine, orgLine];
}

// ---- contents -----------------------------------------------------------------------------

export function contentsParagraphs(model: IssueDocModel, profile: LayoutProfile): Paragraph[] {
  const heading = model.settings.contentsHeading;
  if (heading === 'none' || model.articles.length < 2) return [];
  const { fonts, grid, contents } = profile;
  const indent = contents.itemIndentChars * (fonts.contentsItem.size * 10);
  // A long entry is broken into balanced lines by the renderer, so none ends with a lone character.
  const items = model.articles.map(
    (a) =>
      new Paragraph({
        spacing: exact(grid.lineSpacing),
        indent: { left: indent },
        keepLines: true,
        widowControl: profile.grid.widowControl,
        children: contentsLines(safeLine(a.title), profile).map((t, i) => run(t, fonts.contentsItem, { breakBefore: i > 0 })),
      }),
  );
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(grid.lineSpacing),
      keepNext: true,
      children: [run(heading, fonts.contentsHeading)],
    }),
    ...items,
  ];
}

// ---- colophon -----------------------------------------------------------------------------

function colophonLine(text: string, profile: LayoutProfile, indent: Record<string, number>, right = false): Paragraph {
  return new Paragraph({
    style: STYLE.colophon,
    alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: exact(profile.colophon.lineSpacing),
    indent,
    keepLines: true,
    keepNext: true,
    children: [run(text, profile.fonts.colophon)],
  });
}

/** The colophon's paragraphs in two groups: distribution (报/送/发) and the people and print run. */
export function colophonGroups(model: IssueDocModel, profile: LayoutProfile): { distribution: Paragraph[]; people: Paragraph[] } {
  const c = profile.colophon;
  const parts = colophonParts(model, profile);
  // Hanging indent as wide as `label：`, so a wrapped line starts under the first recipient (GB/T 7.4.2).
  const distribution = parts.distribution.map(({ label, text }) => {
    const hang = ([...label].length + 1) * c.charWidth;
    return colophonLine(text, profile, { left: c.sideIndent + hang, hanging: hang, right: c.sideIndent });
  });
  const people: Paragraph[] = [];
  if (parts.people) people.push(colophonLine(parts.people, profile, { left: c.sideIndent, right: c.sideIndent }));
  if (parts.copies) people.push(colophonLine(parts.copies, profile, { right: c.sideIndent }, true));
  return { distribution, people };
}

/**
 * The colophon as a one-column table floating at the bottom of the text block of the page it
 * lands on. A table carries the thick–thin–thick rules as its own borders, and a floating table
 * anchored to the margin with vertical position "bottom" is the one construct both Word and
 * LibreOffice place at the foot of the last page without counting lines (a frame, w:framePr,
 * stays where it is in LibreOffice 7.4 and loses its borders): the last rule lies on the text
 * block's lower edge as GB/T 7.4.1 asks, text above wraps clear of it, and when the page is too
 * full it moves on to the next page with the paragraph after it.
 *
 * Horizontally it is placed from the page edge at the left margin rather than centred in the
 * margin: LibreOffice only keeps a floating table floating when text could stand beside it,
 * which for a table as wide as the text block holds only when it is positioned against the page.
 */
export function colophonTable(model: IssueDocModel, profile: LayoutProfile): Table | null {
  const { distribution, people } = colophonGroups(model, profile);
  const groups = [distribution, people].filter((g) => g.length > 0);
  if (!groups.length) return null;
  const c = profile.colophon;
  const width = textWidth(profile);
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: {
      top: border(c.thickRule),
      bottom: border(c.thickRule),
      insideHorizontal: border(c.thinRule),
      left: none,
      right: none,
      insideVertical: none,
    },
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: profile.margins.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      topFromText: c.distanceFromText,
    },
    rows: groups.map(
      (children) =>
        new TableRow({
          cantSplit: true,
          children: [new TableCell({ width: { size: width, type: WidthType.DXA }, children })],
        }),
    ),
  });
}

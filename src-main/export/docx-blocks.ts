/**
 * Paragraph builders shared by the issue and the single-item layouts. Every number comes from
 * the layout profile; every run names its fonts for both scripts (docs/layout.md: WPS reports theme
 * fonts as missing, and “” — … would fall back to Times New Roman without an explicit hAnsi).
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
  type IStylesOptions,
} from 'docx';
import type { Paragraph as BodyParagraph } from '../api/text';
import { safeLine, safeText, sourceText } from './text-parts';
import { balanceTitle } from './docx-title';
import { breakLongLatin } from './latin-breaks';
import { keepRules, splitLead } from './paragraph-rules';
import type { FontSpec, LayoutProfile, RuleSpec } from './layout-profile';

// The plain-text helpers live in text-parts.ts (no docx there, so the page preview loads without it).
export { safeLine, safeText, sourceText } from './text-parts';

export function runFonts(f: FontSpec): { eastAsia: string; ascii: string; hAnsi: string; cs: string } {
  return { eastAsia: f.eastAsia, ascii: f.ascii, hAnsi: f.hAnsi, cs: f.ascii };
}

/** Run properties of a font spec, for runs and for style definitions alike. */
export function runProps(f: FontSpec): Omit<IRunOptions, 'text' | 'children' | 'break'> {
  return {
    font: runFonts(f),
    size: f.size,
    sizeComplexScript: f.size,
    bold: f.bold,
    boldComplexScript: f.bold,
    ...(f.color ? { color: f.color } : {}),
    ...(f.characterSpacing ? { characterSpacing: f.characterSpacing } : {}),
  };
}

export function run(text: string, f: FontSpec, opts: { breakBefore?: boolean; size?: number } = {}): TextRun {
  return new TextRun({
    ...runProps(f),
    ...(opts.size ? { size: opts.size, sizeComplexScript: opts.size } : {}),
    text: breakLongLatin(safeText(text)),
    ...(opts.breakBefore ? { break: 1 } : {}),
  });
}

function tabRun(f: FontSpec): TextRun {
  return new TextRun({ ...runProps(f), children: [new Tab()] });
}

export function exact(line: number, before = 0, after = 0): IParagraphOptions['spacing'] {
  return { line, lineRule: LineRuleType.EXACT, before, after };
}

export function border(rule: RuleSpec): IBorderOptions {
  return { style: BorderStyle.SINGLE, size: rule.size, color: rule.color, space: rule.space };
}

/** Width of the text block, the full measure of rules, tables and right tab stops. */
export function textWidth(profile: LayoutProfile): number {
  return profile.page.width - profile.margins.left - profile.margins.right;
}

// ---- styles -------------------------------------------------------------------------------

export const STYLE = {
  noGrid: 'BulletinNoGrid',
  masthead: 'BulletinMasthead',
  body: 'BulletinBody',
  title: 'BulletinTitle',
  h1: 'BulletinHeading1',
  h2: 'BulletinHeading2',
  h3: 'BulletinHeading3',
  h4: 'BulletinHeading4',
  source: 'BulletinSource',
  colophon: 'BulletinColophon',
  pageNumber: 'BulletinPageNumber',
} as const;

/**
 * Paragraphs set larger than the body (title, masthead) must not snap to the line grid: Word
 * honours their exact line height anyway, but LibreOffice would give each of their lines two grid
 * lines. docx has no option for w:snapToGrid, so this one base style is handed over as external
 * style XML, which docx merges with its own default styles.
 */
export function externalStylesXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE.noGrid}">` +
    '<w:name w:val="简报不对齐网格"/><w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>' +
    '</w:styles>'
  );
}

/**
 * Named styles so an editor who opens the file sees 简报正文, 简报标题 … and can restyle them at
 * once; the document defaults name the body font too, so an empty paragraph is never in a theme font.
 */
export function buildStyles(profile: LayoutProfile): IStylesOptions {
  const { fonts, grid } = profile;
  const body = exact(grid.lineSpacing);
  const style = (id: string, name: string, f: FontSpec, paragraph: IParagraphOptions = {}) => ({
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: runProps(f),
    paragraph: { spacing: body, ...paragraph },
  });
  const indented = { indent: { firstLineChars: profile.indent.firstLineChars, firstLine: profile.indent.firstLine } };
  const noGrid = (id: string, name: string, f: FontSpec, paragraph: IParagraphOptions = {}) => ({
    ...style(id, name, f, paragraph),
    basedOn: STYLE.noGrid,
  });
  return {
    default: {
      document: {
        run: { ...runProps(fonts.body), characterSpacing: 0, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: body },
      },
    },
    paragraphStyles: [
      style(STYLE.body, '简报正文', fonts.body, { ...indented, alignment: AlignmentType.BOTH }),
      noGrid(STYLE.title, '简报标题', fonts.title, { alignment: AlignmentType.CENTER }),
      noGrid(STYLE.masthead, '简报报头', fonts.mastheadName, { alignment: AlignmentType.CENTER }),
      style(STYLE.h1, '简报一级标题', fonts.h1, { ...indented, alignment: AlignmentType.BOTH }),
      style(STYLE.h2, '简报二级标题', fonts.h2, { ...indented, alignment: AlignmentType.BOTH }),
      style(STYLE.h3, '简报三级标题', fonts.h3, { ...indented, alignment: AlignmentType.BOTH }),
      style(STYLE.h4, '简报四级标题', fonts.h4, { ...indented, alignment: AlignmentType.BOTH }),
      style(STYLE.source, '简报供稿单位', fonts.sourceLine, { alignment: AlignmentType.RIGHT }),
      style(STYLE.colophon, '简报版记', fonts.colophon, { spacing: exact(profile.colophon.lineSpacing) }),
      style(STYLE.pageNumber, '简报页码', fonts.pageNumber, { spacing: exact(profile.pageNumber.lineSpacing) }),
    ],
  };
}

// ---- items --------------------------------------------------------------------------------

export function bodyParagraph(p: BodyParagraph, profile: LayoutProfile, pullSource = false): Paragraph {
  const { fonts } = profile;
  const text = safeLine(p.text);
  const head = p.level === 1 ? fonts.h1 : p.level === 2 ? fonts.h2 : p.level === 3 ? fonts.h3 : p.level === 4 ? fonts.h4 : null;
  const styleId =
    p.level === 1 ? STYLE.h1 : p.level === 2 ? STYLE.h2 : p.level === 3 ? STYLE.h3 : p.level === 4 ? STYLE.h4 : STYLE.body;
  const children: TextRun[] = [];
  if (head && head !== fonts.h4) {
    const [lead, rest] = splitLead(text);
    children.push(run(lead, head));
    if (rest) children.push(run(rest, fonts.body));
  } else {
    children.push(run(text, head ?? fonts.body));
  }
  return new Paragraph({
    style: styleId,
    alignment: AlignmentType.BOTH,
    widowControl: profile.grid.widowControl,
    ...keepRules(p, pullSource),
    spacing: exact(profile.grid.lineSpacing),
    indent: { firstLineChars: profile.indent.firstLineChars, firstLine: profile.indent.firstLine },
    children,
  });
}

export function titleParagraph(title: string, profile: LayoutProfile, pageBreakBefore: boolean): Paragraph {
  const t = profile.title;
  const lines = balanceTitle(safeLine(title), profile.fonts.title, textWidth(profile));
  return new Paragraph({
    style: STYLE.title,
    alignment: AlignmentType.CENTER,
    spacing: exact(t.lineSpacing, pageBreakBefore ? 0 : t.spaceBefore, t.spaceAfter),
    keepNext: true,
    keepLines: true,
    pageBreakBefore,
    children: (lines.length ? lines : ['']).map((line, i) => run(line, profile.fonts.title, { breakBefore: i > 0 })),
  });
}

export function sourceParagraph(source: string, profile: LayoutProfile): Paragraph {
  return new Paragraph({
    style: STYLE.source,
    alignment: AlignmentType.RIGHT,
    spacing: exact(profile.grid.lineSpacing),
    keepLines: true,
    children: [run(sourceText(source), profile.fonts.sourceLine)],
  });
}

// ---- page numbers -------------------------------------------------------------------------

/** `— N —` in 宋体: odd pages right with a one-character inset, even pages left (GB/T 7.5). */
export function pageNumberFooter(profile: LayoutProfile, side: 'odd' | 'even'): Footer {
  const pn = profile.pageNumber;
  const f = profile.fonts.pageNumber;
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: exact(pn.lineSpacing),
        indent: side === 'odd' ? { right: pn.sideIndent } : { left: pn.sideIndent },
        children: [
          new TextRun({ ...runProps(f), children: [`${pn.dash} `, PageNumber.CURRENT, ` ${pn.dash}`] }),
        ],
      }),
    ],
  });
}

// ---- small helpers for the masthead -------------------------------------------------------

/** A line with `left` at the margin and `right` flush with the text block's right edge. */
export function leftRightLine(
  left: TextRun[],
  right: TextRun[],
  rightFont: FontSpec,
  profile: LayoutProfile,
  options: Omit<IParagraphOptions, 'children' | 'tabStops'> = {},
): Paragraph {
  return new Paragraph({
    spacing: exact(profile.grid.lineSpacing),
    ...options,
    tabStops: [{ type: TabStopType.RIGHT, position: textWidth(profile) }],
    children: right.length ? [...left, tabRun(rightFont), ...right] : left,
  });
}

/**
 * Every number of the printed page, in one place, each with where it comes from.
 *
 * Units follow WordprocessingML so the renderer copies them without arithmetic: lengths in twips
 * (1/20 pt; 1 mm ≈ 56.7 tw), font sizes in half-points, border widths in eighths of a point,
 * character spacing in twips. "GB/T" below is GB/T 9704-2012 《党政机关公文格式》; "house" is the
 * bulletin practice of county offices as written down in docs/layout.md.
 */

export interface FontSpec {
  /** Chinese font (w:eastAsia), also used for hAnsi so “” — … stay in the Chinese face. */
  eastAsia: string;
  /** Latin font for ASCII letters and digits (w:ascii). */
  ascii: string;
  /** Font for the "high ANSI" range (w:hAnsi): quotes, dashes, ellipsis. */
  hAnsi: string;
  /** Half-points. */
  size: number;
  bold: boolean;
  /** Hex RGB, or null for automatic (black). */
  color: string | null;
  /** Twips added between characters (negative condenses). */
  characterSpacing: number;
  source: string;
}

export interface RuleSpec {
  /** Eighths of a point, as w:sz of a border. */
  size: number;
  color: string;
  /** Points between the text and the rule (w:space). */
  space: number;
  source: string;
}

/** A ruled table's text and cells: off the line grid, each line its own exact height. */
export interface TableSpec {
  /** Exact line height of the table's text (twips). */
  lineHeight: number;
  /** Space inside each cell, above/below and left/right (twips). */
  cellMargin: { vertical: number; horizontal: number };
  source: string;
}

export interface LayoutProfile {
  page: { width: number; height: number; source: string };
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number; source: string };
  grid: {
    linePitch: number;
    /** Exact line height of body text; equal to the pitch so 22 lines fill the text block. */
    lineSpacing: number;
    linesPerPage: number;
    charsPerLine: number;
    /** Word's 孤行控制 (LibreOffice: orphans and widows 2): no single line of a paragraph alone at a page's top or bottom. */
    widowControl: boolean;
    source: string;
  };
  colors: { red: string; source: string };
  fonts: {
    body: FontSpec;
    title: FontSpec;
    h1: FontSpec;
    h2: FontSpec;
    h3: FontSpec;
    h4: FontSpec;
    sourceLine: FontSpec;
    colophon: FontSpec;
    pageNumber: FontSpec;
    mastheadName: FontSpec;
    mastheadMark: FontSpec;
    mastheadSerial: FontSpec;
    previewMark: FontSpec;
    issueLine: FontSpec;
    orgDateLine: FontSpec;
    contentsHeading: FontSpec;
    contentsItem: FontSpec;
    articleFoot: FontSpec;
  };
  masthead: {
    /** Candidate name sizes in half-points, largest first; the first that fits one line wins. */
    nameSizes: number[];
    /** Smallest size a long name may shrink to on one line, half-points; below it the name takes two balanced lines. */
    minNameSize: number;
    /** Smallest size the office text of the office/date line may shrink to (half-points) before the date takes its own line. */
    minOrgSize: number;
    /** Share of the text-block width the name may take, so it never touches the margins. */
    nameFill: number;
    /** Exact line height of the name paragraph (twips). */
    nameLineHeight: number;
    /** Space above the name (twips), pushing the red rule down towards the top third of the page. */
    spaceBeforeName: number;
    spaceBeforeIssueLine: number;
    spaceBeforeOrgLine: number;
    /** Space between the red rule and what follows (twips). */
    spaceAfterRule: number;
    redRule: RuleSpec;
    previewMarkText: string;
    /** Printed in place of the number on a preview: a full-width space keeps the gap visible. */
    blankNumber: string;
    source: string;
  };
  contents: { itemIndentChars: number; source: string };
  title: {
    /** Full-width characters of the title size that fit on one line of the text block. */
    charsPerLine: number;
    spaceBefore: number;
    spaceAfter: number;
    lineSpacing: number;
    source: string;
  };
  indent: {
    /** Body first-line indent in hundredths of a character (w:firstLineChars). */
    firstLineChars: number;
    /** Twips fallback for readers that ignore firstLineChars: 2 × 16 pt. */
    firstLine: number;
    source: string;
  };
  colophon: {
    thickRule: RuleSpec;
    thinRule: RuleSpec;
    /** Left and right inset of each line: one character of the colophon size, in twips. */
    sideIndent: number;
    /** Width of one colophon character in twips, for the hanging indent of 报/送/发. */
    charWidth: number;
    /** Between 签发：X and 审核：Y. */
    peopleSeparator: string;
    lineSpacing: number;
    /** Space between the last text and the colophon, so a floating colophon never touches it. */
    distanceFromText: number;
    /** Height of the empty paragraph after the colophon table (Word needs one; it anchors the table). */
    anchorLineHeight: number;
    source: string;
  };
  pageNumber: {
    /** One character of the page-number size, in twips. */
    sideIndent: number;
    dash: string;
    lineSpacing: number;
    source: string;
  };
  tables: {
    /** Every table's lines: single, w:sz in eighths of a point. */
    border: { size: number; color: string };
    contentsList: TableSpec & { headerFill: string };
    circular: TableSpec & {
      /** Half-points. */
      fontSize: number;
      /** Fixed columns in twips; the figure columns share what is left of the text block. */
      widths: { rank: number; unit: number; reward: number };
    };
    source: string;
  };
  /** Issue 19: tables inside items, their caption and unit lines. */
  bodyTables: {
    /** Candidate text sizes in half-points, largest first: the first at which every column's longest cell fits on one line wins, else the last. */
    sizes: number[];
    /** Exact line height of a table line at each candidate size (twips), in the same order. */
    lineHeights: number[];
    cell: FontSpec;
    header: FontSpec;
    caption: FontSpec;
    unit: FontSpec;
    cellMargin: { vertical: number; horizontal: number };
    /** A column is never narrower than this many characters of the table's size. */
    minColumnChars: number;
    source: string;
  };
  /** Issue 19: the 注： block at an item's end. */
  notes: {
    font: FontSpec;
    /** 注： hangs out by this many characters of the note size; later notes and wrapped lines align after it. */
    hangChars: number;
    source: string;
  };
  documentInfo: { creator: string; source: string };
  /** Issue 19: a picture placed in an item, printed only where the series allows pictures. */
  pictures: {
    /** The widest a picture prints, as a share of the text block (1 = the full 156 mm). */
    maxWidthShare: number;
    /** The tallest a picture prints, in grid lines of the 22-line page (its caption and border need the rest). */
    maxHeightLines: number;
    /** Twips per pixel at the picture's natural size (96 pixels to the inch), so a small picture is not blown up. */
    twipsPerPixel: number;
    /** The thin frame round the picture (w:sz-like eighths of a point) that keeps a pale picture's edge on a black-and-white printer. */
    border: { eighths: number; color: string };
    /** Grid lines' worth of room above and below the picture inside its paragraph (twips). */
    padding: number;
    caption: FontSpec;
    source: string;
  };
}

const TNR = 'Times New Roman';
const FANGSONG = '仿宋_GB2312';
const KAITI = '楷体_GB2312';
const HEITI = '黑体';
const XBS = '方正小标宋简体';
const SONGTI = '宋体';
const RED = 'FF0000';

/** A CJK font with Times New Roman for ASCII and the Chinese face for everything else. */
function font(eastAsia: string, size: number, source: string, extra: Partial<FontSpec> = {}): FontSpec {
  return { eastAsia, ascii: TNR, hAnsi: eastAsia, size, bold: false, color: null, characterSpacing: 0, source, ...extra };
}

export const LAYOUT_PROFILE: LayoutProfile = {
  page: { width: 11906, height: 16838, source: 'GB/T 5.1: A4, 210 × 297 mm' },
  margins: {
    top: 2098,
    bottom: 1984,
    left: 1588,
    right: 1474,
    header: 851,
    // The page number's dash sits about 7 mm under the text block (GB/T 7.5): 35 mm − 7 mm − a
    // 20 pt line leaves ≈ 25 mm; the footer line then ends below the bottom margin so Word never
    // pushes the body up to make room for it.
    footer: 1418,
    source: 'GB/T 5.2.1: top 37 mm, inner 28 mm, text block 156 × 225 mm; footer derived from GB/T 7.5',
  },
  grid: {
    linePitch: 579,
    lineSpacing: 579,
    linesPerPage: 22,
    charsPerLine: 28,
    widowControl: true,
    source: 'GB/T 5.2.3: 22 lines × 28 characters; 225 mm / 22 = 579 tw, rounded down; house: widow/orphan control on (docs/layout.md "Pagination")',
  },
  colors: { red: RED, source: 'GB/T 7.2.4 / 7.2.7 (red masthead and rule); house: print red M80 Y80, written FF0000' },
  fonts: {
    body: font(FANGSONG, 32, 'GB/T 5.2.2 / 7.3.3: 三号仿宋; −0.25 pt so 28 × 16 pt fits the 442 pt block', {
      characterSpacing: -5,
    }),
    title: font(XBS, 44, 'GB/T 7.3.1: 二号小标宋'),
    h1: font(HEITI, 32, 'GB/T 7.3.3: first level 一、 in 黑体', { characterSpacing: -5 }),
    h2: font(KAITI, 32, 'GB/T 7.3.3: second level （一） in 楷体', { characterSpacing: -5 }),
    h3: font(FANGSONG, 32, 'GB/T 7.3.3: third level 1. in 仿宋; house: bold', { bold: true, characterSpacing: -5 }),
    h4: font(FANGSONG, 32, 'GB/T 7.3.3: fourth level （1） in 仿宋', { characterSpacing: -5 }),
    sourceLine: font(KAITI, 32, 'house: source line （城关镇 供稿） in 三号楷体, right-aligned'),
    colophon: font(FANGSONG, 28, 'GB/T 7.4.2 / 7.4.3: 四号仿宋'),
    pageNumber: { ...font(SONGTI, 28, 'GB/T 7.5: 四号半角宋体阿拉伯数字'), ascii: SONGTI },
    mastheadName: font(XBS, 84, 'GB/T 7.2.4: red 小标宋 issuer mark; house: 初号 (42 pt) or 小初 (36 pt)', {
      color: RED,
    }),
    mastheadMark: font(HEITI, 32, 'GB/T 7.2.2: 密级 in 三号黑体, top left of the text block'),
    mastheadSerial: font(FANGSONG, 32, 'GB/T 7.2.1: 份号 in 三号 Arabic digits; house: top right'),
    previewMark: font(HEITI, 32, 'house: a draft shows 送审稿 in red bold so it is never taken for the issue', {
      bold: true,
      color: RED,
    }),
    issueLine: font(FANGSONG, 32, 'house: 第N期 centred in 三号仿宋, like the 发文字号 (GB/T 7.2.5)'),
    orgDateLine: font(FANGSONG, 32, 'house: compiling office left, date right, 三号仿宋'),
    contentsHeading: font(HEITI, 32, 'house: 本期要目 in 三号黑体'),
    contentsItem: font(KAITI, 32, 'house: each contents title on its own line in 三号楷体'),
    articleFoot: font(FANGSONG, 28, 'house: sender and contact under a single item in 四号仿宋'),
  },
  masthead: {
    nameSizes: [84, 72],
    // 一号 (26 pt): a 16-character name still fits one line; a longer one takes two lines at a larger size.
    minNameSize: 52,
    // 四号 (14 pt), the colophon's size: the office name stays legible beside the date.
    minOrgSize: 28,
    nameFill: 0.98,
    // The masthead adds up to exactly 8 grid lines (top line 579 + 579 + name 1158 + 290 + 579 +
    // 289 + 579 + rule 165 + 414), so the text after it starts on the grid: LibreOffice snaps it
    // there anyway and would otherwise lose most of a line.
    nameLineHeight: 1158,
    spaceBeforeName: 579,
    spaceBeforeIssueLine: 290,
    spaceBeforeOrgLine: 289,
    // A grid line less the rule's 6 pt gap and 2.25 pt weight (120 + 45 tw).
    spaceAfterRule: 414,
    redRule: { size: 18, color: RED, space: 6, source: 'GB/T 7.2.7: red rule as wide as the text block; house: 2.25 pt' },
    previewMarkText: '送审稿',
    blankNumber: '\u3000',
    source: 'house: masthead fills about the top third of page 1 (docs/layout.md "Masthead")',
  },
  contents: { itemIndentChars: 2, source: 'house: 本期要目 list after the red rule; the first title\'s space before parts them' },
  title: {
    // 8844 tw of text block / 440 tw per 22 pt character.
    charsPerLine: 20,
    spaceBefore: 579,
    spaceAfter: 0,
    lineSpacing: 579,
    source: 'GB/T 7.3.1: centred, wrapped as a trapezoid or diamond with whole words',
  },
  indent: { firstLineChars: 200, firstLine: 640, source: 'GB/T 7.3.3: 每个自然段左空二字，回行顶格' },
  colophon: {
    thickRule: { size: 8, color: '000000', space: 1, source: 'GB/T 7.4.1: first and last rule thick, 0.35 mm ≈ 1 pt' },
    thinRule: { size: 6, color: '000000', space: 1, source: 'GB/T 7.4.1: middle rule thin, 0.25 mm ≈ 0.75 pt' },
    sideIndent: 280,
    charWidth: 280,
    peopleSeparator: '\u3000\u3000\u3000',
    lineSpacing: 579,
    distanceFromText: 0,
    anchorLineHeight: 20,
    source: 'GB/T 7.4: 四号仿宋, 左右各空一字, wrapped recipients align after the colon; last rule on the text-block bottom',
  },
  pageNumber: {
    sideIndent: 280,
    dash: '\u2014',
    lineSpacing: 400,
    source: 'GB/T 7.5: 一字线 either side; 单页码居右空一字，双页码居左空一字',
  },
  tables: {
    border: { size: 4, color: '000000' },
    contentsList: {
      lineHeight: 400,
      cellMargin: { vertical: 60, horizontal: 60 },
      headerFill: 'F2F2F2',
      source: 'house: 报送清单 tables in 四号 like the colophon, on their own line height so rows are not two grid lines tall',
    },
    circular: {
      fontSize: 21,
      lineHeight: 320,
      cellMargin: { vertical: 40, horizontal: 60 },
      widths: { rank: 700, unit: 1900, reward: 980 },
      // Every header is two or four characters (two lines of two), a figure column holds five
      // digits, the unit name about eight characters, and the reward column a year's sums.
      source: 'house: the circular\'s table in 五号 (10.5 pt), as official tables often are, so eleven columns fit the 156 mm text block',
    },
    source: 'house: tables ruled all round and inside with ½ pt black lines',
  },
  bodyTables: {
    sizes: [28, 24, 21],
    lineHeights: [400, 340, 300],
    cell: font(FANGSONG, 28, 'house: tables in items set in 仿宋, 四号 where the columns allow, else 小四 or 五号'),
    header: font(FANGSONG, 28, 'house: the header row in the cells\' 仿宋, bold', { bold: true }),
    caption: font(HEITI, 32, 'house: a table\'s title centred above it in 三号黑体, kept with the table'),
    unit: font(FANGSONG, 28, 'house: 单位：亿元 right-aligned between the title and the table in 四号仿宋'),
    cellMargin: { vertical: 40, horizontal: 80 },
    minColumnChars: 2,
    source: 'house: full text-block width, ruled all round and inside like the office\'s other tables; header row repeated, rows never split',
  },
  notes: {
    font: font(FANGSONG, 28, 'house: 注： in 四号仿宋 after the item\'s body, on the body grid'),
    hangChars: 2,
    source: 'house: 注： at the margin, each numbered note and wrapped line aligned after it',
  },
  documentInfo: { creator: '政务信息编印台', source: 'house: fixed so a re-render gives the same bytes' },
  pictures: {
    maxWidthShare: 1,
    maxHeightLines: 10,
    twipsPerPixel: 15,
    border: { eighths: 6, color: '000000' },
    padding: 120,
    caption: font(KAITI, 28, 'house: a picture\'s caption centred under it in 四号楷体, kept with the picture, printed even when the unit gave none (图N)'),
    source: 'house: a picture centred, no wider than the text block (GB/T 5.2: 156 mm) and at most 10 grid lines (about 100 mm) tall, so a picture and its caption fit under an item\'s opening paragraphs, framed by a ¾ pt black line so it survives a black-and-white printer; off unless the series allows pictures (允许印发图片)',
  },
};

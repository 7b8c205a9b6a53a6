/**
 * Settings that make Word, WPS and LibreOffice lay a file out the same way, written explicitly
 * instead of left to each program's defaults (docs/layout-checks.md lists each with its reason).
 * The docx library cannot express them, so they are applied to the finished package's XML
 * (docx-zip.ts editZipParts): settings.xml is replaced, the document defaults gain the East-Asian
 * line-breaking switches, and every PAGE field gets a cached value.
 */
import type { PartEdit } from './docx-zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * Characters that may not end a line (opening brackets and quotes) and may not start one
 * (closing ones and the full stops), as Word's own Simplified-Chinese 标准 lists, so WPS and
 * LibreOffice — which read these lists — break where Word breaks.
 */
export const NO_LINE_BREAKS_AFTER = '$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥';
export const NO_LINE_BREAKS_BEFORE =
  '!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The whole settings part, elements in the order CT_Settings requires. evenAndOddHeaders is
 * always on (the footers differ on odd and even pages); compatibilityMode 15 is Word 2013+
 * layout, the mode WPS and LibreOffice emulate best.
 */
export function settingsXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:settings xmlns:w="${W}">` +
    '<w:defaultTabStop w:val="720"/>' +
    '<w:evenAndOddHeaders/>' +
    // Every character keeps its full width: no punctuation squeezing, which Word applies and
    // LibreOffice does not by default, so 28 characters fill each line in all three programs.
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    `<w:noLineBreaksAfter w:lang="zh-CN" w:val="${escapeAttr(NO_LINE_BREAKS_AFTER)}"/>` +
    `<w:noLineBreaksBefore w:lang="zh-CN" w:val="${escapeAttr(NO_LINE_BREAKS_BEFORE)}"/>` +
    '<w:compat>' +
    // A full-width character counts two half-width ones, as in the grid's 28-character line.
    '<w:balanceSingleByteDoubleByteWidth/>' +
    // A manual line break (titles) never stretches the justified line before it.
    '<w:doNotExpandShiftReturn/>' +
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>' +
    '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>' +
    '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>' +
    '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>' +
    '</w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' +
    '<w:decimalSymbol w:val="."/>' +
    '<w:listSeparator w:val=","/>' +
    '</w:settings>'
  );
}

/**
 * East-Asian line breaking on in every paragraph by default: kinsoku (the lists above), Latin
 * words kept whole (wordWrap; long Latin runs get break points from latin-breaks.ts instead),
 * hanging punctuation off so no 。 sticks out past the grid, and the space Word puts between
 * Chinese and Latin letters (autoSpaceDE) or digits (autoSpaceDN) — on, as in Word, and now
 * said, because the pagination model counts it. Inserted in CT_PPrBase order before w:spacing.
 */
export const PPR_DEFAULTS =
  '<w:kinsoku w:val="1"/><w:wordWrap w:val="1"/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="1"/><w:autoSpaceDN w:val="1"/>';

export const editStyles: PartEdit = (xml) => {
  const at = '<w:pPrDefault><w:pPr>';
  if (!xml.includes(at)) throw new Error('styles.xml has no paragraph defaults to extend');
  return xml.replace(at, at + PPR_DEFAULTS);
};

/**
 * A PAGE field written by docx is begin · instr · separate · end with nothing between separate
 * and end; programs that show the cached result (previews, WPS before it updates fields, text
 * extraction) then show no number. The cached value is the first page the footer can stand on:
 * 2 for an even pages' footer (pageNumberFooter sets those left-aligned), 1 otherwise. A footer
 * without a PAGE field (an empty one) is left as it is.
 */
export const cachePageField: PartEdit = (xml) => {
  const cached = xml.includes('<w:jc w:val="left"/>') ? '2' : '1';
  const field =
    /(<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><\/w:r>)(<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="end"\/><\/w:r>)/g;
  return xml.replace(field, (_m, separate: string, rPr: string | undefined, end: string) => `${separate}<w:r>${rPr ?? ''}<w:t>${cached}</w:t></w:r>${end}`);
};

/** The parts every Word file of the app has, edited; docx-zip.ts refuses a package lacking one. */
export const COMPAT_EDITS: Readonly<Record<string, PartEdit>> = {
  'word/settings.xml': () => settingsXml(),
  'word/styles.xml': editStyles,
};

/** Every footer, however many sections the document has. */
export const footerEdits = (name: string): PartEdit | undefined => (/^word\/footer\d+\.xml$/.test(name) ? cachePageField : undefined);

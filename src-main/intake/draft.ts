/**
 * The blocks read from a file → a draft's title and paragraphs, by the same rules for Word and
 * text files. Nothing is dropped but empty lines: lines before the title (a unit's letterhead,
 * an issue line) stay as body paragraphs, so the editor decides what to cut.
 */
import { LIMITS } from '../api/schemas';
import { cleanLine, detectHeadingLevel, type HeadingLevel, type Paragraph } from '../api/text';
import { isUnitLine, normalizeTable, tableText, type BodyTable } from '../api/body-tables';
import { IntakeRefusal } from './formats';

export interface RawBlock {
  text: string;
  /** The heading level of the paragraph's style (1–6), 0 or absent for body text. */
  styleLevel?: number;
  /** Styled as a title (Word's Title, the bulletin's own 简报标题). */
  titleStyle?: boolean;
  /** A table (its text is then ''). */
  table?: BodyTable;
  /** A footnote's or endnote's text. */
  note?: boolean;
  /** A picture: its index among the draft's pictures, −1 for one linked from outside the file. */
  picture?: number;
}

/** A picture kept with a draft: the bytes as the file held them, and the caption line under it. */
export interface DraftPicture {
  contentType: string;
  bytes: Buffer;
  caption: string;
}

export interface DraftText {
  title: string;
  paragraphs: Paragraph[];
  /** Issue 19: the draft's pictures (none for a text file). */
  pictures?: DraftPicture[];
  /** Only pictures and their captions: registered and marked 图片稿. */
  pictureOnly?: boolean;
}

/** A styled heading counts as the title only when nothing but short lines (a letterhead, a date) comes before it. */
const LEAD_LINE_MAX = 40;
/** When the first line is too long to be a title, this much of it names the draft (and the line stays in the body). */
const FALLBACK_TITLE_CHARS = 40;

const length = (s: string) => [...s].length;

function pickTitle(blocks: readonly (Pick<RawBlock, 'table' | 'picture'> & { text: string; styleLevel: number; titleStyle: boolean })[]): number {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.table || b.picture !== undefined) break; // the title comes before the first table
    const styled = b.titleStyle || b.styleLevel > 0;
    // 一、… styled as Heading 1 is a section of the body, not the draft's title.
    if (styled && detectHeadingLevel(b.text) === 0 && length(b.text) <= LIMITS.title) return i;
    if (length(b.text) > LEAD_LINE_MAX || detectHeadingLevel(b.text) > 0) break;
  }
  return 0;
}

function levelOf(b: { text: string; styleLevel: number }, titleLevel: number): HeadingLevel {
  const byPrefix = detectHeadingLevel(b.text);
  if (byPrefix > 0) return byPrefix;
  if (b.styleLevel <= 0) return 0;
  // A title in Heading 1 with sections in Heading 2: the sections are the body's first level.
  const relative = titleLevel > 0 && b.styleLevel > titleLevel ? b.styleLevel - titleLevel : b.styleLevel;
  return Math.min(4, Math.max(1, relative)) as HeadingLevel;
}

/** A line under a picture that names it: short, and 图… or not a sentence. */
const CAPTION_MAX = 60;
function isCaption(text: string): boolean {
  return length(text) <= CAPTION_MAX && detectHeadingLevel(text) === 0 && (/^[（(]?图/.test(text) || !/[。；，！？]$/.test(text));
}

/** A short line above a table that names it (表1 …, …情况表, …主要经济指标). */
function isTableCaption(text: string): boolean {
  return length(text) <= CAPTION_MAX && detectHeadingLevel(text) === 0 && !/[。；，！？：:]$/.test(text) && /表|指标|情况|统计|一览/.test(text);
}

/** The first sentence of a paragraph, as the title of a draft that has no title line. */
function firstSentence(text: string): string {
  const m = /^.+?[。！？!?](?=.)/u.exec(text);
  const sentence = (m ? m[0] : text).replace(/[。！？!?]$/u, '');
  return length(sentence) <= LIMITS.title && length(sentence) <= FALLBACK_TITLE_CHARS * 2
    ? sentence
    : `${[...sentence].slice(0, FALLBACK_TITLE_CHARS).join('')}…`;
}

export const PICTURE_ONLY_MARK = '图片稿';

const NOTE_NUMBER = (i: number) => `${i + 1}．`;

/** The notes as the 注： block: one note reads 注：…; several read 注：1．… then 2．… */
function noteParagraphs(notes: readonly string[]): Paragraph[] {
  if (notes.length === 1) return [{ level: 0, text: `注：${notes[0]}`, note: true }];
  return notes.map((t, i) => ({ level: 0, text: `${i === 0 ? '注：' : ''}${NOTE_NUMBER(i)}${t}`, note: true }));
}

type Block = Required<Pick<RawBlock, 'text' | 'styleLevel' | 'titleStyle'>> & Pick<RawBlock, 'table' | 'picture'>;

export function draftFromBlocks(raw: readonly RawBlock[], pictures: DraftPicture[] = []): DraftText {
  const notes = raw.filter((b) => b.note).map((b) => cleanLine(b.text)).filter(Boolean);
  const cleaned: Block[] = raw
    .filter((b) => !b.note)
    .map((b) => ({ text: cleanLine(b.text), styleLevel: b.styleLevel ?? 0, titleStyle: b.titleStyle ?? false, table: b.table, picture: b.picture }))
    .filter((b) => b.text.length > 0 || b.table || b.picture !== undefined);
  // A picture's caption goes with the picture; a table takes the unit line and caption above it.
  const all: Block[] = [];
  let linked = 0;
  for (let i = 0; i < cleaned.length; i++) {
    const b = cleaned[i]!;
    if (b.picture !== undefined) {
      const next = cleaned[i + 1];
      const caption = next && next.picture === undefined && !next.table && isCaption(next.text) ? next.text : '';
      if (caption) i++;
      if (b.picture >= 0 && pictures[b.picture]) pictures[b.picture]!.caption = caption;
      else {
        linked++;
        if (caption) all.push({ ...next!, picture: -1 });
      }
      continue;
    }
    if (b.table) {
      let table = b.table;
      const firstText = all.findIndex((x) => !x.table && x.picture === undefined);
      const prev = all[all.length - 1];
      if (prev && !prev.table && prev.picture === undefined && isUnitLine(prev.text)) table = { ...table, unit: all.pop()!.text };
      const before = all[all.length - 1];
      if (before && !before.table && before.picture === undefined && all.length - 1 !== firstText && isTableCaption(before.text)) {
        table = { ...table, caption: all.pop()!.text };
      }
      table = normalizeTable(table);
      all.push({ text: tableText(table), styleLevel: 0, titleStyle: false, table });
      continue;
    }
    all.push(b);
  }
  const captions = pictures.map((p) => p.caption).filter(Boolean);
  const textual = all.filter((b) => !b.table && b.picture === undefined);
  if (all.length === 0 && notes.length === 0) {
    if (pictures.length > 0 || linked > 0) {
      // 图片稿: only pictures (and their captions). Registered, so the unit's pictures are on record.
      const kept = pictures.length;
      const paragraphs: Paragraph[] = captions.length
        ? captions.map((text) => ({ level: 0, text }))
        : [{ level: 0, text: kept ? `（图片稿：共${kept}张图片，无图片说明，图片随稿件保存。）` : '（图片稿：图片链接到文件以外，未随文件发来，请向来稿单位索要原图。）' }];
      // The mark is in the title, where the register, search and the editor all show it.
      return { title: captions.length ? `${PICTURE_ONLY_MARK}：${firstSentence(captions[0]!)}` : PICTURE_ONLY_MARK, paragraphs, pictures, pictureOnly: true };
    }
    throw new IntakeRefusal('文件中没有文字。请确认来稿单位发来的是稿件本身，而不是空白文档。');
  }

  let title: string;
  let body: Block[];
  let titleLevel = 0;
  if (textual.length === 0) {
    // Tables or notes only: the first table's caption, or the first note, names the draft.
    const table = all.find((b) => b.table)?.table;
    title = table?.caption || (notes[0] ? firstSentence(notes[0]) : '') || '表格稿';
    body = all;
  } else {
    const t = pickTitle(all);
    const first = all[t]!;
    if (length(first.text) <= LIMITS.title && !first.table && first.picture === undefined) {
      title = first.text;
      body = all.filter((_, i) => i !== t);
      titleLevel = first.titleStyle ? 0 : first.styleLevel;
      // A one-paragraph draft (a short 简讯): the paragraph is the body, its first sentence the title.
      if (body.length === 0) {
        title = firstSentence(first.text);
        body = [{ ...first, styleLevel: 0, titleStyle: false }];
      }
    } else {
      title = firstSentence(textual[0]!.text);
      body = all;
    }
  }
  const paragraphs: Paragraph[] = [
    ...body.map((b): Paragraph => (b.table ? { level: 0, text: b.text, table: b.table } : { level: levelOf(b, titleLevel), text: b.text })),
    ...noteParagraphs(notes),
  ];
  if (paragraphs.length > LIMITS.paragraphs) {
    throw new IntakeRefusal(`文件有 ${paragraphs.length} 段，超过 ${LIMITS.paragraphs} 段的上限，不像一份信息稿件。请检查是否选错了文件。`);
  }
  const longest = Math.max(...paragraphs.map((p) => p.text.length));
  if (longest > LIMITS.paragraph) {
    throw new IntakeRefusal(`文件中有一段超过 ${LIMITS.paragraph} 字，无法作为稿件导入。请在 Word 中把它分成几段后再导入。`);
  }
  const total = paragraphs.reduce((n, p) => n + p.text.length, 0);
  if (total > LIMITS.bodyChars) {
    throw new IntakeRefusal(`正文超过 ${LIMITS.bodyChars} 字，不像一份信息稿件。请检查是否选错了文件。`);
  }
  return { title, paragraphs, pictures };
}

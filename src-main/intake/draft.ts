/**
 * The blocks read from a file → a draft's title and paragraphs, by the same rules for Word and
 * text files. Nothing is dropped but empty lines: lines before the title (a unit's letterhead,
 * an issue line) stay as body paragraphs, so the editor decides what to cut.
 */
import { LIMITS } from '../api/schemas';
import { cleanLine, detectHeadingLevel, type HeadingLevel, type Paragraph } from '../api/text';
import { IntakeRefusal } from './formats';

export interface RawBlock {
  text: string;
  /** The heading level of the paragraph's style (1–6), 0 or absent for body text. */
  styleLevel?: number;
  /** Styled as a title (Word's Title, the bulletin's own 简报标题). */
  titleStyle?: boolean;
}

export interface DraftText {
  title: string;
  paragraphs: Paragraph[];
}

/** A styled heading counts as the title only when nothing but short lines (a letterhead, a date) comes before it. */
const LEAD_LINE_MAX = 40;
/** When the first line is too long to be a title, this much of it names the draft (and the line stays in the body). */
const FALLBACK_TITLE_CHARS = 40;

const length = (s: string) => [...s].length;

function pickTitle(blocks: readonly Required<RawBlock>[]): number {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const styled = b.titleStyle || b.styleLevel > 0;
    // 一、… styled as Heading 1 is a section of the body, not the draft's title.
    if (styled && detectHeadingLevel(b.text) === 0 && length(b.text) <= LIMITS.title) return i;
    if (length(b.text) > LEAD_LINE_MAX || detectHeadingLevel(b.text) > 0) break;
  }
  return 0;
}

function levelOf(b: Required<RawBlock>, titleLevel: number): HeadingLevel {
  const byPrefix = detectHeadingLevel(b.text);
  if (byPrefix > 0) return byPrefix;
  if (b.styleLevel <= 0) return 0;
  // A title in Heading 1 with sections in Heading 2: the sections are the body's first level.
  const relative = titleLevel > 0 && b.styleLevel > titleLevel ? b.styleLevel - titleLevel : b.styleLevel;
  return Math.min(4, Math.max(1, relative)) as HeadingLevel;
}

export function draftFromBlocks(raw: readonly RawBlock[]): DraftText {
  const blocks = raw
    .map((b) => ({ text: cleanLine(b.text), styleLevel: b.styleLevel ?? 0, titleStyle: b.titleStyle ?? false }))
    .filter((b) => b.text.length > 0);
  if (blocks.length === 0) throw new IntakeRefusal('文件中没有文字。请确认报送单位发来的是稿件本身，而不是空白文档或只有图片的文档。');

  const t = pickTitle(blocks);
  const first = blocks[t]!;
  let title: string;
  let body: Required<RawBlock>[];
  if (length(first.text) <= LIMITS.title) {
    title = first.text;
    body = blocks.filter((_, i) => i !== t);
  } else {
    title = `${[...first.text].slice(0, FALLBACK_TITLE_CHARS).join('')}…`;
    body = blocks;
  }
  if (body.length === 0) throw new IntakeRefusal(`文件中只有一行文字（“${title}”），没有正文。`);
  if (body.length > LIMITS.paragraphs) {
    throw new IntakeRefusal(`文件有 ${body.length} 段，超过 ${LIMITS.paragraphs} 段的上限，不像一份信息稿件。请检查是否选错了文件。`);
  }
  const titleLevel = first.titleStyle ? 0 : first.styleLevel;
  const paragraphs = body.map((b) => ({ level: levelOf(b, titleLevel), text: b.text }));
  const longest = Math.max(...paragraphs.map((p) => p.text.length));
  if (longest > LIMITS.paragraph) {
    throw new IntakeRefusal(`文件中有一段超过 ${LIMITS.paragraph} 字，无法作为稿件导入。请在 Word 中把它分成几段后再导入。`);
  }
  const total = paragraphs.reduce((n, p) => n + p.text.length, 0);
  if (total > LIMITS.bodyChars) {
    throw new IntakeRefusal(`正文超过 ${LIMITS.bodyChars} 字，不像一份信息稿件。请检查是否选错了文件。`);
  }
  return { title, paragraphs };
}

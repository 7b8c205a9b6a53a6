/**
 * One item's paragraphs for Word — title, body, tables, notes, source line — shared by the issue
 * and the single-item (packet) layouts. Kept apart from docx-blocks.ts so the table builders
 * (docx-body-table.ts) can use the block helpers without an import circle.
 */
import type { Paragraph, Table } from 'docx';
import type { Paragraph as BodyParagraph } from '../api/text';
import { bodyParagraph, safeLine, sourceParagraph, titleParagraph } from './docx-blocks';
import { bodyTable, noteParagraph, tableCaptionParagraphs } from './docx-body-table';
import type { LayoutProfile } from './layout-profile';
import type { PrintPicture } from './model';
import { pictureParagraphs } from './docx-picture';

export function articleParagraphs(
  article: { title: string; paragraphs: readonly BodyParagraph[]; source: string | null; pictures?: ReadonlyMap<number, PrintPicture> },
  profile: LayoutProfile,
  pageBreakBefore: boolean,
  pullSource = false,
): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [titleParagraph(article.title, profile, pageBreakBefore)];
  const hasSource = article.source !== null && safeLine(article.source) !== '';
  const paras = article.paragraphs.filter((p) => p.table || safeLine(p.text));
  // Where the pagination model finds （城关镇 供稿） alone at a page's top, the last paragraph goes with it.
  let pictures = 0;
  paras.forEach((p, i) => {
    // Issue 19: a picture prints only when the model carries it (the series allows pictures).
    if (p.picture) {
      const pic = article.pictures?.get(p.picture.id);
      if (pic) out.push(...pictureParagraphs(p.picture, pic, ++pictures, profile));
    } else if (p.table) out.push(...tableCaptionParagraphs(p.table, profile), bodyTable(p.table, profile));
    else if (p.note) out.push(noteParagraph(p, profile));
    else out.push(bodyParagraph(p, profile, pullSource && hasSource && i === paras.length - 1));
  });
  if (article.source !== null && hasSource) out.push(sourceParagraph(article.source, profile));
  return out;
}

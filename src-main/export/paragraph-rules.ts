/**
 * Rules about body paragraphs that the Word renderer and the pagination model must apply alike.
 * Pure functions only.
 */
import { cleanLine, type Paragraph as BodyParagraph } from '../api/text';

/**
 * A heading that runs on into body text (`一、总体情况。今年以来……`) is set in the heading face
 * only up to its first full stop, as offices do; the rest is body text.
 */
export function splitLead(text: string): [string, string] {
  const m = /^[^。！？]*[。！？]/u.exec(text);
  if (!m || m[0].length >= text.length) return [text, ''];
  return [m[0], text.slice(m[0].length)];
}

/**
 * Keep rules of a body paragraph (docs/layout.md "Pagination"): a heading that stands alone
 * (一、总体情况) keeps with what follows and is never split; one that runs on into body text is
 * body text that happens to open with a heading. `pullSource`: the pagination model found the
 * item's source line alone at the top of a page, so this, the item's last paragraph, goes whole
 * with it (LibreOffice never splits a keep-with-next paragraph, so keep-lines makes Word do the same).
 */
export function keepRules(p: BodyParagraph, pullSource: boolean): { keepNext: boolean; keepLines: boolean } {
  const standsAlone = p.level > 0 && splitLead(cleanLine(p.text))[1] === '';
  return { keepNext: standsAlone || pullSource, keepLines: standsAlone || pullSource };
}

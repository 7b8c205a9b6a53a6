/**
 * The pagination model: lays an issue out page by page on the 22-line grid, as LibreOffice and
 * Word do with the paragraph properties the renderer writes (docs/layout.md "Pagination"):
 *
 * - a page holds 22 grid lines; a paragraph's lines fill it in order;
 * - page break before (一篇一页) starts a new page; space before is dropped at the top of a page;
 * - keep lines together: a paragraph that does not fit whole moves whole (if it fits on a page);
 * - widow/orphan control: no single line of a paragraph alone at a page's top or bottom;
 * - keep with next: a paragraph whose successor starts on the next page goes with it (its last
 *   line, or all of it with keep lines together), in chains (title → heading → first lines);
 * - a table's rows are never split; its header rows repeat at the top of each page it runs onto;
 * - the colophon takes its lines at the foot of the last page, or a page of its own when they do
 *   not fit — a page that then prints no number (the renderer puts it in a last section whose
 *   footer is empty).
 *
 * Pure functions only; the same IssueDocModel the Word renderer prints goes in.
 */
import type { IssueLayout, LaidLine, LaidPage } from '../api/layout-types';
import { issueBlocks, type Block } from './layout-blocks';
import { LAYOUT_PROFILE, type LayoutProfile } from './layout-profile';
import type { IssueDocModel } from './model';

interface Flat {
  line: LaidLine;
  block: number;
  /** Index of the line within its block. */
  index: number;
}

const EPS = 1e-6;

/** Index of the first line of the next page, for a page starting at `start`, after the keep rules. */
function pageEnd(flat: readonly Flat[], blocks: readonly Block[], firstOfBlock: readonly number[], start: number, capacity: number): number {
  let used = 0;
  let b = start;
  for (; b < flat.length; b++) {
    const f = flat[b] as Flat;
    const blk = blocks[f.block] as Block;
    if (b > start && f.index === 0 && blk.pageBreakBefore) return b;
    const space = f.index === 0 && b > start ? blk.spaceBefore : 0;
    if (used + space + f.line.height > capacity + EPS) break;
    used += space + f.line.height;
  }
  if (b >= flat.length) return flat.length;
  const natural = b;
  // Move the break back until every keep rule holds; give up (keep the natural break) if the
  // rules would leave the page empty.
  for (let guard = 0; guard < 1000; guard++) {
    const f = flat[b] as Flat;
    const blk = blocks[f.block] as Block;
    const first = firstOfBlock[f.block] as number;
    const n = blk.lines.length;
    const k = f.index; // lines of this block above the break
    let nb = b;
    if (k > 0) {
      if (blk.keepLines && first > start) nb = first;
      // A table's header rows never end a page without a row under them (Word: keep with next).
      else if (blk.headerLines && k <= blk.headerLines && first > start) nb = first;
      else if (blk.widowControl) {
        if (k === 1) nb = first;
        else if (n - k === 1) nb = k - 1 >= 2 ? b - 1 : first;
      }
    }
    if (nb === first || k === 0) {
      // The block starts on the next page: a keep-with-next predecessor goes with it.
      const prevIdx = (nb === first ? first : b) - 1;
      const prev = flat[prevIdx];
      if (prev && prevIdx >= start) {
        const pb = blocks[prev.block] as Block;
        if (pb.keepNext) {
          const pFirst = firstOfBlock[prev.block] as number;
          const pn = pb.lines.length;
          let cand: number;
          if (pb.keepLines) cand = pFirst;
          else if (pb.widowControl) cand = pn >= 4 ? pFirst + pn - 2 : pFirst;
          else cand = pFirst + pn - 1;
          if (cand <= start) return natural;
          b = cand;
          continue;
        }
      }
    }
    if (nb <= start) return natural;
    if (nb === b) return b;
    b = nb;
  }
  return natural;
}

function paginate(model: IssueDocModel, profile: LayoutProfile, pulls: ReadonlySet<number>): IssueLayout {
  const { blocks, colophon } = issueBlocks(model, profile, pulls);
  const flat: Flat[] = [];
  const firstOfBlock: number[] = [];
  blocks.forEach((blk, bi) => {
    firstOfBlock.push(flat.length);
    blk.lines.forEach((line, index) => flat.push({ line, block: bi, index }));
  });
  const capacity = profile.grid.linesPerPage;
  const pages: LaidPage[] = [];
  let used = 0;
  for (let start = 0; start < flat.length; ) {
    // A table running on from the last page repeats its header rows at the top of this one.
    const at = flat[start] as Flat;
    const atBlock = blocks[at.block] as Block;
    const header = atBlock.headerLines && at.index >= atBlock.headerLines ? atBlock.lines.slice(0, atBlock.headerLines) : [];
    const headerHeight = header.reduce((n, l) => n + l.height, 0);
    const end = Math.max(start + 1, pageEnd(flat, blocks, firstOfBlock, start, capacity - headerHeight));
    const lines = [...header, ...flat.slice(start, end).map((f) => f.line)];
    used = headerHeight;
    flat.slice(start, end).forEach((f, i) => {
      used += f.line.height + (f.index === 0 && i > 0 ? (blocks[f.block] as Block).spaceBefore : 0);
    });
    pages.push({ index: pages.length + 1, pageNumber: pages.length + 1, lines });
    start = end;
  }
  let colophonAlone = false;
  if (colophon) {
    const last = pages[pages.length - 1];
    if (last && used + colophon.height <= capacity + EPS) {
      last.lines.push(...colophon.lines);
    } else {
      colophonAlone = true;
      pages.push({ index: pages.length + 1, pageNumber: null, lines: colophon.lines });
    }
  }
  return { pages, pageCount: pages.length, colophonAlone };
}

export interface IssuePlan {
  layout: IssueLayout;
  /** Items whose last paragraph the renderer keeps whole with the source line. */
  pulls: ReadonlySet<number>;
}

/**
 * Lays the issue out; where an item's source line would stand alone at the top of a page, its
 * last paragraph is pulled along with it and the issue laid out again.
 */
export function planIssue(model: IssueDocModel, profile: LayoutProfile = LAYOUT_PROFILE): IssuePlan {
  const pulls = new Set<number>();
  for (;;) {
    const layout = paginate(model, profile, pulls);
    const stranded = layout.pages
      .map((p) => p.lines[0])
      .find((l) => l?.kind === 'source' && l.article !== undefined && !pulls.has(l.article) && (model.articles[l.article]?.paragraphs.length ?? 0) > 0);
    if (!stranded || stranded.article === undefined) return { layout, pulls };
    pulls.add(stranded.article);
  }
}

export function layoutIssue(model: IssueDocModel, profile: LayoutProfile = LAYOUT_PROFILE): IssueLayout {
  return planIssue(model, profile).layout;
}

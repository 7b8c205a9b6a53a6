/**
 * The issue page by page as the pagination model lays it out (API op issueLayout): each A4
 * sheet holds the lines the model put on it, on the 22-line grid, with `— N —` at the foot —
 * right on odd pages, left on even ones, none where the model prints none (a page holding only
 * the colophon). The lines are the model's, so the page breaks and the count are the print's.
 */
import { Box, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { CSSProperties } from 'react';
import type { IssueLayout, LaidLine, LaidPage } from '../../../src-main/api/layout-types';
import { isTableLine, PreviewTableLine } from './PreviewTableLines';
import { PreviewPicture } from './PreviewPicture';

const MM = 96 / 25.4;
const SHEET_W = 210 * MM;
const SHEET_H = 297 * MM;
const TEXT_W = 156 * MM;
/** One grid line: 579 twips = 28.95 pt. */
const LINE_PT = 28.95;

export interface PagedPreviewProps {
  layout: IssueLayout;
  /** 送审稿 or 已作废 across page 1; null for a signed issue. */
  stamp: string | null;
  /** Fixed scale (1 in the enlarged view); by default each sheet fits the container's width. */
  scale?: number;
}

const KIND_CLASS: Partial<Record<LaidLine['kind'], string>> = {
  mark: 'bd-line-mark',
  masthead: 'bd-masthead',
  'contents-heading': 'bd-contents-heading',
  contents: 'bd-contents-item',
  title: 'bd-item-title',
  heading1: 'bd-level-1',
  heading2: 'bd-level-2',
  heading3: 'bd-level-3',
  heading4: 'bd-level-4',
  body: 'bd-level-0',
  source: 'bd-source',
  colophon: 'bd-line-colophon',
  'picture-caption': 'bd-picture-caption',
};

const GRID_KINDS = new Set<LaidLine['kind']>(['body', 'heading1', 'heading2', 'heading3', 'heading4']);

/** The masthead name on one line: 初号 (42 pt) at most, smaller when the name is long. */
function mastheadStyle(text: string): CSSProperties {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) < 0x7f ? 0.5 : 1;
  return { fontSize: Math.min((42 / 72) * 96, (TEXT_W * 0.96) / Math.max(units, 1)), whiteSpace: 'nowrap' };
}

function Line({ line, first, last }: { line: LaidLine; first: boolean; last: boolean }) {
  const height = `${line.height * LINE_PT}pt`;
  const style: CSSProperties = {
    height,
    lineHeight: height,
    textAlign: line.align === 'justify' ? 'left' : line.align,
    // Always set: the heading classes indent 2em, but only a paragraph's first line is indented.
    textIndent: `${line.indent}em`,
    // Body faces print 0.25 pt tighter so 28 characters fill the 156 mm line (layout profile).
    letterSpacing: GRID_KINDS.has(line.kind) ? '-0.25pt' : undefined,
    whiteSpace: 'pre',
    overflow: 'hidden',
    margin: 0,
    ...(line.kind === 'masthead' ? mastheadStyle(line.text) : {}),
    ...(line.kind === 'rule' ? { borderBottom: '2.25pt solid var(--bd-official-red)', height: `${(line.height * LINE_PT) / 2}pt` } : {}),
    ...(line.kind === 'colophon' && first ? { borderTop: '1pt solid #000' } : {}),
    ...(line.kind === 'colophon' && last ? { borderBottom: '1pt solid #000' } : {}),
  };
  // Issue 19: a placed picture, where the series prints pictures.
  if (line.kind === 'picture' && line.picture) return <PreviewPicture line={{ ...line, picture: line.picture }} style={style} />;
  if (line.kind === 'office-date') {
    return (
      <div style={{ ...style, display: 'flex', justifyContent: 'space-between' }} data-kind={line.kind}>
        <span>{line.text}</span>
        <span>{line.right ?? ''}</span>
      </div>
    );
  }
  return (
    <div className={KIND_CLASS[line.kind]} style={style} data-kind={line.kind}>
      {line.text}
    </div>
  );
}

function Sheet({ page, stamp }: { page: LaidPage; stamp: string | null }) {
  const odd = page.index % 2 === 1;
  return (
    <div className="bd-sheet bd-paged" style={{ height: SHEET_H, transform: 'none' }} data-testid="preview-page" data-page={page.index}>
      {stamp && page.index === 1 && (
        <div className="bd-stamp" data-testid="preview-stamp">
          {stamp}
        </div>
      )}
      {page.lines.map((line, i) =>
        isTableLine(line) ? (
          <PreviewTableLine key={i} line={line} closes={page.lines[i + 1]?.kind !== 'table-row'} />
        ) : (
          <Line
            key={i}
            line={line}
            first={line.kind === 'colophon' && page.lines[i - 1]?.kind !== 'colophon'}
            last={line.kind === 'colophon' && page.lines[i + 1]?.kind !== 'colophon'}
          />
        ),
      )}
      {page.pageNumber !== null && (
        <div
          className="bd-page-number"
          style={odd ? { right: '26mm', paddingRight: '1em', textAlign: 'right' } : { left: '28mm', paddingLeft: '1em', textAlign: 'left' }}
          data-testid="preview-page-number"
        >
          — {page.pageNumber} —
        </div>
      )}
    </div>
  );
}

export function PagedPreview({ layout, stamp, scale: fixedScale }: PagedPreviewProps) {
  const outer = useElementSize();
  const scale = fixedScale ?? (outer.width > 0 ? Math.min(1, outer.width / SHEET_W) : 0.5);
  return (
    <Box ref={outer.ref} w={fixedScale ? SHEET_W * fixedScale : '100%'} data-testid="paged-preview" data-pages={layout.pageCount}>
      <Stack gap={12 * scale}>
        {layout.pages.map((page) => (
          <Box key={page.index} h={SHEET_H * scale} w={SHEET_W * scale} style={{ overflow: 'hidden' }}>
            <div style={{ transform: `scale(${scale})`, transformOrigin: 'top left', width: SHEET_W }}>
              <Sheet page={page} stamp={stamp} />
            </div>
          </Box>
        ))}
        <Text size="xs" c="dimmed" ta="center" data-testid="preview-page-count">
          共 {layout.pageCount} 页
        </Text>
      </Stack>
    </Box>
  );
}

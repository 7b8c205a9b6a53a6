/**
 * A table in an item, drawn on the paged preview's sheet (issue 19): the caption centred in
 * 黑体, the unit line right-aligned, then the rows as the pagination model laid them out, each a
 * ruled row of cells with the widths and text size the Word file uses. The model repeats the
 * header rows at the top of a page the table runs onto, so they are drawn again there; the
 * last row on a page closes the table's rule.
 */
import type { CSSProperties } from 'react';
import type { LaidLine } from '../../../src-main/api/layout-types';

/** One grid line: 579 twips = 28.95 pt (as in PagedPreview). */
const LINE_PT = 28.95;
const RULE = '0.75pt solid #000';

export const isTableLine = (line: LaidLine) => line.kind === 'table-caption' || line.kind === 'table-unit' || line.kind === 'table-row';

function base(line: LaidLine): CSSProperties {
  const height = `${line.height * LINE_PT}pt`;
  return { height, lineHeight: height, margin: 0, whiteSpace: 'pre', overflow: 'hidden' };
}

/** `closes`: the row is the last of its table on this page (the rule under it is drawn). */
export function PreviewTableLine({ line, closes }: { line: LaidLine; closes: boolean }) {
  if (line.kind === 'table-caption') {
    return (
      <div style={{ ...base(line), textAlign: 'center', fontFamily: 'var(--bd-heiti)' }} data-kind={line.kind} data-testid="preview-table-caption">
        {line.text}
      </div>
    );
  }
  if (line.kind === 'table-unit') {
    return (
      <div style={{ ...base(line), textAlign: 'right', fontSize: '14pt' }} data-kind={line.kind} data-testid="preview-table-unit">
        {line.text}
      </div>
    );
  }
  const size = (line.textSize?.size ?? 28) / 2;
  const lineHeight = (line.textSize?.lineHeight ?? 400) / 20;
  // The space the grid adds under the table's last row lies below its rule.
  const below = line.spaceBelow ?? 0;
  return (
    <div
      style={{
        height: `${(line.height - below) * LINE_PT}pt`,
        marginBottom: `${below * LINE_PT}pt`,
        display: 'flex',
        boxSizing: 'border-box',
        borderBottom: closes ? RULE : undefined,
        fontSize: `${size}pt`,
        lineHeight: `${lineHeight}pt`,
      }}
      data-kind={line.kind}
      data-testid="preview-table-row"
      data-header={line.repeated || undefined}
    >
      {(line.cells ?? []).map((cell, i, all) => (
        <div
          key={i}
          style={{
            width: `${cell.width * 100}%`,
            boxSizing: 'border-box',
            borderLeft: RULE,
            borderRight: i === all.length - 1 ? RULE : undefined,
            borderTop: cell.continued ? undefined : RULE,
            padding: '2pt 4pt',
            textAlign: cell.align,
            fontWeight: cell.header ? 700 : undefined,
            overflow: 'hidden',
            overflowWrap: 'anywhere',
            whiteSpace: 'normal',
            textIndent: 0,
          }}
          data-testid="preview-table-cell"
        >
          {cell.text}
        </div>
      ))}
    </div>
  );
}

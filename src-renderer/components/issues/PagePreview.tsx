/**
 * An on-screen likeness of the printed issue (FORMAT.md): an A4 sheet with the red masthead,
 * contents, items and colophon, scaled to the width it is given. It is a guide for the editor,
 * not the print: the Word file is made by the API. Unsigned issues are stamped 送审稿.
 */
import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { Fragment } from 'react';
import type { Paragraph } from '../../../src-main/api/text';
import type { Issue, PrintSettings } from '../../../src-main/api/types';
import { formatDate, formatDateChinese } from '../../format';

export interface PreviewArticle {
  id: number;
  title: string;
  unit: string | null;
  /** Null while the body is still loading. */
  paragraphs: Paragraph[] | null;
}

export interface PagePreviewProps {
  print: PrintSettings;
  issue: Pick<Issue, 'number' | 'totalNumber' | 'supplement' | 'date' | 'signedBy' | 'status'>;
  articles: PreviewArticle[];
  /** Fixed scale (e.g. 1 in the enlarged view); by default the sheet fits its container. */
  scale?: number;
}

const SHEET_PX = (210 / 25.4) * 96;
const TEXT_PX = (156 / 25.4) * 96;
const MASTHEAD_MAX_PX = (42 / 72) * 96;

/** The largest masthead size (up to 初号) that keeps the name on one line; ASCII counts half. */
function mastheadSize(name: string): number {
  let units = 0;
  for (const ch of name) units += (ch.codePointAt(0) ?? 0) < 0x7f ? 0.5 : 1;
  return Math.min(MASTHEAD_MAX_PX, (TEXT_PX * 0.96) / Math.max(units, 1));
}

function numberText(issue: PagePreviewProps['issue'], showTotal: boolean): string {
  const blank = '　';
  const n = issue.number === null ? blank : String(issue.number);
  let text = `${issue.supplement ? '增刊' : ''}第${n}期`;
  if (showTotal && (issue.number === null || issue.totalNumber !== null)) {
    text += `（总第${issue.number === null || issue.totalNumber === null ? blank : issue.totalNumber}期）`;
  }
  return text;
}

export function sourceText(unit: string | null): string {
  const s = (unit ?? '').trim();
  if (!s) return '';
  if (/^[（(].*[）)]$/u.test(s)) return s;
  return /供稿$/u.test(s) ? `（${s}）` : `（${s} 供稿）`;
}

export function PagePreview({ print, issue, articles, scale: fixedScale }: PagePreviewProps) {
  const outer = useElementSize();
  const inner = useElementSize();
  const scale = fixedScale ?? (outer.width > 0 ? Math.min(1, outer.width / SHEET_PX) : 0.5);
  const stamp = issue.status === 'voided' ? '已作废' : issue.number === null ? '送审稿' : null;
  const date = print.dateStyle === 'chinese' ? formatDateChinese(issue.date) : formatDate(issue.date);
  const distribution: Array<[string, string[]]> = [
    ['报', print.distribution.to],
    ['送', print.distribution.cc],
    ['发', print.distribution.down],
  ];
  const people = [
    ['签发', issue.signedBy ?? ''],
    ['审核', print.reviewer],
    ['编辑', print.editor],
  ].filter(([, n]) => n);
  const hasColophon = distribution.some(([, l]) => l.length > 0) || people.length > 0 || print.copies > 0;

  return (
    <Box ref={outer.ref} w={fixedScale ? SHEET_PX * fixedScale : '100%'} data-testid="page-preview">
      <Box h={inner.height ? inner.height * scale : undefined} style={{ overflow: 'hidden' }}>
        <div ref={inner.ref} className="bd-sheet" style={{ transform: `scale(${scale})` }}>
          {stamp && (
            <div className="bd-stamp" data-testid="preview-stamp">
              {stamp}
            </div>
          )}
          {print.sensitivityMark && <div className="bd-sensitivity">{print.sensitivityMark}</div>}
          <div className="bd-masthead" style={{ fontSize: mastheadSize(print.mastheadName) }}>
            {print.mastheadName}
          </div>
          <div className="bd-masthead-number">{numberText(issue, print.showTotal)}</div>
          <div className="bd-masthead-line">
            <span>{print.org ? `${print.org}编` : ''}</span>
            <span>{date}</span>
          </div>
          <div className="bd-red-rule" />

          {articles.length > 1 && print.contentsHeading !== 'none' && (
            <div style={{ marginBottom: '6mm' }}>
              <div className="bd-contents-heading">{print.contentsHeading}</div>
              {articles.map((a) => (
                <div key={a.id} className="bd-contents-item">
                  {a.title}
                </div>
              ))}
            </div>
          )}

          {articles.length === 0 && (
            <p style={{ color: '#999', textAlign: 'center', marginTop: '30mm' }}>（本期还没有信息）</p>
          )}
          {articles.map((a, i) => (
            <Fragment key={a.id}>
              {print.newPagePerItem && i > 0 && <div className="bd-page-break" title="另起一页" />}
              <div className="bd-item-title">{a.title}</div>
              {a.paragraphs === null ? (
                <p style={{ color: '#999' }}>（正文载入中…）</p>
              ) : (
                a.paragraphs.map((p, j) => (
                  <p key={j} className={`bd-level-${p.level}`}>
                    {p.text}
                  </p>
                ))
              )}
              {sourceText(a.unit) && <div className="bd-source">{sourceText(a.unit)}</div>}
            </Fragment>
          ))}

          {hasColophon && (
            <div className="bd-colophon" data-testid="preview-colophon">
              <div className="bd-colophon-thick" />
              {distribution
                .filter(([, list]) => list.length > 0)
                .map(([label, list]) => (
                  <div key={label} className="bd-colophon-row">
                    <span className="bd-colophon-key">{label}：</span>
                    <span>{list.join('，')}。</span>
                  </div>
                ))}
              <div className="bd-colophon-thin" />
              {people.length > 0 && (
                <div className="bd-colophon-people">
                  {people.map(([label, name]) => (
                    <span key={label}>
                      {label}：{name}
                    </span>
                  ))}
                </div>
              )}
              {print.copies > 0 && <div className="bd-colophon-copies">（共印{print.copies}份）</div>}
              <div className="bd-colophon-thick" />
            </div>
          )}
        </div>
      </Box>
    </Box>
  );
}

/**
 * The body's text box with proofreading findings underlined in place (issue 18): a transparent
 * layer over the textarea holds the same text, laid out alike, with each
 * finding's span underlined (red for 错误, orange for 建议). The underlines take the mouse so the
 * reason shows on hover; a click on one puts the caret there, as a click on the text would.
 */
import { Box, Text } from '@mantine/core';
import { useLayoutEffect, useRef, type ClipboardEvent, type CSSProperties, type ReactNode, type RefObject } from 'react';
import type { Finding } from '../../../src-main/proof';

export interface ProofTextareaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  placeholder: string;
  height: string;
  findings: readonly Finding[];
  offsets: ReadonlyArray<{ offset: number | null }>;
  /** Issue 19: a spreadsheet pasted becomes a table (useBodyTables); the text box itself, for the caret. */
  onPaste?: (e: ClipboardEvent<HTMLTextAreaElement>) => void;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
}

// Both layers must lay the text out identically: same font, size, padding, border and wrapping.
const LAYER: CSSProperties = {
  position: 'absolute',
  inset: 0,
  margin: 0,
  padding: '8px 12px',
  border: '1px solid transparent',
  boxSizing: 'border-box',
  fontFamily: 'inherit',
  fontSize: 15,
  lineHeight: 1.7,
  whiteSpace: 'pre-wrap',
  overflowWrap: 'break-word',
  wordBreak: 'normal',
  overflowY: 'scroll',
  letterSpacing: 'normal',
};

function spans(value: string, findings: readonly Finding[], offsets: ProofTextareaProps['offsets'], caret: (at: number) => void): ReactNode[] {
  const marks = findings
    .filter((f) => f.paragraph !== null)
    .map((f) => {
      const o = offsets[f.paragraph!]?.offset;
      return o === null || o === undefined ? null : { f, start: o + f.start, end: o + Math.max(f.end, f.start + 1) };
    })
    .filter((m): m is NonNullable<typeof m> => m !== null)
    .sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    out.push(value.slice(at, m.start));
    out.push(
      <mark
        key={`${m.start}-${m.f.rule}`}
        title={`${m.f.severity}：${m.f.message}${m.f.fix !== undefined ? `\n可改为“${m.f.fix}”` : ''}`}
        data-testid="proof-underline"
        data-rule={m.f.rule}
        onMouseDown={(e) => {
          e.preventDefault();
          caret(m.start);
        }}
        style={{
          // A light tint as well as the wavy line: a wavy line under one half-width comma is too short to see.
          background: m.f.severity === '错误' ? 'rgba(250, 82, 82, 0.16)' : 'rgba(253, 126, 20, 0.14)',
          borderRadius: 2,
          color: 'transparent',
          pointerEvents: 'auto',
          cursor: 'text',
          textDecorationLine: 'underline',
          textDecorationStyle: 'wavy',
          textDecorationColor: m.f.severity === '错误' ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-orange-5)',
          textDecorationSkipInk: 'none',
          textUnderlineOffset: 3,
        }}
      >
        {value.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  out.push(value.slice(at));
  // A final newline needs a character after it to take its line in the backdrop.
  out.push('\u200b');
  return out;
}

export function ProofTextarea({ label, value, onChange, readOnly, placeholder, height, findings, offsets, onPaste, inputRef }: ProofTextareaProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const back = useRef<HTMLDivElement>(null);
  const sync = () => {
    if (area.current && back.current) back.current.scrollTop = area.current.scrollTop;
  };
  useLayoutEffect(sync);
  const caret = (at: number) => {
    area.current?.focus();
    area.current?.setSelectionRange(at, at);
  };
  return (
    <Box>
      <Text component="label" htmlFor="article-body-input" size="sm" fw={500} display="block" mb={4}>
        {label}
      </Text>
      <Box style={{ position: 'relative', height, minHeight: 200 }}>
        {/* Above the text box, transparent and deaf to the mouse but for the underlines; its
            scroll bar (invisible) keeps the line width the same as the text box's. */}
        <div ref={back} aria-hidden style={{ ...LAYER, zIndex: 1, color: 'transparent', pointerEvents: 'none', scrollbarColor: 'transparent transparent' }} data-testid="proof-backdrop">
          {spans(value, findings, offsets, caret)}
        </div>
        <textarea
          id="article-body-input"
          ref={(el) => {
            area.current = el;
            if (inputRef) inputRef.current = el;
          }}
          value={value}
          onPaste={onPaste}
          placeholder={placeholder}
          readOnly={readOnly}
          onChange={(e) => onChange(e.currentTarget.value)}
          onScroll={sync}
          spellCheck={false}
          data-testid="article-body"
          style={{
            ...LAYER,
            width: '100%',
            height: '100%',
            resize: 'none',
            // A frozen item's text looks read-only: grey, like Mantine's filled fields.
            background: readOnly ? 'var(--mantine-color-gray-1)' : 'transparent',
            color: 'var(--mantine-color-text)',
            border: `1px solid var(--mantine-color-gray-${readOnly ? 2 : 4})`,
            borderRadius: 4,
            outline: 'none',
            zIndex: 0,
          }}
        />
      </Box>
    </Box>
  );
}

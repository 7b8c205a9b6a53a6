/** Text with the search's matched words marked (offsets come from the API). */
import { Fragment } from 'react';

export function Highlighted({ text, marks }: { text: string; marks: readonly (readonly [number, number])[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  marks.forEach(([a, b], i) => {
    if (a < at || b > text.length) return;
    parts.push(<Fragment key={`t${i}`}>{text.slice(at, a)}</Fragment>);
    parts.push(
      <mark key={`m${i}`} style={{ background: 'var(--mantine-color-yellow-2)', padding: 0 }} data-testid="search-mark">
        {text.slice(a, b)}
      </mark>,
    );
    at = b;
  });
  parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

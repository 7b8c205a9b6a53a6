/** A passage around the first match with the matched words marked, computed from the real text. */

export type Mark = [number, number];

/** Every occurrence of every needle in text (case-insensitive for Latin), merged and sorted. */
export function findMarks(text: string, needles: readonly string[]): Mark[] {
  const hay = text.toLowerCase();
  const marks: Mark[] = [];
  for (const needle of needles) {
    const n = needle.toLowerCase();
    if (!n) continue;
    for (let i = hay.indexOf(n); i >= 0 && marks.length < 200; i = hay.indexOf(n, i + n.length)) marks.push([i, i + n.length]);
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Mark[] = [];
  for (const m of marks) {
    const last = merged.at(-1);
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}

export function makeSnippet(text: string, needles: readonly string[], width = 90): { snippet: string; marks: Mark[] } {
  const flat = text.replace(/\s+/g, ' ');
  const all = findMarks(flat, needles);
  const first = all[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const snippet = prefix + flat.slice(start, end) + suffix;
  const marks = all
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): Mark => [a - start + prefix.length, b - start + prefix.length]);
  return { snippet, marks };
}

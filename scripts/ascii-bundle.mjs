// Makes the program bundle pure ASCII, so the command can hand it to V8 as a one-byte string
// (read as latin1) instead of decoding 1.5 MB of UTF-8 at every start: `bulletin issue list`
// went 0.277 → 0.249 s (median of 40; issue 14; src-main/cli/code-cache.ts reads it).
//
// esbuild already writes every string and template as ASCII escapes; it leaves regular
// expression literals alone (/^注[:：]/). Inside a regular expression a character and its \u
// escape mean the same, with or without the u flag (a character beyond U+FFFF becomes its
// surrogate pair, which the u flag reads as one code point again); an identity escape of the
// character (\注) becomes the plain escape. Anything else outside ASCII — a string, a comment, a
// name — stops the build, so nothing is ever escaped where it would change what the code does.
//
// The linked source map is moved along (shiftMap): on a line holding such a regular expression,
// what follows it sits further right by the characters the escapes added.
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { tokenizer } from 'acorn';

const NON_ASCII = /\P{ASCII}/u;

/** `\uXXXX` for each UTF-16 unit of `ch`. */
function unicodeEscape(ch) {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
  return out;
}

/** The same regular expression literal, every character outside ASCII written as an escape. */
export function escapeRegexLiteral(raw) {
  return raw.replace(/(\\*)(\P{ASCII})/gu, (_, slashes, ch) => (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + unicodeEscape(ch));
}

/**
 * `source` with every regular expression literal made ASCII (throws on non-ASCII anywhere else),
 * and where it grew: for each escaped literal, the offset in `source` where it ended and how many
 * characters it gained.
 */
export function asciiEdits(source, name = 'bundle') {
  if (!NON_ASCII.test(source)) return { text: source, edits: [] };
  const edits = [];
  const comments = [];
  const parts = [];
  let at = 0;
  const tokens = tokenizer(source, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    onComment: (_block, text, start) => {
      if (NON_ASCII.test(text)) comments.push(start);
    },
  });
  for (const t of tokens) {
    const raw = source.slice(t.start, t.end);
    if (!NON_ASCII.test(raw)) continue;
    if (t.type.label !== 'regexp') {
      throw new Error(`${name}: a character outside ASCII in a ${t.type.label} at offset ${t.start} (${JSON.stringify(raw.slice(0, 40))}); only regular expressions are escaped`);
    }
    const escaped = escapeRegexLiteral(raw);
    parts.push(source.slice(at, t.start), escaped);
    edits.push({ end: t.end, added: escaped.length - raw.length });
    at = t.end;
  }
  if (comments.length > 0) throw new Error(`${name}: a comment outside ASCII at offset ${comments[0]}`);
  parts.push(source.slice(at));
  const out = parts.join('');
  const left = NON_ASCII.exec(out);
  if (left) throw new Error(`${name}: a character outside ASCII left at offset ${left.index}`);
  return { text: out, edits };
}

/**
 * The source map of `source` (JSON text) for asciiEdits' text: every generated column at or after
 * the end of an escaped literal on its line moves right by what the escapes added before it.
 */
export function shiftMap(mapText, source, edits) {
  if (edits.length === 0) return mapText;
  const map = JSON.parse(mapText);
  const lines = decode(map.mappings);
  // Line and column (UTF-16 units, as source maps count) of each literal's end.
  const byLine = new Map();
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  for (const { end, added } of edits) {
    for (; scanned < end; scanned++) {
      if (source.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line).push({ column: end - lineStart, added });
  }
  for (const [l, ends] of byLine) {
    for (const segment of lines[l] ?? []) {
      let shift = 0;
      for (const e of ends) if (segment[0] >= e.column) shift += e.added;
      segment[0] += shift;
    }
  }
  map.mappings = encode(lines);
  return JSON.stringify(map);
}

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
// The linked source map is not rewritten: on a line holding such a regular expression, columns
// after it are off by the added characters. Nothing reads the map at run time.
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

/** `source` with every regular expression literal made ASCII; throws on non-ASCII anywhere else. */
export function asciiOnly(source, name = 'bundle') {
  if (!NON_ASCII.test(source)) return source;
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
    parts.push(source.slice(at, t.start), escapeRegexLiteral(raw));
    at = t.end;
  }
  if (comments.length > 0) throw new Error(`${name}: a comment outside ASCII at offset ${comments[0]}`);
  parts.push(source.slice(at));
  const out = parts.join('');
  const left = NON_ASCII.exec(out);
  if (left) throw new Error(`${name}: a character outside ASCII left at offset ${left.index}`);
  return out;
}

/**
 * What the rules must leave alone inside Chinese text: web addresses, e-mail addresses, file
 * names and code-like identifiers (zheng_wu.docx, api/v1, GB/T 15834-2011), and English
 * quotations ("He said, yes."). Their commas, dots, colons and hyphens are not Chinese
 * punctuation, so no rule may fire inside them.
 */

const SHIELDS: readonly RegExp[] = [
  // URLs: scheme or www. up to the first space, Chinese character or Chinese punctuation.
  /(?:https?|ftp):\/\/[^\s\p{Script=Han}，。；：！？“”‘’（）《》、]+/gu,
  /www\.[A-Za-z0-9.\-/_%?=&#~:]+/g,
  // E-mail addresses.
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  // Standards and document codes: GB/T 15834-2011, ISO 9001:2015.
  /\b(?:GB|GB\/T|GB\/Z|DB\d*|ISO|IEC|JGJ|HJ)\s?\/?\s?[A-Z]?\s?\d+(?:\.\d+)*(?:[-—:]\d{2,4})?/g,
  // Code-like identifiers: letters joined by . _ / : :: or -, e.g. zheng_wu.docx, Node.js, api/v1.
  /[A-Za-z_][A-Za-z0-9_]*(?:(?:\.|_|\/|::|-)[A-Za-z0-9_]+)+(?:\(\))?/g,
  // An English stretch: two or more Latin words with their own punctuation, up to where
  // Chinese begins (He said, "yes". / Made in China!).
  /[A-Za-z][A-Za-z'’-]*(?:[ ,;:.!?"()'-]+[A-Za-z0-9][A-Za-z0-9'’-]*)+[.!?,"')]*/g,
];

/** A mask over the text's UTF-16 units: 1 where a rule must not look. */
export function shieldMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  // Every shielded form holds a Latin letter: most Chinese paragraphs need no scan at all.
  if (!/[A-Za-z]/.test(text)) return mask;
  for (const re of SHIELDS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      mask.fill(1, m.index, m.index + m[0].length);
    }
  }
  return mask;
}

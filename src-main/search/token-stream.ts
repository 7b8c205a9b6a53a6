/**
 * A document's index text built in one pass, straight into the space-separated strings the two
 * FTS5 tables take: the rebuild of 100,000 items tokenizes some 170 million characters, and
 * building arrays of tokens then joining them took about 15 % of its CPU time; this takes a
 * quarter of that (measured on the bench's archive, README, Search). The result is exactly
 * what `documentTokens` (tokenize.ts) gives, joined with spaces; a test holds the two together
 * on random text.
 */

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/** Class of each BMP code unit, learnt on first sight: 0 not yet known, 1 Han, 2 word, 3 neither. */
const BMP_CLASS = new Uint8Array(0x10000);

function classify(ch: string, code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return 1;
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 2 : 3;
  if (code >= 0x2e80 && HAN.test(ch)) return 1;
  return WORD.test(ch) ? 2 : 3;
}

/** Distinct Han characters seen in the current document: stamp per BMP unit, a set for the rest. */
const seenStamp = new Uint32Array(0x10000);
let stamp = 0;

/** A growable buffer of UTF-16 code units, turned into one string at the end (no ropes, no arrays). */
class Units {
  buf = new Uint16Array(1 << 16);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint16Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }
  /** Appends a space first unless empty. */
  space(): void {
    if (this.length === 0) return;
    this.room(1);
    this.buf[this.length++] = 0x20;
  }
  unit(u: number): void {
    this.room(1);
    this.buf[this.length++] = u;
  }
  text(t: string): void {
    this.room(t.length);
    for (let k = 0; k < t.length; k++) this.buf[this.length++] = t.charCodeAt(k);
  }
  range(from: number, to: number): void {
    this.room(to - from);
    this.buf.copyWithin(this.length, from, to);
    this.length += to - from;
  }
  toString(from = 0, to = this.length): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset + from * 2, (to - from) * 2).toString('utf16le');
  }
}

const biOut = new Units();
const uniOut = new Units();
/** Astral Han characters seen in the current document (rare: CJK Extension B and later). */
const astralSeen = new Set<number>();

/** Appends `text`'s bigram tokens to biOut and its Han characters not seen before in the document to uniOut. */
function scan(text: string): void {
  const s = text.normalize('NFKC');
  // the previous Han character of the current run, as one or two code units
  let prevHi = 0;
  let prevLo = -1;
  let runLength = 0; // Han characters in the current run
  let word = ''; // the current word of letters and digits
  const pushPrev = () => {
    biOut.unit(prevHi);
    if (prevLo >= 0) biOut.unit(prevLo);
  };
  for (let i = 0; i < s.length; ) {
    const unit = s.charCodeAt(i);
    const code = unit >= 0xd800 && unit <= 0xdbff ? s.codePointAt(i)! : unit;
    let cls: number;
    let lo = -1;
    if (code > 0xffff) {
      const ch = s.slice(i, i + 2);
      cls = classify(ch, code);
      lo = s.charCodeAt(i + 1);
      i += 2;
      if (cls === 1 && !astralSeen.has(code)) {
        astralSeen.add(code);
        uniOut.space();
        uniOut.unit(unit);
        uniOut.unit(lo);
      }
    } else {
      i += 1;
      cls = BMP_CLASS[unit]!;
      if (cls === 0) BMP_CLASS[unit] = cls = classify(String.fromCharCode(unit), unit);
      if (cls === 1 && seenStamp[unit] !== stamp) {
        seenStamp[unit] = stamp;
        uniOut.space();
        uniOut.unit(unit);
      }
    }
    if (cls === 1) {
      if (word) {
        biOut.space();
        biOut.text(word);
        word = '';
      }
      if (runLength > 0) {
        biOut.space();
        pushPrev();
        biOut.unit(unit);
        if (lo >= 0) biOut.unit(lo);
      }
      prevHi = unit;
      prevLo = lo;
      runLength++;
      continue;
    }
    if (runLength === 1) {
      biOut.space();
      pushPrev();
    }
    runLength = 0;
    if (cls === 2) {
      word += unit >= 0x41 && unit <= 0x5a ? String.fromCharCode(unit + 32) : unit < 0x80 ? s[i - 1]! : s.slice(i - (lo >= 0 ? 2 : 1), i).toLowerCase();
    } else if (word) {
      biOut.space();
      biOut.text(word);
      word = '';
    }
  }
  if (runLength === 1) {
    biOut.space();
    pushPrev();
  }
  if (word) {
    biOut.space();
    biOut.text(word);
  }
}

/**
 * The two index texts of a document: `bi` is its title's bigrams, `sep`, the title's again, `sep`,
 * the body's bigrams (the title counted twice weighs more in bm25); `uni` its distinct Han
 * characters, the title's first. The caller appends the filter tokens.
 */
export function documentStreams(title: string, body: string, sep: string): { bi: string; uni: string } {
  stamp = (stamp + 1) >>> 0;
  if (stamp === 0) {
    seenStamp.fill(0);
    stamp = 1;
  }
  astralSeen.clear();
  biOut.length = 0;
  uniOut.length = 0;
  scan(title);
  const titleEnd = biOut.length;
  if (titleEnd > 0) biOut.space();
  biOut.text(sep);
  if (titleEnd > 0) {
    biOut.space();
    biOut.range(0, titleEnd);
  }
  biOut.space();
  biOut.text(sep);
  scan(body);
  return { bi: biOut.toString(), uni: uniOut.toString() };
}

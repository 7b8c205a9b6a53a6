/**
 * Line-breaking of item titles: GB/T 9704-2012 7.3.1 wants a long title "排列对称，长短适宜，
 * 使用梯形或菱形", with whole words. Word would fill the first line and leave a stub below, so
 * the renderer decides the breaks itself and writes them as explicit line breaks.
 * Pure functions only.
 */

/** Punctuation that may not start a line (it hangs on the character before it). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』〕】〉”’…—·％,.;:?!)]}%']);
/** Punctuation that may not end a line (it goes down with the character after it). */
const NO_LINE_END = new Set([...'（《「『〔【〈“‘([{']);
/** Units that read as one word with the figure before them: 1.5亿元 must not become 1.5 / 亿元. */
const UNITS = '亿万千百十元角吨亩斤米公里人户个家项件次岁倍年月日号期天%％';
const UNIT_AFTER_FIGURE = new Set([...UNITS]);
const ENDS_WITH_FIGURE = new RegExp(`\\d[${UNITS}]*$`, 'u');
/** A break right after these reads naturally, so it is slightly preferred. */
const GOOD_BREAK_AFTER = new Set([...'，、；：——']);

interface Token {
  text: string;
  /** In half-width units: ASCII counts 1, everything else 2. */
  width: number;
  space: boolean;
}

function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x7f ? 1 : 2;
}

function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Units a line may never be broken inside: ASCII words and figures, punctuation kept with its neighbour. */
function tokenize(title: string): Token[] {
  const raw: string[] = title.match(/[\x21-\x7e]+|[ \u3000]+|[\s\S]/gu) ?? [];
  const tokens: Token[] = [];
  let carry = '';
  for (const piece of raw) {
    const space = /^[ \u3000]+$/.test(piece);
    const first = [...piece][0] ?? '';
    const prev = tokens[tokens.length - 1];
    const afterFigure = prev && ENDS_WITH_FIGURE.test(prev.text) && UNIT_AFTER_FIGURE.has(first);
    if (!space && carry === '' && prev && !prev.space && (NO_LINE_START.has(first) || afterFigure)) {
      prev.text += piece;
      prev.width += textWidth(piece);
      continue;
    }
    if (!space && [...piece].length === 1 && NO_LINE_END.has(piece)) {
      carry += piece;
      continue;
    }
    const text = carry + piece;
    carry = '';
    tokens.push({ text, width: textWidth(text), space });
  }
  if (carry) tokens.push({ text: carry, width: textWidth(carry), space: false });
  return tokens;
}

function lineOf(tokens: readonly Token[], from: number, to: number): { text: string; width: number } {
  let a = from;
  let b = to;
  while (a < b && tokens[a]?.space) a++;
  while (b > a && tokens[b - 1]?.space) b--;
  let text = '';
  let width = 0;
  for (let i = a; i < b; i++) {
    const t = tokens[i];
    if (!t) continue;
    text += t.text;
    width += t.width;
  }
  return { text, width };
}

function greedy(tokens: readonly Token[], capacity: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let width = 0;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]?.width ?? 0;
    if (i > start && width + w > capacity) {
      const line = lineOf(tokens, start, i).text;
      if (line) lines.push(line);
      start = i;
      width = 0;
    }
    width += w;
  }
  const last = lineOf(tokens, start, tokens.length).text;
  if (last) lines.push(last);
  return lines;
}

/** Beyond this a "title" is really a paragraph: balancing it buys nothing and costs time. */
const MAX_BALANCED_LINES = 12;
const MAX_BALANCED_TOKENS = 400;

/**
 * Splits a title into lines of at most `charsPerLine` full-width characters so that no line is
 * longer than the one below it (a trapezoid, widest at the bottom), the lines are as even as
 * possible, and no run of Latin letters or digits (e.g. `1.5亿元`'s `1.5`, `5G`) is split.
 * A title that fits on one line comes back as one line. Only a single word wider than a line
 * can break the shape; it then gets a line of its own and Word wraps it.
 */
export function balanceTitle(title: string, charsPerLine: number): string[] {
  const text = title.trim();
  if (!text) return [];
  const capacity = Math.max(2, Math.floor(charsPerLine) * 2);
  const tokens = tokenize(text);
  const total = lineOf(tokens, 0, tokens.length).width;
  if (total <= capacity) return [text];

  const minLines = Math.ceil(total / capacity);
  if (minLines > MAX_BALANCED_LINES || tokens.length > MAX_BALANCED_TOKENS || tokens.some((t) => t.width > capacity)) {
    return greedy(tokens, capacity);
  }

  for (let n = minLines; n <= Math.min(tokens.length, MAX_BALANCED_LINES); n++) {
    const lines = bestSplit(tokens, n, capacity, total / n);
    if (lines) return lines;
  }
  return greedy(tokens, capacity);
}

/** Exhaustive search with memo over (tokens used, lines left, width of the line above). */
function bestSplit(tokens: readonly Token[], lines: number, capacity: number, target: number): string[] | null {
  const memo = new Map<string, { cost: number; next: number } | null>();

  const solve = (start: number, left: number, above: number): { cost: number; next: number } | null => {
    const key = `${start},${left},${above}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    let best: { cost: number; next: number } | null = null;
    const lastEnd = left === 1 ? tokens.length : tokens.length - (left - 1);
    const firstEnd = left === 1 ? tokens.length : start + 1;
    for (let end = firstEnd; end <= lastEnd; end++) {
      const { text, width } = lineOf(tokens, start, end);
      if (width > capacity) break;
      if (!text || width < above) continue;
      let cost = (width - target) ** 2;
      if (left > 1) {
        const lastChar = [...text].slice(-1)[0] ?? '';
        if (GOOD_BREAK_AFTER.has(lastChar)) cost -= 3;
        // A space in a title is the writer's own phrase boundary (主题 副题): the best place to break.
        if (tokens[end]?.space || tokens[end - 1]?.space) cost -= 12;
        const rest = solve(end, left - 1, width);
        if (!rest) continue;
        cost += rest.cost;
      }
      if (!best || cost < best.cost) best = { cost, next: end };
    }
    memo.set(key, best);
    return best;
  };

  if (!solve(0, lines, 0)) return null;
  const out: string[] = [];
  let start = 0;
  let above = 0;
  for (let left = lines; left >= 1; left--) {
    const step = solve(start, left, above);
    if (!step) return null;
    const line = lineOf(tokens, start, step.next);
    out.push(line.text);
    above = line.width;
    start = step.next;
  }
  return out;
}

/**
 * Word drafts: the archive is checked first (zip-check.ts), then mammoth turns the document into
 * HTML with a style map that marks titles and keeps Heading 1–4 — Word's built-in styles, WPS's
 * (which uses the same names) and the bulletin's own 简报… styles — and the HTML's blocks become
 * the draft's paragraphs. Images are not read at all: a draft's text is what is registered, the
 * original file keeps the pictures.
 */
import { draftFromBlocks, type DraftText, type RawBlock } from './draft';
import { IntakeRefusal } from './formats';
import { checkDocxZip } from './zip-check';

const TITLE_CLASS = 'bd-title';

const STYLE_MAP = [
  `p[style-name='Title'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='title'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='简报标题'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='标题'] => h1.${TITLE_CLASS}:fresh`,
  ...[1, 2, 3, 4].flatMap((n) => [
    `p[style-name='Heading ${n}'] => h${n}:fresh`,
    `p[style-name='heading ${n}'] => h${n}:fresh`,
    `p[style-name='标题 ${n}'] => h${n}:fresh`,
    `p[style-name='简报${'一二三四'[n - 1]}级标题'] => h${n}:fresh`,
  ]),
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BOUNDARY = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'blockquote']);
const CJK_EDGE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * mammoth's HTML → one block per paragraph. Any block tag ends the text gathered so far, so
 * nested lists and table cells come out as their own paragraphs in reading order. A manual line
 * break inside a paragraph (a balanced title's second line) joins without a space between
 * Chinese characters and with one between Latin words.
 */
export function htmlBlocks(html: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const stack: { tag: string; title: boolean }[] = [];
  let text = '';
  let skipping = false; // inside a footnote's back-link (↑)
  const flush = () => {
    const top = [...stack].reverse().find((s) => /^(p|h\d|li|td|th)$/.test(s.tag));
    if (text.trim()) {
      const level = top && /^h\d$/.test(top.tag) ? Number(top.tag[1]) : 0;
      blocks.push({ text, styleLevel: level, titleStyle: top?.title ?? false });
    }
    text = '';
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    const [, closing, rawTag, attrs, chars] = m;
    if (chars !== undefined) {
      if (!skipping) text += decodeEntities(chars);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'br') {
      text += '\u2028';
      continue;
    }
    if (tag === 'a') {
      if (closing) skipping = false;
      else if (/href="#(footnote|endnote)-ref-/.test(attrs ?? '')) skipping = true;
      continue;
    }
    if (!BOUNDARY.has(tag)) continue;
    flush();
    if (closing) {
      const at = stack.map((s) => s.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
    } else {
      stack.push({ tag, title: (attrs ?? '').includes(TITLE_CLASS) });
    }
  }
  flush();
  return blocks.map((b) => ({ ...b, text: joinBreaks(b.text) }));
}

function joinBreaks(text: string): string {
  return text.replace(/\s*\u2028\s*/g, (_m, offset: number, whole: string) => {
    const before = whole.slice(0, offset).trimEnd().slice(-1);
    const after = whole.slice(offset + _m.length, offset + _m.length + 1);
    return CJK_EDGE.test(before) || CJK_EDGE.test(after) ? '' : ' ';
  });
}

/** A .docx → title and paragraphs. Refusals (damage, bombs, no text) are IntakeRefusal. */
export async function readDocx(bytes: Buffer): Promise<DraftText> {
  await checkDocxZip(bytes);
  // Loaded at first use, not at start: every command would pay for it (issue 14).
  const mammoth = (await import('mammoth')).default;
  const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap: STYLE_MAP, convertImage: noImages, ignoreEmptyParagraphs: true, externalFileAccess: false },
    );
    html = result.value;
  } catch {
    throw new IntakeRefusal('Word 文件的内容已损坏（XML 结构错误），无法读取。请用 Word 或 WPS 打开，确认内容完整后选择“文件 → 另存为”，保存为“Word 文档（*.docx）”再导入。');
  }
  return draftFromBlocks(htmlBlocks(html));
}

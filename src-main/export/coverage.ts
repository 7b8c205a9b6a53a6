/**
 * Which characters the office fonts can print. 仿宋_GB2312 and 楷体_GB2312 (the fonts offices
 * install for GB/T 9704 documents) cover GB2312 only; 方正小标宋简体, 黑体 (SimHei) and 宋体
 * (SimSun) cover GBK. A character outside its font's repertoire prints as a box or in a fallback
 * face, so it is reported before the issue is signed. docs/layout-checks.md says why each font
 * gets the repertoire it gets.
 *
 * The repertoires are built without a table or a dependency: Node's WHATWG decoder for 'gbk'
 * (which is GB18030's two-byte part) decodes every byte pair of the region to its Unicode
 * character, exactly as Windows' code page 936 — the mapping the fonts' cmaps follow.
 */
import { codePointLabel, type Paragraph } from '../api/text';
import type { UncoveredChar } from '../api/coverage-types';
import { splitLead } from './paragraph-rules';
import type { IssueDocArticle, IssueDocModel } from './model';
import { LAYOUT_PROFILE, type LayoutProfile } from './layout-profile';

export type Repertoire = 'GB2312' | 'GBK';

function decodePairs(leads: [number, number], trails: [number, number], skip: (lead: number, trail: number) => boolean): Set<number> {
  const bytes: number[] = [];
  for (let l = leads[0]; l <= leads[1]; l++) {
    for (let t = trails[0]; t <= trails[1]; t++) {
      if (t !== 0x7f && !skip(l, t)) bytes.push(l, t);
    }
  }
  const set = new Set<number>();
  for (const ch of new TextDecoder('gbk').decode(Uint8Array.from(bytes))) {
    const cp = ch.codePointAt(0) ?? 0;
    // Unassigned pairs decode to the private-use area (GB18030's user-defined zones): no character.
    if ((cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffd) continue;
    set.add(cp);
  }
  return set;
}

/**
 * GBK added 33 characters inside GB2312's own rows: small roman numerals ⅰ–ⅹ (A2A1–A2AA),
 * vertical punctuation forms (A6E0–A6FE) and four pinyin letters ɑ ń ň ɡ (A8BB–A8C0). Leaving
 * them out gives GB2312's 7,445 characters exactly (682 symbols, 6,763 hanzi).
 */
function gbkAdditionInGb2312Rows(lead: number, trail: number): boolean {
  return (
    (lead === 0xa2 && trail >= 0xa1 && trail <= 0xaa) ||
    (lead === 0xa6 && trail >= 0xe0) ||
    (lead === 0xa8 && trail >= 0xbb && trail <= 0xc0)
  );
}

const cache = new Map<Repertoire, Set<number>>();

/** The code points a repertoire holds (built once per process, a few milliseconds). */
export function repertoire(name: Repertoire): ReadonlySet<number> {
  let set = cache.get(name);
  if (!set) {
    set =
      name === 'GB2312'
        ? decodePairs([0xa1, 0xf7], [0xa1, 0xfe], gbkAdditionInGb2312Rows)
        : decodePairs([0x81, 0xfe], [0x40, 0xfe], () => false);
    cache.set(name, set);
  }
  return set;
}

/**
 * Which repertoire a font is trusted with. 黑体 is SimHei, shipped with every Windows since 95
 * with the full GBK set; fonts not named here are assumed GB2312, the safe side.
 */
export const FONT_REPERTOIRE: Readonly<Record<string, Repertoire>> = {
  仿宋_GB2312: 'GB2312',
  楷体_GB2312: 'GB2312',
  方正小标宋简体: 'GBK',
  黑体: 'GBK',
  宋体: 'GBK',
};

export function fontRepertoire(font: string): Repertoire {
  return FONT_REPERTOIRE[font] ?? 'GB2312';
}

/**
 * Whether a character prints in a run whose East-Asian font is `font`. ASCII goes to the Latin
 * font (Times New Roman, w:ascii) and white space prints nothing; everything else — including
 * “” — and é, since the profile sets w:hAnsi to the Chinese face — goes to the Chinese font.
 */
export function covers(font: string, ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp <= 0x7e || /\s/u.test(ch)) return true;
  return repertoire(fontRepertoire(font)).has(cp);
}

/** The characters of `text` that `font` lacks, each with how often it occurs, in order of appearance. */
export function uncovered(font: string, text: string): Array<{ char: string; count: number }> {
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (!covers(font, ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts].map(([char, count]) => ({ char, count }));
}

interface Place {
  place: string;
  articleId: number | null;
  articleTitle: string | null;
  paragraph: number | null;
}

class Collector {
  readonly chars: UncoveredChar[] = [];
  check(font: string, text: string, where: Place): void {
    for (const { char, count } of uncovered(font, text)) {
      const same = this.chars.find(
        (u) => u.char === char && u.font === font && u.place === where.place && u.articleId === where.articleId && u.paragraph === where.paragraph,
      );
      if (same) same.count += count;
      else this.chars.push({ char, code: codePointLabel(char), font, ...where, count });
    }
  }
}

/** The fonts a body paragraph prints in, with the text each one gets (see bodyParagraph). */
function paragraphParts(p: Paragraph, profile: LayoutProfile): Array<[string, string]> {
  const f = profile.fonts;
  const head = p.level === 1 ? f.h1 : p.level === 2 ? f.h2 : p.level === 3 ? f.h3 : p.level === 4 ? f.h4 : null;
  if (head && head !== f.h4) {
    const [lead, rest] = splitLead(p.text);
    return [
      [head.eastAsia, lead],
      [f.body.eastAsia, rest],
    ];
  }
  return [[(head ?? f.body).eastAsia, p.text]];
}

function checkArticle(c: Collector, a: IssueDocArticle, id: number | null, profile: LayoutProfile): void {
  const base = { articleId: id, articleTitle: a.title, paragraph: null };
  c.check(profile.fonts.title.eastAsia, a.title, { ...base, place: '标题' });
  a.paragraphs.forEach((p, i) => {
    for (const [font, text] of paragraphParts(p, profile)) c.check(font, text, { ...base, place: '正文', paragraph: i + 1 });
  });
  if (a.source) c.check(profile.fonts.sourceLine.eastAsia, a.source, { ...base, place: '供稿单位' });
}

/** One item as it prints on its own: title, body paragraphs and source line. */
export function articleCoverage(a: IssueDocArticle, id: number | null, profile: LayoutProfile = LAYOUT_PROFILE): UncoveredChar[] {
  const c = new Collector();
  checkArticle(c, a, id, profile);
  return c.chars;
}

/**
 * Everything a user typed that the issue prints: the masthead name, mark and office line, the
 * contents (titles again, in 楷体_GB2312 — a 镕 fine in the title's 小标宋 is not fine there),
 * every item, and the colophon's names. Text the program writes itself (第N期, dates) is not checked.
 */
export function issueCoverage(model: IssueDocModel, articleIds: readonly number[], profile: LayoutProfile = LAYOUT_PROFILE): UncoveredChar[] {
  const c = new Collector();
  const f = profile.fonts;
  const s = model.settings;
  const front = { articleId: null, articleTitle: null, paragraph: null };
  c.check(f.mastheadName.eastAsia, s.mastheadName, { ...front, place: '报头' });
  if (s.sensitivityMark) c.check(f.mastheadMark.eastAsia, s.sensitivityMark, { ...front, place: '密级标志' });
  c.check(f.orgDateLine.eastAsia, s.org, { ...front, place: '编印单位' });
  if (s.contentsHeading !== 'none' && model.articles.length > 1) {
    model.articles.forEach((a, i) => {
      c.check(f.contentsItem.eastAsia, a.title, { articleId: articleIds[i] ?? null, articleTitle: a.title, paragraph: null, place: '目录' });
    });
  }
  model.articles.forEach((a, i) => checkArticle(c, a, articleIds[i] ?? null, profile));
  const colophon = [
    ...s.distribution.to,
    ...s.distribution.cc,
    ...s.distribution.down,
    ...model.extraRecipients,
    model.signedBy ?? '',
    s.reviewer,
    s.editor,
  ].join('，');
  c.check(f.colophon.eastAsia, colophon, { ...front, place: '版记' });
  return c.chars;
}

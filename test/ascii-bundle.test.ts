/**
 * The program bundle is made pure ASCII by escaping the characters of its regular expression
 * literals (scripts/ascii-bundle.mjs), so the command reads it as a one-byte string. An escaped
 * expression must match exactly what the original matched, with and without the u flag, and
 * anything outside ASCII that is not in a regular expression must stop the build.
 */
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { tokenizer } from 'acorn';
import { transform } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script in plain JavaScript, without type declarations
import { asciiEdits, escapeRegexLiteral, shiftMap } from '../scripts/ascii-bundle.mjs';

type Edit = { end: number; added: number };
const escapeLiteral = escapeRegexLiteral as (raw: string) => string;
const edited = asciiEdits as (source: string, name?: string) => { text: string; edits: Edit[] };
const ascii = (source: string, name?: string): string => edited(source, name).text;
const shifted = shiftMap as (map: string, source: string, edits: Edit[]) => string;
const evalLiteral = (literal: string): RegExp => new Function(`return ${literal};`)() as RegExp;
const isAsciiText = (s: string): boolean => /^\p{ASCII}*$/u.test(s);

// Characters the desk's expressions use: CJK, full-width punctuation and digits, marks like ‰,
// an emoji beyond U+FFFF; with ASCII around them.
const WIDE = ['注', '：', '（', '）', '、', '；', '，', '。', '《', '》', '０', '９', 'Ａ', '‰', '¹', '一', '龥', '号', '😀', '𠀀'];
const NARROW = ['a', 'b', '1', ':', '(', ')', ' ', '-'];
const char = fc.constantFrom(...WIDE, ...NARROW);

/** One piece of a pattern: a character, a class, a range, an identity escape (non-u only), a group. */
const piece = (unicode: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    char.map((c) => (/[()]/.test(c) ? `\\${c}` : c)),
    fc.array(char, { minLength: 1, maxLength: 4 }).map((cs) => `[${cs.map((c) => (c === '-' ? '\\-' : c)).join('')}]`),
    fc.array(char, { minLength: 1, maxLength: 4 }).map((cs) => `[^${cs.map((c) => (c === '-' ? '\\-' : c)).join('')}]`),
    fc.constantFrom('[一-龥]', '[０-９]', '[Ａ-Ｚ]'),
    unicode ? fc.constantFrom('[😀-😀]', '\\d') : fc.constantFrom('\\注', '\\：', '\\d'),
    fc.array(char, { minLength: 1, maxLength: 3 }).map((cs) => `(${cs.map((c) => (/[()]/.test(c) ? `\\${c}` : c)).join('')})?`),
  );

const pattern = fc.boolean().chain((unicode) =>
  fc.record({
    unicode: fc.constant(unicode),
    body: fc.array(piece(unicode), { minLength: 1, maxLength: 5 }).map((ps) => ps.join('')),
    anchored: fc.boolean(),
  }),
);

describe('escaping the regular expressions of the bundle', () => {
  it('an escaped expression is ASCII and finds exactly what the original finds, with and without u (fast-check)', () => {
    fc.assert(
      fc.property(pattern, fc.array(fc.array(char, { maxLength: 8 }).map((cs) => cs.join('')), { minLength: 1, maxLength: 8 }), ({ unicode, body, anchored }, texts) => {
        const literal = `/${anchored ? '^' : ''}${body}/g${unicode ? 'u' : ''}`;
        const escaped = escapeLiteral(literal);
        expect(isAsciiText(escaped), escaped).toBe(true);
        const [before, after] = [evalLiteral(literal), evalLiteral(escaped)];
        for (const text of [...texts, texts.join(''), body]) {
          expect(text.match(after), `${literal} on ${text}`).toEqual(text.match(before));
          expect(text.replace(after, '#'), `${literal} on ${text}`).toBe(text.replace(before, '#'));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the expressions the desk uses', () => {
    const cases: Array<[string, string, string[]]> = [
      ['/^注[:：]/', '/^\\u6CE8[:\\uFF1A]/', ['注：见附表', '注:', '备注：']],
      ['/[０-９Ａ-Ｚａ-ｚ．]/g', '/[\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF0E]/g', ['２０２６年Ａ．', 'abc']],
      ['/^[（(]?\\d{1,3}[）)]/u', '/^[\\uFF08(]?\\d{1,3}[\\uFF09)]/u', ['（一）', '(12)', '（3）标题']],
      ['/[😀]/u', '/[\\uD83D\\uDE00]/u', ['😀', '\uD83D', 'a']],
      ['/\\注/', '/\\u6CE8/', ['注', '\\注']],
    ];
    for (const [literal, expected, texts] of cases) {
      expect(escapeLiteral(literal)).toBe(expected);
      for (const t of texts) expect(evalLiteral(expected).test(t), `${literal} on ${t}`).toBe(evalLiteral(literal).test(t));
    }
  });

  it('a bundle with non-ASCII only in regular expressions comes out ASCII and behaves the same', () => {
    const source = 'const UNIT=/^[亿万千]/u, s="\\u6CE8";\nmodule.exports = (t) => [UNIT.test(t), /[，、]+/.test(t), s, `${t}`];\n';
    const out = ascii(source);
    expect(isAsciiText(out)).toBe(true);
    const run = (src: string) => {
      const m = { exports: {} as (t: string) => unknown[] };
      new Function('module', src)(m);
      return m.exports;
    };
    for (const t of ['亿元', '一，二', 'abc']) expect(run(out)(t)).toEqual(run(source)(t));
    expect(ascii('const plain = /a/;\n')).toBe('const plain = /a/;\n');
  });

  it('stops the build on non-ASCII anywhere else: a string, a template, a comment, a name', () => {
    for (const source of ['const s = "注";', 'const t = `注${1}`;', '// 注\nconst a = 1;', '/* 注 */ const a = 1;', 'const 注 = 1;', 'x = String.raw`注`;']) {
      expect(() => ascii(source, 'test.cjs'), source).toThrow(/test\.cjs: a .*outside ASCII/);
    }
  });

  it('the source map moves along: every token of the ASCII bundle maps where the same token of the original did', async () => {
    // Minified, so several expressions and the code after them share one line, as in the bundle.
    const ts = [
      'export const NOTE = /^注[:：]/, UNIT = /^[亿万千百十元]/u;',
      'export function unitKind(name: string): string { return /街道(办事处)?$/.test(name) ? "street" : /[镇乡]$/.test(name) ? "town" : "other"; }',
      'export const split = (v: string) => v.split(/[,，、;；\\n]+/).map((x) => x.trim());',
      'export const emoji = /[😀-😂]/u, after = () => "末尾";',
    ].join('\n');
    const built = await transform(ts, { loader: 'ts', format: 'cjs', minify: true, sourcemap: 'external', sourcefile: 'sample.ts' });
    expect(built.code).toMatch(/[^\x20-\x7e\n]/u);
    const { text, edits } = edited(built.code);
    expect(edits.length).toBeGreaterThanOrEqual(6);
    const before = new TraceMap(built.map);
    const after = new TraceMap(shifted(built.map, built.code, edits));
    const positions = (src: string) => {
      const lineStarts = [0];
      for (let i = 0; i < src.length; i++) if (src[i] === '\n') lineStarts.push(i + 1);
      return [...tokenizer(src, { ecmaVersion: 'latest' })].map((t) => {
        let line = lineStarts.length - 1;
        while (lineStarts[line]! > t.start) line--;
        return { line: line + 1, column: t.start - lineStarts[line]! };
      });
    };
    const was = positions(built.code);
    const now = positions(text);
    expect(now).toHaveLength(was.length);
    let mapped = 0;
    for (let i = 0; i < was.length; i++) {
      const a = originalPositionFor(before, was[i]!);
      expect(originalPositionFor(after, now[i]!), `token ${i}`).toEqual(a);
      if (a.line !== null) mapped += 1;
    }
    expect(mapped).toBeGreaterThan(10);
  });
});

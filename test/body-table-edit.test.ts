/**
 * Issue 19, the editor's table controls as pure functions: rows and columns added and removed
 * (merges follow), cells, caption, unit line and header rows set; every edit reads back the
 * same from the text box's pipe lines; the tables found in the text box are parseBody's, and a
 * table replaced or put in at the caret leaves the rest of the body as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesToTable, normalizeTable, tableText, tableToLines, type BodyTable } from '../src-main/api/body-tables';
import {
  addColumn,
  addRow,
  cleanCell,
  emptyTable,
  insertTable,
  locateTables,
  removeColumn,
  removeRow,
  replaceTable,
  setCaption,
  setCell,
  setHeaderRows,
  setUnit,
  unitValue,
} from '../src-main/api/body-table-edit';
import { bodyText, parseBody } from '../src-main/api/text';

const SAMPLE: BodyTable = normalizeTable({
  caption: '2026年前三季度主要经济指标',
  unit: '单位：亿元',
  headerRows: 2,
  rows: [
    ['指标', '前三季度', ''],
    ['', '数值', '增长（%）'],
    ['地区生产总值', '120.5', '5.2'],
    ['一般公共预算收入', '8.3', '3.1'],
  ],
  merges: [
    { row: 0, col: 0, rows: 2, cols: 1 },
    { row: 0, col: 1, rows: 1, cols: 2 },
  ],
});

/** The table as the text box's lines and back: what the body stores. */
const roundTrip = (t: BodyTable) => linesToTable(tableToLines(t).filter((l) => l.startsWith('|')), t.caption, t.unit);

function wellFormed(t: BodyTable) {
  const w = t.rows[0]!.length;
  expect(t.rows.every((r) => r.length === w)).toBe(true);
  for (const m of t.merges) {
    expect(m.row + m.rows).toBeLessThanOrEqual(t.rows.length);
    expect(m.col + m.cols).toBeLessThanOrEqual(w);
    expect(m.rows * m.cols).toBeGreaterThan(1);
  }
  expect(t.headerRows).toBeLessThanOrEqual(t.rows.length);
}

describe('editing a table', () => {
  it('adds and removes rows and columns, merges following', () => {
    const wider = addColumn(SAMPLE, 2); // inside the 前三季度 merge: it widens
    expect(wider.rows[0]).toEqual(['指标', '前三季度', '', '']);
    expect(wider.merges).toContainEqual({ row: 0, col: 1, rows: 1, cols: 3 });
    const narrower = removeColumn(wider, 1); // the merge's top-left goes: its text moves right
    expect(narrower.rows[0]).toEqual(['指标', '前三季度', '']);
    expect(narrower.merges).toContainEqual({ row: 0, col: 1, rows: 1, cols: 2 });

    const taller = addRow(SAMPLE, 1); // inside the header and the 指标 merge
    expect(taller.rows).toHaveLength(5);
    expect(taller.headerRows).toBe(3);
    expect(taller.merges).toContainEqual({ row: 0, col: 0, rows: 3, cols: 1 });
    const end = addRow(SAMPLE, SAMPLE.rows.length);
    expect(end.rows[4]).toEqual(['', '', '']);
    expect(end.headerRows).toBe(2);

    const noTop = removeRow(SAMPLE, 0);
    expect(noTop.rows[0]).toEqual(['指标', '数值', '增长（%）']);
    expect(noTop.headerRows).toBe(1);
    expect(noTop.merges).toEqual([]);
    // never below one row or one column
    expect(removeRow(emptyTable(1, 2), 0).rows).toHaveLength(1);
    expect(removeColumn(emptyTable(2, 1), 0).rows[0]).toHaveLength(1);
  });

  it('sets cells, caption, unit line and header rows in forms the body reads back', () => {
    let t = setCell(SAMPLE, 2, 1, ' 121.0\n（初步） ');
    expect(t.rows[2]![1]).toBe('121.0 （初步）');
    t = setCell(t, 3, 2, '<');
    expect(t.rows[3]![2]).toBe('＜');
    t = setUnit(t, '万元');
    expect(t.unit).toBe('单位：万元');
    expect(unitValue(t.unit)).toBe('万元');
    expect(setUnit(t, '计量单位：吨').unit).toBe('计量单位：吨');
    expect(setUnit(t, '  ').unit).toBe('');
    t = setCaption(t, '表1  主要指标');
    t = setHeaderRows(t, 9);
    expect(t.headerRows).toBe(4);
    expect(roundTrip(t)).toEqual(t);
  });

  it('every sequence of edits keeps the table well formed and reading back the same from the text box', () => {
    const cellText = fc.stringMatching(/^[一二三四五六七八九十亿元0-9.%（） <^|]{0,6}$/);
    const op = fc.oneof(
      fc.record({ k: fc.constant('addRow' as const), at: fc.nat(8) }),
      fc.record({ k: fc.constant('removeRow' as const), at: fc.nat(8) }),
      fc.record({ k: fc.constant('addColumn' as const), at: fc.nat(6) }),
      fc.record({ k: fc.constant('removeColumn' as const), at: fc.nat(6) }),
      fc.record({ k: fc.constant('cell' as const), at: fc.nat(8), col: fc.nat(6), text: cellText }),
      fc.record({ k: fc.constant('header' as const), at: fc.nat(4) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let t = SAMPLE;
        for (const o of ops) {
          if (o.k === 'addRow') t = addRow(t, o.at);
          else if (o.k === 'removeRow') t = removeRow(t, o.at);
          else if (o.k === 'addColumn') t = addColumn(t, o.at);
          else if (o.k === 'removeColumn') t = removeColumn(t, o.at);
          else if (o.k === 'cell') t = setCell(t, o.at, o.col, o.text);
          else t = setHeaderRows(t, o.at);
          wellFormed(t);
        }
        // Text in covered cells is not kept by the pipe form; the editor never shows those cells.
        expect(roundTrip(t)).toEqual(normalizeTable(t));
      }),
    );
  });

  it('cleans a cell into one line the pipe form can hold', () => {
    expect(cleanCell('  a\tb\n c ')).toBe('a b c');
    expect(cleanCell('^')).toBe('＾');
  });
});

describe('tables in the text box', () => {
  const BODY = [
    '前三季度，全镇经济运行总体平稳。',
    '',
    ...tableToLines(SAMPLE),
    '主要特点如下：',
    '| 甲 | 乙 |',
    '',
    '| 1 | 2 |',
    '表题：第三张表',
    '| x | y |',
    '| --- | --- |',
    '| 3 | 4 |',
  ].join('\n');

  it('finds the tables parseBody finds, with the lines they take', () => {
    const spans = locateTables(BODY);
    const parsed = parseBody(BODY).filter((p) => p.table).map((p) => p.table);
    expect(spans.map((s) => s.table)).toEqual(parsed);
    // A blank line ends a table: 甲乙 and 1 2 are two tables, as two tables one after the other must be.
    expect(spans.map((s) => [s.from, s.to])).toEqual([
      [2, 9],
      [10, 11],
      [12, 13],
      [13, 17],
    ]);
  });

  it('replaces one table and leaves the rest of the body as it was', () => {
    const edited = addRow(SAMPLE, 4);
    const body = replaceTable(BODY, 0, edited);
    const before = parseBody(BODY);
    const after = parseBody(body);
    expect(after.filter((p) => p.table)[0]!.table).toEqual(edited);
    expect(after.filter((p) => !p.table)).toEqual(before.filter((p) => !p.table));
    expect(after.filter((p) => p.table).slice(1)).toEqual(before.filter((p) => p.table).slice(1));
    // removed with its caption and unit lines
    const gone = replaceTable(BODY, 0, null);
    expect(parseBody(gone).filter((p) => p.table)).toHaveLength(3);
    expect(gone).not.toContain('表题：2026年');
    expect(gone).not.toContain('单位：亿元');
    expect(replaceTable(BODY, 7, emptyTable())).toBe(BODY);
  });

  it('keeps two tables one after the other apart, through the text box and back', () => {
    const second = { ...SAMPLE, caption: '', unit: '', rows: [['a', 'b'], ['1', '2']] };
    const paras = [{ level: 0 as const, text: '开头。' }, { level: 0 as const, text: tableText(SAMPLE), table: SAMPLE }, { level: 0 as const, text: tableText(second), table: second }];
    const back = parseBody(bodyText(paras));
    expect(back.filter((p) => p.table).map((p) => p.table)).toEqual([normalizeTable(SAMPLE), normalizeTable(second)]);
    // a table put in right under another one's rows stays a table of its own
    const body = `${tableToLines(second).join('\n')}\n结尾。`;
    const out = insertTable(body, tableToLines(second).join('\n').length, second);
    expect(parseBody(out.body).filter((p) => p.table)).toHaveLength(2);
    expect(locateTables(out.body)).toHaveLength(2);
  });

  it('puts a table in at the caret on lines of its own', () => {
    const body = '第一段文字。第二句。\n最后一段。';
    const caret = body.indexOf('第二句');
    const out = insertTable(body, caret, SAMPLE);
    const paras = parseBody(out.body);
    expect(paras.map((p) => (p.table ? 'TABLE' : p.text))).toEqual(['第一段文字。', 'TABLE', '第二句。', '最后一段。']);
    expect(paras[1]!.table).toEqual(SAMPLE);
    expect(out.body.slice(0, out.caret).endsWith('|')).toBe(true);
    expect(parseBody(insertTable('', 0, emptyTable(2, 2)).body)).toEqual([{ level: 0, text: '（空表格）', table: emptyTable(2, 2) }]);
  });

  it('the tables found are always those parseBody finds', () => {
    const line = fc.constantFrom('正文一段。', '', '单位：亿元', '表题：某表', '| a | b |', '| --- | --- |', '| ^ | < |', '注：数据来源', '1.说明', '  | c |');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
        const body = lines.join('\n');
        expect(locateTables(body).map((s) => s.table)).toEqual(parseBody(body).filter((p) => p.table).map((p) => p.table));
      }),
    );
  });
});

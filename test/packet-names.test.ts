/** Names of packets and of the files inside them: what offices call them, and safe on Windows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryNameProblem } from '../src-main/packet/manifest';
import { articleEntryName, freeFileName, issueEntryName, packetFileName, shortSeriesName, uniqueNames } from '../src-main/packet/names';

const OFFICE = '城关县人民政府办公室';
const issue = (series: string, number: number, year = 2026, supplement = false) => ({ series, number, year, supplement });

describe('packet file names', () => {
  it('names the sender, the content and the date, as offices do', () => {
    expect(packetFileName('城关县政府办', OFFICE, [issue('城关县政务信息', 12)], 0, '2026-11-21')).toBe('城关县政府办_政务信息_2026第12期_20261121.zip');
    expect(packetFileName('城关县政府办', OFFICE, [issue('城关县政务信息', 13), issue('城关县政务信息', 12)], 3, '2026-11-21')).toBe(
      '城关县政府办_政务信息_2026第12、13期_信息3条_20261121.zip',
    );
    expect(packetFileName('城关县政府办', OFFICE, [], 1, '2026-11-21')).toBe('城关县政府办_信息1条_20261121.zip');
    expect(packetFileName('城关县政府办', OFFICE, [1, 2, 3, 4, 5].map((n) => issue('城关县政务信息', n)), 0, '2026-11-21')).toBe(
      '城关县政府办_政务信息_2026第1期等5期_20261121.zip',
    );
    expect(packetFileName('城关县政府办', OFFICE, [issue('情况反映', 2, 2026, true)], 0, '2026-11-21')).toBe('城关县政府办_情况反映_2026第增刊2期_20261121.zip');
  });

  it('leaves out only a whole shared place name', () => {
    expect(shortSeriesName('城关县政务信息', OFFICE)).toBe('政务信息');
    expect(shortSeriesName('城关县每日要情', '城关县政府办')).toBe('每日要情');
    expect(shortSeriesName('城市管理简报', OFFICE)).toBe('城市管理简报');
    expect(shortSeriesName('城关县', OFFICE)).toBe('城关县');
  });

  it('is always a name Windows accepts, whatever the sender typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), fc.nat(2000), (short, series, count) => {
        const name = packetFileName(short, OFFICE, [issue(series || '刊', 1)], count, '2026-11-21');
        expect(name.endsWith('.zip')).toBe(true);
        expect(entryNameProblem(name)).toBeNull();
      }),
    );
  });

  it('never reuses a name already in the folder', () => {
    const taken = new Set(['a.zip', 'a_2.zip']);
    expect(freeFileName('a.zip', (n) => taken.has(n))).toBe('a_3.zip');
    expect(freeFileName('b.zip', (n) => taken.has(n))).toBe('b.zip');
  });
});

describe('names inside the packet', () => {
  it('names issue and item files as the archive and the city office read them', () => {
    expect(issueEntryName(issue('城关县政务信息', 12))).toBe('城关县政务信息2026年第12期.docx');
    expect(articleEntryName(3, 12, '城关镇推进“老旧小区”改造: 成效/问题?')).toBe('信息03_城关镇推进“老旧小区”改造： 成效／问题？.docx');
    expect(articleEntryName(3, 120, 'x')).toBe('信息003_x.docx');
    expect([...articleEntryName(1, 1, '长'.repeat(300))].length).toBeLessThanOrEqual(120);
  });

  it('makes names unique regardless of case and keeps the packet’s own names free', () => {
    expect(uniqueNames(['a.docx', 'A.docx', 'manifest.json', '报送清单.docx'])).toEqual(['a.docx', 'A（2）.docx', 'manifest（2）.json', '报送清单（2）.docx']);
  });

  it('refuses every kind of unsafe name', () => {
    const cases: [string, string][] = [
      ['../x', 'UNSAFE_PATH'],
      ['a/../../x', 'UNSAFE_PATH'],
      ['/etc/passwd', 'UNSAFE_PATH'],
      ['\\\\server\\share', 'UNSAFE_PATH'],
      ['C:/x', 'UNSAFE_PATH'],
      ['c:x', 'UNSAFE_PATH'],
      ['a\\b', 'UNSAFE_PATH'],
      ['dir/x', 'FOLDER'],
      ['dir/', 'FOLDER'],
      ['a\u0000b', 'BAD_NAME'],
      ['ab:c', 'BAD_NAME'],
      ['a:b', 'UNSAFE_PATH'],
      ['x.', 'BAD_NAME'],
      ['nul.txt', 'BAD_NAME'],
      ['', 'BAD_NAME'],
    ];
    for (const [name, code] of cases) expect(entryNameProblem(name)?.code, name).toBe(code);
    expect(entryNameProblem('信息01_标题.docx')).toBeNull();
  });
});

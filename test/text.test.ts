import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, countChars, detectHeadingLevel, parseBody } from '../src-main/api/text';

describe('heading detection', () => {
  it.each([
    ['一、强化组织领导', 1],
    ['十二、其他事项', 1],
    ['（一）成立工作专班', 2],
    ['(三)半角括号也算', 2],
    ['1.明确责任分工', 3],
    ['2．全角点', 3],
    ['3、顿号', 3],
    ['（1）细化任务', 4],
    ['(12)半角', 4],
    ['1.5亿元用于改造', 0],
    ['2026年全县完成投资', 0],
    ['今年以来，城关镇……', 0],
    ['　　一、全角空格缩进', 1],
  ] as const)('%s → level %i', (line, level) => {
    expect(detectHeadingLevel(line)).toBe(level);
  });

  it('turns plain text into paragraphs, dropping blank lines and indentation', () => {
    expect(parseBody('　　今年以来，\r\n\r\n一、做法\n  （一）细节  \n')).toEqual([
      { level: 0, text: '今年以来，' },
      { level: 1, text: '一、做法' },
      { level: 2, text: '（一）细节' },
    ]);
  });
});

describe('cleaning text', () => {
  it('drops control characters and lone surrogates, keeps emoji and CJK', () => {
    expect(cleanText('a\u0000b\u0007c\ud800d😀中')).toBe('abcd😀中');
    expect(cleanLine('  标题\n第二行\t ')).toBe('标题 第二行');
  });
  it('counts characters as the office does', () => {
    expect(countChars([{ level: 0, text: '今年 投入1.5亿元。' }])).toBe(10);
  });
});

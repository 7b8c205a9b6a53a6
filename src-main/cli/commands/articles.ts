/** `bulletin article …`: items. */
import type { CommandSpec, OptionSpec } from '../spec';
import { fmt } from '../format';
import { bodyFileOption, deleteCommand, filterBy, idArg, titleOption, pageOptions } from '../options';

const ARTICLE_OPTIONS: OptionSpec[] = [
  { flag: 'body', key: 'body', type: 'string', value: 'TEXT', zh: '正文；每行一段，以“一、”“（一）”“1.”“（1）”开头的行为各级标题', en: 'body text; one paragraph per line, heading prefixes detected' },
  bodyFileOption,
  { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME', zh: '来稿单位（名称或编号）', en: 'source unit (name or id)' },
  { flag: 'category', key: 'category', type: 'string', value: 'C', zh: '分类：news 动态 / practice 经验 / problem 问题建议 / research 调研 / followup 督查', en: 'category' },
  { flag: 'classification', key: 'classification', type: 'string', value: 'C', zh: '密级：public 公开 / internal 内部 / classified 涉密', en: 'classification' },
];

export const articleCommands: readonly CommandSpec[] = [
  {
    path: ['article', 'add'],
    op: 'articleAdd',
    zh: '新增一条信息',
    en: 'Add an item',
    options: [titleOption, ...ARTICLE_OPTIONS],
    print: fmt.article,
    examples: ['bulletin article add --title "城关镇推进老旧小区改造" --body-file 稿件.txt --unit 城关镇 --category practice'],
  },
  {
    path: ['article', 'edit'],
    op: 'articleEdit',
    zh: '修改一条信息（已刊登在签发期次中的不能修改）',
    en: 'Edit an item (refused once printed in a signed issue)',
    positionals: [idArg()],
    options: [{ flag: 'title', key: 'title', type: 'string', value: 'T', zh: '新标题', en: 'new title' }, ...ARTICLE_OPTIONS],
    print: fmt.article,
  },
  {
    path: ['article', 'show'],
    op: 'articleGet',
    zh: '查看一条信息',
    en: 'Show an item',
    positionals: [idArg()],
    print: fmt.article,
  },
  {
    path: ['article', 'check'],
    op: 'articleCoverage',
    zh: '检查一条信息的文字：列出办公字体无法显示的字符',
    en: 'List characters of an item the office fonts cannot print',
    positionals: [idArg()],
    print: fmt.coverage,
  },
  {
    path: ['article', 'list'],
    op: 'articleList',
    zh: '列出信息',
    en: 'List items',
    options: [
      filterBy.unit,
      filterBy.category,
      { flag: 'classification', key: 'classification', type: 'string', value: 'C', zh: '按密级筛选', en: 'filter by classification' },
      ...pageOptions('article'),
    ],
    paged: true,
    print: fmt.articleList,
  },
  deleteCommand('article', 'articleDelete', '删除一条尚未编入任何期次的信息', 'Delete an item that is in no issue'),
];

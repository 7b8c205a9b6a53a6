/** `bulletin unit …`: the units that send drafts. */
import type { CommandSpec } from '../spec';
import { fmt } from '../format';

export const unitCommands: readonly CommandSpec[] = [
  {
    path: ['unit', 'add'],
    op: 'unitAdd',
    zh: '新增报送单位（镇、街道、县直部门）',
    en: 'Add a unit that sends drafts',
    options: [
      { flag: 'name', key: 'name', type: 'string', value: 'NAME', zh: '单位名称', en: 'unit name' },
      { flag: 'kind', key: 'kind', type: 'string', value: 'KIND', zh: '类型：town 镇 / street 街道 / department 县直部门 / other 其他（不填则按名称判断）', en: 'town|street|department|other (guessed from the name if omitted)' },
    ],
    print: fmt.unit,
    examples: ['bulletin unit add --name 城关镇'],
  },
  {
    path: ['unit', 'list'],
    op: 'unitList',
    zh: '列出报送单位',
    en: 'List units',
    options: [{ flag: 'all', key: 'includeInactive', type: 'bool', zh: '包括已停用的单位', en: 'include inactive units' }],
    print: fmt.unitList,
  },
];

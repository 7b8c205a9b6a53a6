/** `bulletin unit …`: the units that send drafts, with their short names and aliases. */
import type { CommandSpec, OptionSpec } from '../spec';
import { fmt } from '../format';

const KIND: OptionSpec = { flag: 'kind', key: 'kind', type: 'string', value: 'KIND', zh: '类型：town 镇 / street 街道 / department 县直部门 / other 其他（不填则按名称判断）', en: 'town|street|department|other (guessed from the name if omitted)' };
const SHORT_NAME: OptionSpec = { flag: 'short-name', key: 'shortName', type: 'string', value: 'NAME', zh: '简称，如“县发改局”（给空文字则清除）', en: 'short name, e.g. 县发改局 ("" clears it)' };
const ALIAS: OptionSpec = { flag: 'alias', key: 'aliases', type: 'string', multiple: true, value: 'NAME', zh: '别称，可多次给出；修改时给出的是全部别称（--alias "" 清除）', en: 'alias, repeatable; on update the whole list (--alias "" clears)' };

export const unitCommands: readonly CommandSpec[] = [
  {
    path: ['unit', 'add'],
    op: 'unitAdd',
    zh: '新增报送单位（镇、街道、县直部门）',
    en: 'Add a unit that sends drafts',
    options: [{ flag: 'name', key: 'name', type: 'string', value: 'NAME', zh: '单位名称', en: 'unit name' }, KIND, SHORT_NAME, ALIAS],
    print: fmt.unit,
    examples: ['bulletin unit add --name 城关镇', 'bulletin unit add --name 县发展和改革局 --short-name 县发改局 --alias 发改局'],
  },
  {
    path: ['unit', 'update'],
    op: 'unitUpdate',
    zh: '修改报送单位：名称、类型、简称、别称、启用或停用',
    en: 'Change a unit: name, kind, short name, aliases, active',
    positionals: [{ name: 'UNIT', key: 'unit', type: 'ref' }],
    options: [
      { flag: 'name', key: 'name', type: 'string', value: 'NAME', zh: '新名称', en: 'new name' },
      KIND,
      SHORT_NAME,
      ALIAS,
      { flag: 'active', key: 'active', type: 'bool', zh: '启用（--no-active 停用）', en: 'active (--no-active disables)' },
    ],
    print: fmt.unit,
    examples: ['bulletin unit update 县发展和改革局 --short-name 县发改局 --alias 发改局 --alias 县发改委'],
  },
  {
    path: ['unit', 'list'],
    op: 'unitList',
    zh: '列出报送单位（含简称、别称）',
    en: 'List units (with short names and aliases)',
    options: [{ flag: 'all', key: 'includeInactive', type: 'bool', zh: '包括已停用的单位', en: 'include inactive units' }],
    print: fmt.unitList,
  },
];

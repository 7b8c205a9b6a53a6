/** `bulletin unit …`: the units that send drafts, with their short names and aliases. */
import type { CommandSpec, OptionSpec } from '../spec';
import { fmt } from '../format';
import type { UnitImportReport } from '../../api/ops/units';

const STATUS_WORDS = { added: '新增', updated: '更新', unchanged: '未变' } as const;

function importText(r: UnitImportReport): string {
  const changed = r.units.filter((u) => u.status !== 'unchanged').map((u) => `  第${u.row}行 ${u.name}：${STATUS_WORDS[u.status]}`);
  return [`已导入单位名单：新增 ${r.added} 个，更新 ${r.updated} 个，未变 ${r.unchanged} 个。`, ...changed].join('\n');
}

const KIND: OptionSpec = { flag: 'kind', key: 'kind', type: 'string', value: 'KIND', zh: '类型：town 镇 / street 街道 / department 县直部门 / other 其他（不填则按名称判断）', en: 'town|street|department|other (guessed from the name if omitted)' };
const SHORT_NAME: OptionSpec = { flag: 'short-name', key: 'shortName', type: 'string', value: 'NAME', zh: '简称，如“县发改局”（给空文字则清除）', en: 'short name, e.g. 县发改局 ("" clears it)' };
const ALIAS: OptionSpec = { flag: 'alias', key: 'aliases', type: 'string', multiple: true, value: 'NAME', zh: '别称，可多次给出；修改时给出的是全部别称（--alias "" 清除）', en: 'alias, repeatable; on update the whole list (--alias "" clears)' };

export const unitCommands: readonly CommandSpec[] = [
  {
    path: ['unit', 'add'],
    op: 'unitAdd',
    zh: '新增来稿单位（镇、街道、县直部门）',
    en: 'Add a unit that sends drafts',
    options: [{ flag: 'name', key: 'name', type: 'string', value: 'NAME', zh: '单位名称', en: 'unit name' }, KIND, SHORT_NAME, ALIAS],
    print: fmt.unit,
    examples: ['bulletin unit add --name 城关镇', 'bulletin unit add --name 县发展和改革局 --short-name 县发改局 --alias 发改局'],
  },
  {
    path: ['unit', 'update'],
    op: 'unitUpdate',
    zh: '修改来稿单位：名称、类型、简称、别称、启用或停用',
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
    zh: '列出来稿单位（含简称、别称）',
    en: 'List units (with short names and aliases)',
    options: [{ flag: 'all', key: 'includeInactive', type: 'bool', zh: '包括已停用的单位', en: 'include inactive units' }],
    print: fmt.unitList,
  },
  {
    path: ['unit', 'import'],
    op: 'unitImport',
    zh: '从 Excel 单位名单（.xlsx，工作表“单位名单”，列：单位名称、简称、别称、类别、状态）导入：按单位名称新增或更新，有一行不对则整表不导入',
    en: 'Import units from an .xlsx list (sheet 单位名单): adds new units and updates existing ones by name; any bad row refuses the whole sheet',
    positionals: [{ name: 'FILE', key: 'path', type: 'string' }],
    print: importText,
    examples: ['bulletin unit import 单位名单.xlsx', 'bulletin unit export 单位名单.xlsx   # 导出后在 Excel 中修改，再导入'],
  },
  {
    path: ['unit', 'export'],
    op: 'unitExport',
    zh: '把全部来稿单位（含停用的）导出为 Excel 单位名单，可修改后再导入',
    en: 'Write every unit (inactive ones too) to an .xlsx list that import reads back',
    positionals: [{ name: 'FILE', key: 'out', type: 'string' }],
    print: (r: { path: string; rows: number }) => `已导出 ${r.rows} 个来稿单位：${r.path}`,
    examples: ['bulletin unit export 单位名单.xlsx', 'bulletin unit export ~/文档/'],
  },
];

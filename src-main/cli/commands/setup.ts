/** `bulletin setup …`: the first start, as the window's set-up does it, for scripted installs. */
import type { SetupResult, SetupState } from '../../api/ops/setup';
import type { CommandSpec } from '../spec';

function stateText(s: SetupState): string {
  if (!s.needed) return '首次设置已完成（已有刊物）。以后的修改请用 bulletin series set、bulletin settings set、bulletin unit …。';
  const step = s.draft?.step === undefined ? '' : `窗口中的设置已填到第 ${s.draft.step + 1} 步。`;
  return `尚未完成首次设置：还没有刊物。${step}用 bulletin setup complete … 一次完成，或在窗口中按向导填写。`;
}

function resultText(r: SetupResult): string {
  return [
    `首次设置完成：刊物《${r.series.name}》，第一期将是第${r.series.firstNumber}期（总第${r.series.firstTotal}期）。`,
    `来稿单位：新增 ${r.units.added} 个，更新 ${r.units.updated} 个，未变 ${r.units.unchanged} 个。`,
    ...(r.sampleIssueId ? [`示例期（草稿，不占期号）：#${r.sampleIssueId}`] : []),
  ].join('\n');
}

export const setupCommands: readonly CommandSpec[] = [
  {
    path: ['setup', 'status'],
    op: 'setupState',
    zh: '查看是否还需要首次设置',
    en: 'Whether first start is still to be done',
    print: stateText,
  },
  {
    path: ['setup', 'complete'],
    op: 'setupComplete',
    zh: '一次完成首次设置：本单位、第一个刊物（接续的期号）、来稿单位名单、可选的示例期；有一项不对则什么也不写入',
    en: 'First start in one go: office, first series (numbers it continues from), units, optional sample issue',
    options: [
      { flag: 'office', key: 'sender.office', type: 'string', value: 'NAME', zh: '本单位全称，如 城关县人民政府办公室', en: 'the office' },
      { flag: 'short-name', key: 'sender.shortName', type: 'string', value: 'NAME', zh: '本单位简称（上报包文件名开头）', en: 'its short name' },
      { flag: 'contact', key: 'sender.contactPerson', type: 'string', value: 'NAME', zh: '联系人', en: 'contact person' },
      { flag: 'phone', key: 'sender.phone', type: 'string', value: 'TEL', zh: '联系电话', en: 'phone' },
      { flag: 'series', key: 'series.name', type: 'string', value: 'NAME', zh: '刊物名称，如 城关县政务信息', en: 'series name' },
      { flag: 'masthead', key: 'series.print.mastheadName', type: 'string', value: 'TEXT', zh: '报头名称（默认为刊物名称）', en: 'masthead text' },
      { flag: 'first-number', key: 'series.firstNumber', type: 'int', value: 'N', zh: '在本系统签发的第一期的期号（接续纸质刊物）', en: 'number of the first issue made here' },
      { flag: 'first-total', key: 'series.firstTotal', type: 'int', value: 'M', zh: '第一期的总期号', en: 'its running number' },
      { flag: 'classification', key: 'series.maxClassification', type: 'string', value: 'C', zh: '最高密级：public 公开 / internal 内部（默认）/ classified 涉密', en: 'highest classification' },
      { flag: 'mark', key: 'series.print.sensitivityMark', type: 'string', value: 'none|internal|TEXT', zh: '左上角标志：none 不印 / internal “内部资料 注意保存”', en: 'top-left mark' },
      { flag: 'to', key: 'series.print.distribution.to', type: 'string', value: 'A，B', zh: '版记“报：”的单位', en: 'recipients above (报)' },
      { flag: 'cc', key: 'series.print.distribution.cc', type: 'string', value: 'A，B', zh: '版记“送：”的单位', en: 'recipients alongside (送)' },
      { flag: 'down', key: 'series.print.distribution.down', type: 'string', value: 'A，B', zh: '版记“发：”的单位', en: 'recipients below (发)' },
      { flag: 'units-file', key: 'unitsText', type: 'file', value: 'FILE', zh: '来稿单位名单（UTF-8 文本：每行一个单位，或从 Excel 复制的几列：单位名称、简称、别称、类别）；Excel 文件请之后用 bulletin unit import', en: 'unit list as text, one per line (tab-separated columns allowed)' },
      { flag: 'sample', key: 'sample', type: 'bool', zh: '另建一期示例草稿（不占期号，可删除）', en: 'also make a sample draft issue' },
    ],
    print: resultText,
    examples: [
      'bulletin setup complete --office 城关县人民政府办公室 --short-name 城关县政府办 --contact 王某某 --phone 0000-1234567 \\\n    --series 城关县政务信息 --first-number 37 --first-total 412 --mark internal --to 市政府办公室 --units-file 单位.txt',
    ],
  },
];

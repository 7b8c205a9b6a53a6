/** `bulletin proof …`: proofreading (校对) of an item or a file; ignored findings; the 规范提法 list. */
import type { ProofReport, ProofSetup, WordingVersion } from '../../api/ops/proof';
import { RULE_LABELS } from '../../proof/types';
import type { CommandSpec } from '../spec';
import { DATE } from '../options';

function where(f: ProofReport['findings'][number]): string {
  return f.paragraph === null ? '标题' : `第${f.paragraph + 1}段第${f.start + 1}字`;
}

export function proofText(r: ProofReport): string {
  const head = `${r.source}${r.title ? `《${r.title}》` : ''}：错误 ${r.errors} 处，建议 ${r.suggestions} 处${r.ignored ? `（另有已忽略 ${r.ignored} 处）` : ''}`;
  const fixed = r.fixed !== undefined ? `已修正 ${r.fixed} 处（只写入确定的修正）。` : '';
  const lines = r.findings.map(
    (f) => `  [${f.severity}] ${where(f)} “${f.text}”${f.fix !== undefined ? ` → “${f.fix}”` : ''}  ${RULE_LABELS[f.rule]}：${f.message}\n      忽略用：bulletin proof ignore ${r.articleId ?? 'ID'} '${f.key}'`,
  );
  const hint = r.findings.some((f) => f.fix !== undefined) && r.articleId !== null && r.fixed === undefined ? `可用 bulletin proof --article ${r.articleId} --fix 写入确定的修正。` : '';
  return [head, fixed, ...lines, hint].filter(Boolean).join('\n');
}

const wordingText = (v: WordingVersion) =>
  `${v.validFrom ? `自 ${v.validFrom} 起` : '内置默认（未保存任何版本时使用）'}：${v.entries.length} 条，千分位${v.thousands === 'plain' ? '不用逗号' : '不检查'}\n${v.entries.map((e) => `  ${e.wrong} => ${e.right}${e.note ? ` # ${e.note}` : ''}`).join('\n')}`;

export const proofCommands: readonly CommandSpec[] = [
  {
    path: ['proof'],
    op: 'proofCheck',
    zh: '校对一条信息或一个文件：标点、数字、用词和规范提法；--fix 把确定的修正写入信息（已提交审核或已签发的不能修正）',
    en: 'Proofread an item or a file; --fix writes the certain fixes to an item that may still change',
    options: [
      { flag: 'article', key: 'id', type: 'int', value: 'ID', zh: '要校对的信息编号', en: 'the item to check' },
      { flag: 'file', key: 'file', type: 'string', value: 'FILE', zh: '要校对的文件（.docx 或 .txt）', en: 'a .docx or .txt file to check' },
      { flag: 'fix', key: 'fix', type: 'bool', zh: '把确定的修正写入信息', en: 'write the certain fixes to the item' },
      { flag: 'rule', key: 'rules', type: 'string', multiple: true, value: 'RULE', zh: '与 --fix 同用：只修正这些规则（如 half-width-punct）', en: 'with --fix: only these rules' },
    ],
    print: proofText,
    examples: ['bulletin proof --article 12', 'bulletin proof --article 12 --fix', 'bulletin proof --file 城关镇-秋粮收购.docx --json'],
  },
  {
    path: ['proof', 'ignore'],
    op: 'proofIgnore',
    zh: '忽略一条信息的一处校对结果（KEY 取自 bulletin proof 的输出）；--restore 恢复',
    en: 'Ignore one finding of an item (KEY from bulletin proof); --restore lists it again',
    positionals: [
      { name: 'ID', key: 'id', type: 'int' },
      { name: 'KEY', key: 'key', type: 'string' },
    ],
    options: [{ flag: 'restore', key: 'restore', type: 'bool', zh: '恢复这处校对结果', en: 'list the finding again' }],
    print: (r: ProofSetup) => `已忽略的校对结果：${r.ignored.length} 处`,
  },
  {
    path: ['proof', 'wording'],
    op: 'proofWordingList',
    zh: '列出规范提法表的各个版本（最新的在前）',
    en: 'List the wording list versions, newest first',
    print: (list: WordingVersion[]) => list.map(wordingText).join('\n\n'),
  },
  {
    path: ['proof', 'wording', 'add'],
    op: 'proofWordingAdd',
    zh: '从某日起启用新的规范提法表（文件每行“不规范写法 => 规范提法 # 说明”）；已保存的版本不再改动',
    en: 'A new wording list from a date (one "wrong => right # note" a line)',
    options: [
      { flag: 'from', key: 'validFrom', type: 'string', value: DATE, zh: '生效日期', en: 'valid from' },
      { flag: 'list-file', key: 'lines', type: 'file', value: 'FILE', zh: '规范提法表（UTF-8 文本）', en: 'the list as a UTF-8 text file' },
      { flag: 'thousands', key: 'thousands', type: 'string', value: 'plain|any', zh: '千分位：plain 数字不用逗号分节（检查），any 不检查', en: 'thousands style' },
    ],
    print: wordingText,
    examples: ['bulletin proof wording add --from 2027-01-01 --list-file 规范提法.txt --thousands plain'],
  },
];

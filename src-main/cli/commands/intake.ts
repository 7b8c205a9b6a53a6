/** `bulletin import` and `bulletin submission …`: the intake register (来稿登记). */
import path from 'node:path';
import { dispatch, validationError } from '../../wiring/dispatch';
import { ApiError, type ApiErrorShape } from '../../api/errors';
import { CATEGORY_LABELS } from '../../api/schemas';
import { contract, type OpInput, type OpName, type OpResult } from '../../api/contract';
import {
  ORIGINAL_FORMAT_LABELS,
  SUBMISSION_STATE_LABELS,
  type ImportResult,
  type Submission,
  type SubmissionCorrectResult,
  type SubmissionCounts,
  type SubmissionEditResult,
  type SubmissionSummary,
} from '../../api/ops/submissions';
import { createCtx } from '../../services/context';
import { SUBFOLDER_REASON } from '../../services/submission-import';
import { openDatabase } from '../../store/db';
import { bodyLines, listText } from '../format';
import { bodyFileOption, filterBy, idArg, titleOption, pageOptions } from '../options';
import type { CommandContext, CommandSpec, OptionSpec } from '../spec';

function submissionLine(s: SubmissionSummary): string {
  const state = SUBMISSION_STATE_LABELS[s.state] + (s.stateReason ? `（${s.stateReason}）` : '');
  const used = s.state === 'used' && s.issue ? ` ${s.issue.year}年第${s.issue.number}期` : '';
  return (
    `#${s.id} ${s.receivedDate} ${s.unit ?? '（未填单位）'} 《${s.title}》 ${s.category ? CATEGORY_LABELS[s.category] : '分类未定'} ${ORIGINAL_FORMAT_LABELS[s.originalFormat]} ${s.chars}字 [${state}${used}]` +
    (s.duplicateOf ? `  ⚠ 与 #${s.duplicateOf.id} 重复` : '') +
    (s.articleId ? `  → 信息 #${s.articleId}` : '')
  );
}

function submissionDetail(s: Submission): string {
  const facts = [
    `来稿单位：${s.unit ?? '（未填）'}  信息员：${s.liaisonName || '（未填）'}  电话：${s.liaisonPhone || '（未填）'}`,
    s.originalFormat === 'typed'
      ? '来源：手工录入'
      : `原件：${s.originalName}（${s.originalSize ?? 0} 字节${s.originalEncoding ? `，编码 ${s.originalEncoding}` : ''}）SHA-256 ${s.originalSha256}`,
  ];
  return [submissionLine(s), ...facts, '', ...bodyLines(s.paragraphs)].join('\n');
}

function correctionText(r: SubmissionCorrectResult): string {
  const lines = [`已更正来稿 #${r.submission.id}：${r.corrected.join('、')}`, submissionLine(r.submission)];
  if (r.article) {
    if (r.article.followed.length) lines.push(`信息 #${r.article.id} 已随之更正：${r.article.followed.join('、')}`);
    if (r.article.notFollowed) lines.push(r.article.notFollowed);
  }
  return lines.join('\n');
}

interface ImportedFile {
  path: string;
  name: string;
  status: ImportResult['status'];
  reason?: string;
  submissionId?: number;
  title?: string;
  unit?: string | null;
  guessedUnit?: string | null;
  duplicateOf?: ImportResult['duplicateOf'];
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  refused: number;
  files: ImportedFile[];
  /** Sub-folders met in a folder: not imported (a scan is one level deep), each with the reason. */
  skippedFolders: { path: string; name: string; reason: string }[];
}

/** Every file refused: exit 2, and the JSON error still carries the per-file answers. */
class NothingImported extends ApiError {
  constructor(
    message: string,
    readonly summary: ImportSummary,
  ) {
    super('INVALID_INPUT', message);
  }
  override toJSON(): ApiErrorShape & ImportSummary {
    return { ...super.toJSON(), ...this.summary };
  }
}

function fileLine(f: ImportedFile): string {
  if (f.status === 'imported') {
    const unit = f.unit ? `${f.unit}${f.guessedUnit ? '（按文件名判断）' : ''}` : '未填单位';
    return `[导入] ${f.name} → #${f.submissionId}《${f.title}》 ${unit}`;
  }
  if (f.status === 'duplicate') return `[重复] ${f.name}：${f.reason}；未登记（确需登记时加 --allow-duplicate）`;
  return `[拒收] ${f.name}：${f.reason}`;
}

const summaryLine = (s: ImportSummary) => `导入 ${s.imported} 件，重复 ${s.duplicates} 件，拒收 ${s.refused} 件`;

/** Scans every PATH first (a mistyped one stops everything before anything is registered), then imports file by file. */
async function runImport(input: Record<string, unknown>, cli: CommandContext): Promise<ImportSummary> {
  const db = openDatabase(cli.dbPath);
  const ctx = createCtx(db);
  ctx.operator = cli.operator;
  const call = <K extends OpName>(name: K, args: OpInput<K>): Promise<OpResult<K>> => dispatch(ctx, name, args);
  try {
    const { paths: _p, ...options } = input as OpInput<'submissionImport'> & { paths?: string[] };
    // The options go with every file: checked once by the API's own schema, before any file is touched.
    const checked = contract.submissionImport.input.safeParse({ ...options, path: '.' });
    if (!checked.success) throw validationError(checked.error);
    const paths = (input.paths as string[] | undefined) ?? [];
    const scans = [];
    const missing: string[] = [];
    for (const p of paths) {
      try {
        scans.push(await call('submissionScan', { folder: p }));
      } catch (e) {
        if (e instanceof ApiError && e.code === 'NOT_FOUND') missing.push(p);
        else throw e;
      }
    }
    if (missing.length) throw new ApiError('NOT_FOUND', `找不到：${missing.join('、')}。没有导入任何文件，请检查路径后重试。`);

    const summary: ImportSummary = { imported: 0, duplicates: 0, refused: 0, files: [], skippedFolders: [] };
    for (const scan of scans) {
      for (const name of scan.folders) {
        const skipped = { path: path.join(scan.folder, name), name, reason: SUBFOLDER_REASON };
        summary.skippedFolders.push(skipped);
        if (!cli.json) cli.stdout(`[跳过] ${name}${path.sep}：${skipped.reason}`);
      }
    }
    const seen = new Set<string>();
    for (const file of scans.flatMap((s) => s.files)) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      let entry: ImportedFile;
      if (file.format === 'refused') entry = { path: file.path, name: file.name, status: 'refused', reason: file.reason };
      else {
        const r = await call('submissionImport', { ...options, path: file.path });
        entry = {
          path: file.path,
          name: file.name,
          status: r.status,
          ...(r.reason ? { reason: r.reason } : {}),
          ...(r.submission ? { submissionId: r.submission.id, title: r.submission.title, unit: r.submission.unit } : {}),
          ...(r.guessedUnit !== undefined ? { guessedUnit: r.guessedUnit } : {}),
          ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
        };
      }
      summary.files.push(entry);
      if (entry.status === 'imported') summary.imported++;
      else if (entry.status === 'duplicate') summary.duplicates++;
      else summary.refused++;
      if (!cli.json) cli.stdout(fileLine(entry));
    }
    if (summary.imported + summary.duplicates === 0) {
      throw new NothingImported(
        (summary.files.length === 0 ? '没有找到任何文件。' : `没有导入任何文件：${summary.files.length} 个文件全部拒收。`) +
          (summary.skippedFolders.length > 0 ? `子文件夹 ${summary.skippedFolders.map((f) => f.name).join('、')} 未导入：${SUBFOLDER_REASON}` : ''),
        summary,
      );
    }
    return summary;
  } finally {
    db.close();
  }
}

const INTAKE_OPTIONS: OptionSpec[] = [
  { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME', zh: '来稿单位（名称或编号）；不给时按文件名判断', en: 'source unit (name or id); guessed from the file name when absent' },
  { flag: 'liaison', key: 'liaisonName', type: 'string', value: 'NAME', zh: '信息员姓名', en: 'liaison officer' },
  { flag: 'phone', key: 'liaisonPhone', type: 'string', value: 'P', zh: '信息员电话', en: 'liaison phone' },
  { flag: 'date', key: 'receivedDate', type: 'string', value: 'D', zh: '收稿日期（年-月-日），默认今天', en: 'date received (YYYY-MM-DD), default today' },
  { flag: 'allow-duplicate', key: 'allowDuplicate', type: 'bool', zh: '与已登记的来稿重复时也登记（标明重复）', en: 'register even when it repeats an earlier draft (flagged)' },
  {
    flag: 'category',
    key: 'category',
    type: 'string',
    value: 'C',
    zh: '分类（news 动态 / practice 经验 / problem 问题建议 / research 调研 / followup 督查 / none 未定）；不给时按文字判断，判断不出为未定',
    en: 'category (none: not decided); by default guessed from the wording where clear',
  },
];

const ID = [idArg()];

export const intakeCommands: readonly CommandSpec[] = [
  {
    path: ['import'],
    zh: '导入来稿：Word（.docx）或文本（.txt，UTF-8 或 GBK）文件，或整个文件夹（不含子文件夹）',
    en: 'Import drafts: .docx or .txt (UTF-8 or GBK) files, or whole folders (not their sub-folders)',
    positionals: [{ name: 'PATH', key: 'paths', type: 'string', variadic: true }],
    options: INTAKE_OPTIONS,
    usesDb: true,
    run: runImport,
    print: summaryLine,
    examples: ['bulletin import E:\\来稿\\11月', 'bulletin import 城关镇-关于秋冬种生产的报告.docx --liaison 王某 --phone 13800000000', 'bulletin --json import 来稿 --unit 县发改局'],
  },
  {
    path: ['submission', 'list'],
    op: 'submissionList',
    zh: '列出来稿登记',
    en: 'List the intake register',
    options: [
      filterBy.unit,
      { flag: 'without-unit', key: 'withoutUnit', type: 'bool', zh: '只列出未填单位的来稿', en: 'only drafts without a unit' },
      { flag: 'state', key: 'state', type: 'string', value: 'S', zh: '按状态筛选：received 已收 / editing 编辑中 / used 已采用 / forwarded 已上报 / unused 未采用', en: 'filter by state' },
      { flag: 'category', key: 'category', type: 'string', value: 'C', zh: '按分类筛选：news 动态 / practice 经验 / problem 问题建议 / research 调研 / followup 督查', en: 'filter by category' },
      { flag: 'without-category', key: 'withoutCategory', type: 'bool', zh: '只列出分类未定的来稿', en: 'only drafts whose category is not decided' },
      { flag: 'from', key: 'from', type: 'string', value: 'D', zh: '收稿日期起', en: 'received from' },
      { flag: 'to', key: 'to', type: 'string', value: 'D', zh: '收稿日期止', en: 'received until' },
      { flag: 'text', key: 'text', type: 'string', value: 'T', zh: '标题关键字', en: 'words in the title' },
      ...pageOptions('submission'),
    ],
    paged: true,
    print: (list: SubmissionSummary[]) => listText(list, submissionLine, '没有符合条件的来稿。'),
  },
  {
    path: ['submission', 'count'],
    op: 'submissionCounts',
    zh: '来稿登记的份数，含未填单位的份数',
    en: 'How many drafts are registered, and how many have no unit',
    print: (c: SubmissionCounts) => `共登记来稿 ${c.total} 份，其中未填单位 ${c.withoutUnit} 份` + (c.withoutUnit ? '（bulletin submission list --without-unit 列出）' : ''),
  },
  {
    path: ['submission', 'show'],
    op: 'submissionGet',
    zh: '查看一份来稿',
    en: 'Show a draft',
    positionals: ID,
    print: submissionDetail,
  },
  {
    path: ['submission', 'add'],
    op: 'submissionAdd',
    zh: '登记一份手工录入的来稿',
    en: 'Register a typed-in draft',
    options: [
      titleOption,
      { flag: 'body', key: 'body', type: 'string', value: 'TEXT', zh: '正文；每行一段', en: 'body text; one paragraph per line' },
      bodyFileOption,
      ...INTAKE_OPTIONS,
    ],
    print: submissionDetail,
  },
  {
    path: ['submission', 'correct'],
    op: 'submissionCorrect',
    zh: '更正来稿的登记事项（单位、信息员、电话、收稿日期、标题），须写明原因；用过的来稿也可更正，原件不变。由它编成的信息未刊登在已签发的期中时随之更正单位和标题',
    en: 'Correct a draft’s register entry (unit, liaison, phone, date, title) with a reason; the original file stays as received',
    positionals: ID,
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME', zh: '来稿单位（名称、简称、别称或编号）', en: 'unit (name, short name, alias or id)' },
      { flag: 'liaison', key: 'liaisonName', type: 'string', value: 'NAME', zh: '信息员姓名', en: 'liaison officer' },
      { flag: 'phone', key: 'liaisonPhone', type: 'string', value: 'P', zh: '信息员电话', en: 'liaison phone' },
      { flag: 'received', key: 'receivedDate', type: 'string', value: 'D', zh: '收稿日期（年-月-日）', en: 'date received (YYYY-MM-DD)' },
      titleOption,
      { flag: 'reason', key: 'reason', type: 'string', value: 'R', zh: '更正原因（必填，记入操作日志）', en: 'why (required; kept in the audit log)' },
    ],
    print: correctionText,
    examples: ['bulletin submission correct 12 --unit 县发改局 --reason 文件名写错了单位'],
  },
  {
    path: ['submission', 'edit'],
    op: 'submissionEdit',
    zh: '把来稿编辑成信息（原件和来稿文字保留不变）；再次执行返回同一条信息',
    en: 'Turn a draft into an item (the original stays as received); again returns the same item',
    positionals: ID,
    options: [
      {
        flag: 'category',
        key: 'category',
        type: 'string',
        value: 'C',
        zh: '分类：news 动态 / practice 经验 / problem 问题建议 / research 调研 / followup 督查；不给时沿用来稿的分类（导入时按文字判断：问题、建议、对策→问题建议；做法、经验→经验），未定时为动态',
        en: 'category; by default the draft’s own, else news',
      },
    ],
    print: (r: SubmissionEditResult) =>
      `来稿 #${r.submission.id} → 信息 #${r.article.id}《${r.article.title}》（${SUBMISSION_STATE_LABELS[r.submission.state]}）\n修改信息：bulletin article edit ${r.article.id} …`,
  },
  {
    path: ['submission', 'state'],
    op: 'submissionSetState',
    zh: '设置来稿状态：received 已收 / forwarded 已上报 / unused 未采用（须写原因）',
    en: 'Set a draft’s state: received / forwarded / unused (with --reason)',
    positionals: [...ID, { name: 'STATE', key: 'state', type: 'string' }],
    options: [{ flag: 'reason', key: 'reason', type: 'string', value: 'R', zh: '原因或去向（标记未采用时必填）', en: 'reason or destination (required for unused)' }],
    print: submissionLine,
    examples: ['bulletin submission state 12 unused --reason 内容与第40期重复', 'bulletin submission state 13 forwarded --reason 报市政府办公室'],
  },
];

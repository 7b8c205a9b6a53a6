/** `bulletin packet …` and `bulletin settings …`: packets for the city office and the sender they name. */
import fs from 'node:fs';
import { localTimeText, sizeLabel } from '../../api/display';
import { dispatch } from '../../wiring/dispatch';
import { ApiError, type ApiErrorShape } from '../../api/errors';
import type { AppSettings, ArticleSubmission, PacketExportResult, PacketSummary, PacketVerifyResult } from '../../api/ops/packets';
import { describeReport, verifyPacket } from '../../packet/verify';
import { createCtx } from '../../services/context';
import { openDatabase } from '../../store/db';
import { listText } from '../format';
import { idArg, pageOptions } from '../options';
import type { CommandContext, CommandSpec } from '../spec';

/**
 * A faulty packet is a refusal (exit 2) that still carries the whole report: stderr gets it as
 * text, and `--json` prints it inside the one error object.
 */
class PacketRejected extends ApiError {
  constructor(readonly report: PacketVerifyResult) {
    super('INVALID_INPUT', describeReport(report));
  }
  override toJSON(): ApiErrorShape & { report: PacketVerifyResult } {
    return { ...super.toJSON(), report: this.report };
  }
}

/**
 * Verification through the API when this PC has a database; on a PC without one (the city
 * office's) the same check runs without creating a database there.
 */
async function runVerify(input: Record<string, unknown>, ctx: CommandContext): Promise<PacketVerifyResult> {
  let report: PacketVerifyResult;
  if (fs.existsSync(ctx.dbPath)) {
    const db = openDatabase(ctx.dbPath);
    try {
      report = await dispatch(createCtx(db), 'packetVerify', input);
    } finally {
      db.close();
    }
  } else {
    if (typeof input.path !== 'string') throw new ApiError('INVALID_INPUT', '请给出上报包文件。');
    report = { ...(await verifyPacket(input.path)), registered: null };
  }
  if (!report.ok) throw new PacketRejected(report);
  return report;
}

function printVerified(r: PacketVerifyResult): string {
  const text = describeReport(r);
  return r.registered ? `${text}\n本机登记：第 ${r.registered.id} 号上报包，${localTimeText(r.registered.createdAt)} 导出。` : text;
}

function printExport(r: PacketExportResult): string {
  const m = r.manifest;
  return [
    `已生成上报包：${r.path}`,
    `大小：${sizeLabel(r.size)}　SHA-256：${r.sha256}`,
    `内容：${m.issues.length} 期、${m.articles.length} 条信息，合计 ${m.totals.chars} 字；已登记为第 ${r.id} 号上报包。`,
  ].join('\n');
}

function packetText(p: PacketSummary): string {
  return [
    `#${p.id} ${localTimeText(p.createdAt)}  ${p.fileName}  ${sizeLabel(p.size)}${p.createdBy ? `  经办：${p.createdBy}` : ''}${p.includeInternal ? '  [含内部信息]' : ''}`,
    `    SHA-256：${p.sha256}`,
    ...p.issues.map((i) => `    · ${i.title}`),
    ...p.articles.map((a) => `    · #${a.id} ${a.title}`),
  ].join('\n');
}

const printList = (list: PacketSummary[]) => listText(list, packetText, '还没有导出过上报包。用 bulletin packet export --issue ID --out 文件夹 生成。');

function printSubmission(s: ArticleSubmission): string {
  if (!s.packets.length) return `信息 #${s.articleId} 尚未上报。`;
  return [
    `信息 #${s.articleId} 已上报（首次 ${localTimeText(s.submittedAt!)}）：`,
    ...s.packets.map((p) => `  · 第 ${p.packetId} 号上报包 ${localTimeText(p.createdAt)} ${p.fileName}${p.via === 'issue' ? `（随${p.issueTitle ?? `期次 ${p.issueId}`}）` : '（单条）'}`),
  ].join('\n');
}

function printSettings(s: AppSettings): string {
  const v = (x: string) => x || '（未填写）';
  return [
    `报送单位：${v(s.sender.office)}`,
    `简称（用于上报包文件名）：${v(s.sender.shortName)}`,
    `联系人：${v(s.sender.contactPerson)}`,
    `联系电话：${v(s.sender.phone)}`,
  ].join('\n');
}

export const packetCommands: readonly CommandSpec[] = [
  {
    path: ['packet', 'export'],
    op: 'packetExport',
    zh: '生成上报包（zip）：已签发的期次原件、单条信息 Word 文件、报送清单、manifest.json 和 SHA256SUMS，并登记',
    en: 'Export a packet for the city office (signed issues, single items, list, manifest, checksums) and register it',
    options: [
      { flag: 'issue', key: 'issueIds', type: 'int', multiple: true, value: 'ID', zh: '要上报的已签发期次（可重复）', en: 'a signed issue to include (repeatable)' },
      { flag: 'article', key: 'articleIds', type: 'int', multiple: true, value: 'ID', zh: '要单独上报的信息（可重复）', en: 'a single item to include (repeatable)' },
      { flag: 'include-internal', key: 'includeInternal', type: 'bool', zh: '允许包含内部信息（涉密信息任何时候都不能上报）', en: 'allow internal items (classified ones never go)' },
      { flag: 'out', key: 'out', type: 'string', value: 'DIR', zh: '保存上报包的文件夹（如 U 盘）', en: 'folder to write the packet to (e.g. a USB drive)' },
      { flag: 'by', key: 'by', type: 'string', value: 'NAME', zh: '经办人，默认为设置中的联系人', en: 'who exports it (default: the contact person)' },
    ],
    print: printExport,
    examples: ['bulletin packet export --issue 12 --article 30 --article 31 --out E:\\上报'],
  },
  {
    path: ['packet', 'list'],
    op: 'packetList',
    zh: '上报登记簿：每次导出的时间、经办人、内容、文件名和 SHA-256',
    en: 'The register of exported packets',
    options: pageOptions('packet'),
    paged: true,
    print: printList,
  },
  {
    path: ['packet', 'verify'],
    zh: '校验上报包：结构、清单、每个文件的 SHA-256，并拒绝不安全的文件名；有问题时退出码为 2',
    en: 'Verify a packet: structure, manifest, every checksum, unsafe entries; exit 2 on any fault',
    positionals: [{ name: 'FILE', key: 'path', type: 'string' }],
    run: runVerify,
    print: printVerified,
    examples: ['bulletin packet verify E:\\城关县政府办_政务信息_2026第12期_20261121.zip'],
  },
  {
    path: ['packet', 'article'],
    op: 'packetsForArticle',
    zh: '查看一条信息何时、随哪个上报包上报过',
    en: 'When and in which packets an item went upward',
    positionals: [idArg('ARTICLE')],
    print: printSubmission,
  },
  {
    path: ['settings', 'show'],
    op: 'settingsGet',
    zh: '查看设置：报送单位、简称、联系人、电话',
    en: 'Show the settings (sender office, short name, contact, phone)',
    print: printSettings,
  },
  {
    path: ['settings', 'set'],
    op: 'settingsSet',
    zh: '修改设置：只改给出的项，给空字符串则清空',
    en: 'Change the settings: only the options given; an empty value clears one',
    options: [
      { flag: 'office', key: 'sender.office', type: 'string', value: 'NAME', zh: '报送单位全称，如 城关县人民政府办公室', en: 'sending office' },
      { flag: 'short-name', key: 'sender.shortName', type: 'string', value: 'NAME', zh: '简称，用在上报包文件名开头，如 城关县政府办', en: 'short name, starts the packet file name' },
      { flag: 'contact', key: 'sender.contactPerson', type: 'string', value: 'NAME', zh: '联系人', en: 'contact person' },
      { flag: 'phone', key: 'sender.phone', type: 'string', value: 'TEL', zh: '联系电话', en: 'phone' },
    ],
    print: printSettings,
    examples: ['bulletin settings set --office 城关县人民政府办公室 --short-name 城关县政府办 --contact 王某某 --phone 0000-1234567'],
  },
];

/** `bulletin packet import` (issue 17): the city side of the loop with the counties. */
import { localTimeText } from '../../api/display';
import type { NoticeExportResult, NoticeImportResult, PacketImportResult, ReceivedPacketSummary } from '../../api/ops/packet-loop';
import { sizeLabel } from '../../api/display';
import { listText } from '../format';
import type { CommandSpec } from '../spec';

function printImport(r: PacketImportResult): string {
  const p = r.packet;
  if (r.status === 'already') {
    return `这个上报包已于 ${localTimeText(p.importedAt)} 接收过（第 ${p.id} 号接收记录，${p.fileName}，来稿 ${p.submissionIds.map((i) => `#${i}`).join('、')}），这次没有登记任何新来稿。`;
  }
  return [
    `已接收上报包：${p.fileName}（第 ${p.id} 号接收记录）`,
    `报送单位：${p.senderOffice}，登记在单位“${p.unit}”名下`,
    `登记来稿 ${r.imported} 条：${p.submissionIds.map((i) => `#${i}`).join('、')}${r.duplicates ? `；其中 ${r.duplicates} 条此前已随其他上报包收到，已标为重复` : ''}`,
  ].join('\n');
}

const receivedText = (p: ReceivedPacketSummary) =>
  `#${p.id} ${localTimeText(p.importedAt)}  ${p.fileName}  ${p.senderOffice}（${p.unit}）  来稿 ${p.submissionIds.length} 条`;

function printNoticeExport(r: NoticeExportResult): string {
  return [`已生成采用情况通报：${r.path}`, `发给：${r.unit}，采用 ${r.adoptions} 条；大小 ${sizeLabel(r.size)}，SHA-256：${r.sha256}`].join('\n');
}

function printNoticeImport(r: NoticeImportResult): string {
  const lines = [
    `已导入${r.sender}的采用情况通报（${r.period.from}至${r.period.to}）：通报列出 ${r.adoptions} 条采用，本次新登记 ${r.recorded} 条采用、${r.instructions} 条批示${r.recorded + r.instructions === 0 ? '（此前已全部登记，没有改动）' : ''}。`,
  ];
  if (r.unknown.length) {
    lines.push(`以下 ${r.unknown.length} 条不是本数据库报送的信息，未登记：`, ...r.unknown.map((u) => `  · ${u.title}（${u.uuid}）`));
  }
  return lines.join('\n');
}

export const packetLoopCommands: readonly CommandSpec[] = [
  {
    path: ['packet', 'import'],
    op: 'packetImport',
    zh: '接收上报包：先做与 packet verify 相同的全部校验，再把每条信息登记为来稿（原 Word 文件原样保存）',
    en: 'Receive a packet: verify it as packet verify does, then register every item as a draft (original Word file kept)',
    positionals: [{ name: 'FILE', key: 'path', type: 'string' }],
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'UNIT', zh: '登记在哪个已有单位名下（默认按报送方标识或名称查找）', en: 'register under this existing unit (default: found by sender identity or name)' },
      { flag: 'new-unit', key: 'newUnitKind', type: 'string', value: '县区|部门', zh: '上报包的报送单位不在单位名单中时，把它新建为单位（类别：县区 或 部门）', en: 'create the unknown sender as a unit of this kind (县区 or 部门)' },
      { flag: 'by', key: 'by', type: 'string', value: 'NAME', zh: '经办人', en: 'who receives it' },
    ],
    print: printImport,
    examples: ['bulletin packet import E:\\城关县政府办_政务信息_2026第12期_20261121.zip --new-unit 县区'],
  },
  {
    path: ['packet', 'received'],
    op: 'receivedPacketList',
    zh: '已接收的上报包：时间、文件名、报送单位、登记的来稿',
    en: 'Packets received, with the drafts each registered',
    print: (list: ReceivedPacketSummary[]) => listText(list, receivedText, '还没有接收过上报包。用 bulletin packet import 文件.zip 接收。'),
  },
  {
    path: ['notice', 'export'],
    op: 'noticeExport',
    zh: '生成采用情况通报（zip）：某来稿单位经上报包报送、在期间内被采用的信息，含清单、Word 通报和 SHA256SUMS',
    en: 'Write an adoption notice for a sending unit: manifest, Word notice and SHA256SUMS',
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'UNIT', zh: '来稿单位（名称、简称或编号）', en: 'the sending unit' },
      { flag: 'period', key: 'period', type: 'string', value: 'P', zh: '期间：2026、2026-11 或 2026-11-01..2026-11-30', en: 'period: 2026, 2026-11 or 2026-11-01..2026-11-30' },
      { flag: 'out', key: 'out', type: 'string', value: 'DIR', zh: '保存通报的文件夹（如 U 盘）', en: 'folder to write it to' },
    ],
    print: printNoticeExport,
    examples: ['bulletin notice export --unit 城关县人民政府办公室 --period 2026-11 --out E:\\通报'],
  },
  {
    path: ['notice', 'import'],
    op: 'noticeImport',
    zh: '导入市里的采用情况通报：校验后按信息标识登记采用和批示，积分按规则计算；重复导入不会重复登记',
    en: "Import the city's adoption notice: verify, then record each adoption and instruction by item UUID",
    positionals: [{ name: 'FILE', key: 'path', type: 'string' }],
    print: printNoticeImport,
    examples: ['bulletin notice import E:\\市政府办_采用情况通报_城关县人民政府办公室_20261101-20261130.zip'],
  },
];

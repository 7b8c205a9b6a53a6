/** `bulletin packet import` (issue 17): the city side of the loop with the counties. */
import { localTimeText } from '../../api/display';
import type { PacketImportResult, ReceivedPacketSummary } from '../../api/ops/packet-loop';
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

export const packetLoopCommands: readonly CommandSpec[] = [
  {
    path: ['packet', 'import'],
    op: 'packetImport',
    zh: '接收上报包：先做与 packet verify 相同的全部校验，再把每条信息登记为来稿（原 Word 文件原样保存）',
    en: 'Receive a packet: verify it as packet verify does, then register every item as a draft (original Word file kept)',
    positionals: [{ name: 'FILE', key: 'path', type: 'string' }],
    options: [
      { flag: 'unit', key: 'unit', type: 'ref', value: 'UNIT', zh: '登记在哪个已有单位名下（默认按报送方标识或名称查找）', en: 'register under this existing unit (default: found by sender identity or name)' },
      { flag: 'new-unit', key: 'newUnitKind', type: 'string', value: '县区|部门', zh: '报送单位不在名单中时，把它新建为单位（类别：县区 或 部门）', en: 'create the unknown sender as a unit of this kind (县区 or 部门)' },
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
];

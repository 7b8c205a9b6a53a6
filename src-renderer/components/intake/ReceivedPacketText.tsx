/** Which received packet a draft came in (issue 17, the city side): in the register's column and the draft's details. */
import { Text } from '@mantine/core';
import type { ReceivedPacketRef } from '../../../src-main/api/ops/submissions';
import { formatTimestamp } from '../../format';

const describe = (p: ReceivedPacketRef) =>
  `第 ${p.id} 号接收记录：${p.fileName}，${p.senderOffice}，${formatTimestamp(p.importedAt)} 接收${p.issueTitle ? `；原刊于${p.issueTitle}` : ''}`;

/** The register's cell: short, with the whole story on hover. */
export function ReceivedPacketCell({ packet }: { packet: ReceivedPacketRef | undefined }) {
  if (!packet) return null;
  return (
    <Text size="sm" truncate title={describe(packet)} data-testid="intake-packet" data-packet={packet.id}>
      #{packet.id} {packet.senderOffice}
    </Text>
  );
}

/** The draft's details: the whole line. */
export function ReceivedPacketLine({ packet }: { packet: ReceivedPacketRef }) {
  return (
    <Text size="sm" data-testid="submission-packet">
      {describe(packet)}
    </Text>
  );
}

/** A verification report read at a glance: green when the packet is sound, red with every fault. */
import { Alert, Badge, Code, Group, List, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { PacketVerifyResult } from '../../../src-main/api/ops/packets';
import { formatTimestamp } from '../../format';
import { fileSize } from './PacketRegister';

export function PacketReport({ report }: { report: PacketVerifyResult }) {
  const m = report.manifest;
  return (
    <Stack gap="xs" data-testid="packet-verify-result" data-ok={report.ok ? 'true' : 'false'}>
      <Alert
        color={report.ok ? 'teal' : 'red'}
        variant="filled"
        icon={report.ok ? <IconCircleCheck size={20} /> : <IconCircleX size={20} />}
        title={report.ok ? '校验通过' : `校验未通过：发现 ${report.faults.length} 处问题`}
      >
        {report.ok ? '结构、清单和每个文件的 SHA-256 都无误，可以报送。' : '这个上报包不能报送：请按下列问题重新生成或重新复制。'}
      </Alert>
      <Text size="sm">
        文件：{report.path}
        {report.size !== null && `（${fileSize(report.size)}）`}
      </Text>
      {report.sha256 && (
        <Text size="xs" c="dimmed">
          SHA-256：<Code>{report.sha256}</Code>
        </Text>
      )}
      {report.registered && (
        <Text size="sm" c="teal.8">
          与本机登记的第 {report.registered.id} 号上报包一致（{formatTimestamp(report.registered.createdAt)} 导出）。
        </Text>
      )}
      {m && (
        <Stack gap={2}>
          <Text size="sm">
            本单位：{m.sender.office}
            {m.sender.contactPerson && `　联系人：${m.sender.contactPerson} ${m.sender.phone}`}
          </Text>
          <Text size="sm">
            {`生成时间：${formatTimestamp(m.createdAt)}　内容：${m.issues.length} 期、${m.articles.length} 条信息，合计 ${m.totals.chars} 字`}
          </Text>
        </Stack>
      )}
      {report.faults.length > 0 && (
        <List size="sm" spacing={4} data-testid="packet-faults">
          {report.faults.map((f, i) => (
            <List.Item key={i} data-testid="packet-fault" data-code={f.code}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge size="xs" color="red" variant="light" style={{ flexShrink: 0, marginTop: 3 }}>
                  {f.code}
                </Badge>
                <Text size="sm">{f.message}</Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** 上报登记簿: every packet exported, newest first — when, by whom, what, the file and its SHA-256. */
import { ActionIcon, Badge, Button, Code, CopyButton, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconFolder, IconShieldCheck } from '@tabler/icons-react';
import type { PacketSummary } from '../../../src-main/api/ops/packets';
import { formatTimestamp } from '../../format';
import { usePacketDownload } from '../../hooks/usePacketDownload';

export function fileSize(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function Contents({ p }: { p: PacketSummary }) {
  const titles = [...p.issues.map((i) => i.title), ...p.articles.map((a) => a.title)];
  const parts = [p.issues.length ? `${p.issues.length} 期` : '', p.articles.length ? `${p.articles.length} 条信息` : ''].filter(Boolean);
  return (
    <Tooltip label={<Stack gap={0}>{titles.slice(0, 12).map((t, i) => <Text key={i} size="xs">{t}</Text>)}{titles.length > 12 && <Text size="xs">……共 {titles.length} 项</Text>}</Stack>} multiline maw={420} withArrow>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {parts.join('、')}
          {p.includeInternal && (
            <Badge ml={6} size="xs" color="orange" variant="light">
              含内部信息
            </Badge>
          )}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {titles.join('；')}
        </Text>
      </Stack>
    </Tooltip>
  );
}

export function PacketRegister({ packets, onVerify }: { packets: PacketSummary[]; onVerify: (path: string) => void }) {
  const download = usePacketDownload();
  return (
    <Table highlightOnHover layout="fixed" verticalSpacing={6} data-testid="packet-register">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={56}>编号</Table.Th>
          <Table.Th w={150}>导出时间</Table.Th>
          <Table.Th>内容</Table.Th>
          <Table.Th w={260}>文件</Table.Th>
          <Table.Th w={80}>经办人</Table.Th>
          <Table.Th w={150}>SHA-256</Table.Th>
          <Table.Th w={190} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {packets.map((p) => (
          <Table.Tr key={p.id} data-testid="packet-row" data-id={p.id}>
            <Table.Td>
              <Text size="sm">#{p.id}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatTimestamp(p.createdAt)}</Text>
            </Table.Td>
            <Table.Td style={{ minWidth: 0 }}>
              <Contents p={p} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" truncate title={p.path}>
                {p.fileName}
              </Text>
              <Text size="xs" c="dimmed">
                {fileSize(p.size)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" truncate>
                {p.createdBy || '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Code title={p.sha256}>{p.sha256.slice(0, 12)}…</Code>
                <CopyButton value={p.sha256}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? '已复制' : '复制完整的 SHA-256'} withArrow>
                      <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="复制 SHA-256">
                        {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap" justify="flex-end">
                <Button size="compact-sm" variant="light" leftSection={<IconShieldCheck size={14} />} onClick={() => onVerify(p.path)} data-testid="packet-row-verify">
                  校验
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={download.label === '下载' ? <IconDownload size={14} /> : <IconFolder size={14} />}
                  loading={download.busy === p.id}
                  onClick={() => void download.open(p)}
                  data-testid="packet-download"
                >
                  {download.label}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

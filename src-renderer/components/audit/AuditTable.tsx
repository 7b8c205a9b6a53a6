/** The entries of the audit log, newest first: time, who, what, on which record, and why. */
import { Table, Text } from '@mantine/core';
import type { AuditEntry } from '../../../src-main/api/ops/audit';
import { formatTimestamp } from '../../format';

/** issue:12 → 期 12: the kinds an office knows by name. */
const KIND_LABELS: Record<string, string> = {
  issue: '期',
  article: '信息',
  submission: '来稿',
  series: '刊物',
  unit: '单位',
  packet: '上报包',
  adoption: '采用',
  instruction: '批示',
  commission: '约稿',
  deduction: '扣分',
  target: '任务',
  rules: '计分规则',
  liaison: '信息员',
  urgent: '紧急信息',
  notice: '采用情况通报',
  backup: '备份',
};

export function objectLabel(object: string): string {
  const [kind, id] = object.split(':');
  if (!kind) return '';
  const label = KIND_LABELS[kind];
  return label ? `${label}${id ? ` ${id}` : ''}` : object;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table striped highlightOnHover layout="fixed" verticalSpacing={4} data-testid="audit-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>时间</Table.Th>
          <Table.Th w={100}>操作人</Table.Th>
          <Table.Th w={200}>操作</Table.Th>
          <Table.Th w={110}>对象</Table.Th>
          <Table.Th>摘要</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id} data-testid="audit-row" data-operation={e.operation} data-object={e.object}>
            <Table.Td>
              <Text size="sm">{formatTimestamp(e.at)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{e.operator}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" truncate title={e.operationLabel}>
                {e.operationLabel}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" title={e.object}>
                {objectLabel(e.object)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2} title={e.summary}>
                {e.summary}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

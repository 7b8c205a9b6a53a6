/**
 * A liaison officer (信息员) in a dialog: opened from a search hit. Shows the officer beside the
 * unit's other officers, past and present, since a change of officer keeps the history.
 */
import { Alert, Badge, Loader, Modal, Table, Text } from '@mantine/core';
import { useApi } from '../../api/context';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/useLoad';

export function LiaisonDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const api = useApi();
  // every officer, then this one's unit: there is no single-officer read, and a county has few
  const all = useLoad(() => api.call('liaisonList', { all: true }), [api]);
  const me = all.data?.find((l) => l.id === id);
  const unitOfficers = me ? (all.data ?? []).filter((l) => l.unitId === me.unitId) : [];
  return (
    <Modal opened onClose={onClose} title={me ? `信息员：${me.name}（${me.unit}）` : '信息员'} size="lg" data-testid="liaison-dialog">
      {all.error && <Alert color="red">{all.error}</Alert>}
      {!all.data && !all.error && <Loader />}
      {all.data && !me && <Text c="dimmed">这位信息员的记录已不存在。</Text>}
      {me && (
        <Table verticalSpacing={4} data-testid="liaison-dialog-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>姓名</Table.Th>
              <Table.Th>联系电话</Table.Th>
              <Table.Th>任职时间</Table.Th>
              <Table.Th>名下来稿</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {unitOfficers.map((l) => (
              <Table.Tr key={l.id} fw={l.id === id ? 600 : undefined} bg={l.id === id ? 'indigo.0' : undefined}>
                <Table.Td>
                  {l.name} {l.current && <Badge size="xs" variant="light">在任</Badge>}
                </Table.Td>
                <Table.Td>{l.phone || '—'}</Table.Td>
                <Table.Td>
                  {formatDate(l.validFrom)}至{l.validTo ? formatDate(l.validTo) : '今'}
                </Table.Td>
                <Table.Td>{l.drafts} 篇</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}

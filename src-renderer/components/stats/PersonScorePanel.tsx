/**
 * 信息员 in 统计: every officer's drafts, adoptions, points, deductions and 稿酬 for the chosen
 * period, ranked (优秀信息员), with the 100-point bar marked; the 稿酬发放表 as Excel.
 */
import { Alert, Badge, Button, Group, Loader, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import type { OpInput } from '../../../src-main/api/contract';
import { useApi } from '../../api/context';
import { downloadBase64 } from '../../api/download';
import { attempt } from '../../api/notify';
import { useLoad } from '../../hooks/useLoad';

export function PersonScorePanel({ query }: { query: OpInput<'personScore'> }) {
  const api = useApi();
  const rows = useLoad(() => api.call('personScore', query), [api, JSON.stringify(query)]);
  const [busy, setBusy] = useState(false);
  const exportFees = async () => {
    setBusy(true);
    const f = await attempt(() => api.call('liaisonFeesFile', query), '未能导出稿酬发放表');
    setBusy(false);
    if (f) downloadBase64(f.base64, f.fileName);
  };
  if (rows.error) return <Alert color="red">{rows.error}</Alert>;
  if (!rows.data) return <Loader />;
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          积分按来稿的作者计：信息员更换后，各人名下来稿的得分仍归本人。年度扣分达到规则所定分数的，不得评为先进个人。
        </Text>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportFees()} loading={busy} data-testid="export-fees">
          导出稿酬发放表
        </Button>
      </Group>
      <Table striped verticalSpacing={2} data-testid="person-table">
        <Table.Thead>
          <Table.Tr>
            {['排名', '信息员', '单位', '报送', '县/市/省采用', '批示', '月度任务（完成/未完成）', '得分', '扣分', '最终得分', '稿酬（元）', ''].map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.data.map((r) => (
            <Table.Tr key={r.liaisonId} data-testid="person-row" data-name={r.name}>
              <Table.Td>{r.rank}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.unit}</Table.Td>
              <Table.Td>{r.sent}</Table.Td>
              <Table.Td>
                {r.adoptedCounty}/{r.adoptedCity}/{r.adoptedProvince}
              </Table.Td>
              <Table.Td>{r.instructions}</Table.Td>
              <Table.Td>
                {r.quotaMonthsMet}/{r.quotaMonthsMissed}
              </Table.Td>
              <Table.Td>{r.points}</Table.Td>
              <Table.Td c={r.deductions ? 'red' : undefined}>{r.deductions ? `−${r.deductions}` : 0}</Table.Td>
              <Table.Td fw={600}>{r.net}</Table.Td>
              <Table.Td>{r.fee}</Table.Td>
              <Table.Td>
                {r.cannotBeAdvanced && (
                  <Badge color="orange" variant="light" title={`本年度累计扣${r.yearDeductions}分`}>
                    不得评先
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.data.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          这个期间没有信息员。信息员在“设置 → 来稿单位”中添加。
        </Text>
      )}
    </>
  );
}

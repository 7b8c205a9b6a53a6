/**
 * 归档: every signed and voided issue, by series and year, read-only. Exporting gives the file
 * stored at sign-off, byte for byte, so an issue from years ago reprints exactly as it was.
 */
import { Accordion, Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileWord, IconFolderDown } from '@tabler/icons-react';
import { useState } from 'react';
import type { IssueSummary } from '../../src-main/api/types';
import { useApi } from '../api/context';
import { YearExportDialog } from '../components/archive/YearExportDialog';
import { EmptyHint } from '../components/common/EmptyHint';
import { IssueCells, IssueHeadCells } from '../components/issues/IssueCells';
import { IssueWorkspace } from '../components/issues/IssueWorkspace';
import { PageHeader } from '../components/common/PageHeader';
import { useExportIssue } from '../hooks/useExportIssue';
import { useLoad } from '../hooks/useLoad';
import { useNav } from '../nav';
import { ListExportButton } from '../components/table/ListExportButton';

interface SeriesGroup {
  seriesId: number;
  series: string;
  years: { year: number; issues: IssueSummary[] }[];
}

function group(issues: IssueSummary[]): SeriesGroup[] {
  const bySeries = new Map<number, SeriesGroup>();
  const sorted = [...issues].sort((a, b) => b.year - a.year || (b.number ?? 0) - (a.number ?? 0) || b.id - a.id);
  for (const i of sorted) {
    let g = bySeries.get(i.seriesId);
    if (!g) bySeries.set(i.seriesId, (g = { seriesId: i.seriesId, series: i.series, years: [] }));
    let y = g.years.find((x) => x.year === i.year);
    if (!y) g.years.push((y = { year: i.year, issues: [] }));
    y.issues.push(i);
  }
  return [...bySeries.values()].sort((a, b) => a.seriesId - b.seriesId);
}

export function ArchivePage() {
  const api = useApi();
  const { route, go } = useNav();
  const { exportIssue, exporting } = useExportIssue();
  const archived = useLoad(
    () =>
      api.call('issueList', { archived: true, limit: 1000 }).then((p) => p.rows),
    [api],
  );
  const [yearExport, setYearExport] = useState(false);
  const openId = route.page === 'archive' ? route.issueId : undefined;

  if (openId !== undefined) {
    return <IssueWorkspace key={openId} issueId={openId} archive backLabel="返回归档" onBack={() => go({ page: 'archive' })} onChanged={() => archived.reload()} />;
  }

  const groups = group(archived.data ?? []);
  return (
    <>
      <PageHeader title="归档" hint="已签发和已作废的各期，永久保存；导出的是签发时存档的原件">
        <Button leftSection={<IconFolderDown size={16} />} variant="light" onClick={() => setYearExport(true)} data-testid="archive-export-year">
          导出全年
        </Button>
        <ListExportButton request={() => ({ list: 'archive' })} testId="archive-list-export" />
      </PageHeader>
      <YearExportDialog
        opened={yearExport}
        onClose={() => setYearExport(false)}
        initial={groups[0]?.years[0] ? { seriesId: groups[0].seriesId, year: groups[0].years[0].year } : undefined}
      />
      {archived.error && (
        <Alert color="red" title="归档没有载入">
          {archived.error}
        </Alert>
      )}
      {archived.loading && !archived.data && <Loader m="xl" />}
      {archived.data && groups.length === 0 && (
        <EmptyHint title="归档中还没有内容">一期签发后会自动存档到这里。请先在“期刊”中编排一期并签发。</EmptyHint>
      )}
      <Stack gap="lg">
        {groups.map((g) => (
          <div key={g.seriesId} data-testid="archive-series">
            <Title order={5} mb={6}>
              《{g.series}》
            </Title>
            <Accordion variant="separated" multiple defaultValue={g.years.slice(0, 1).map((y) => String(y.year))}>
              {g.years.map((y) => (
                <Accordion.Item key={y.year} value={String(y.year)}>
                  <Accordion.Control>
                    <Group gap="sm">
                      <Text fw={600}>{y.year}年</Text>
                      <Badge variant="light" color="gray">
                        {y.issues.length} 期
                      </Badge>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Table highlightOnHover layout="fixed" verticalSpacing={4}>
                      <Table.Thead>
                        <Table.Tr>
                          <IssueHeadCells compact />
                          <Table.Th w={220}>作废原因</Table.Th>
                          <Table.Th w={150} />
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {y.issues.map((i) => (
                          <Table.Tr key={i.id} style={{ cursor: 'pointer' }} onClick={() => go({ page: 'archive', issueId: i.id })} data-testid="archive-row" data-id={i.id}>
                            <IssueCells issue={i} />
                            <Table.Td>
                              <Text size="sm" c="red" truncate title={i.voidReason ?? undefined}>
                                {i.voidReason ?? ''}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Button
                                size="compact-sm"
                                variant="light"
                                leftSection={<IconFileWord size={14} />}
                                loading={exporting === i.id}
                                onClick={(e) => {
                                  e.stopPropagation();
                                  void exportIssue(i);
                                }}
                                data-testid="archive-export"
                              >
                                导出存档原件
                              </Button>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </div>
        ))}
      </Stack>
    </>
  );
}

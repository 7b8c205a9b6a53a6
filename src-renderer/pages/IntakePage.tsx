/**
 * 来稿: the intake register. Every draft received, with its unit, date, format and state;
 * 登记来稿 for a typed-in one, 导入文件夹… for a USB drive's worth; a row (or the route's
 * submissionId) opens the draft.
 */
import { ProofCountBadge } from '../components/proof/ProofCountBadge';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFolderOpen, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { OpInput } from '../../src-main/api/contract';
import type { SubmissionSummary } from '../../src-main/api/ops/submissions';
import { useApi } from '../api/context';
import { notifyOk } from '../api/notify';
import { EmptyHint } from '../components/EmptyHint';
import { IntakeFilters, NO_INTAKE_FILTERS, NO_UNIT, hasIntakeFilters, type IntakeFilterValues } from '../components/IntakeFilters';
import { SubmissionCorrectDialog } from '../components/intake/SubmissionCorrectDialog';
import { IntakeImportDialog } from '../components/IntakeImportDialog';
import { IssueRefLink } from '../components/IssueRefLink';
import { ListMore, ListStates } from '../components/ListStates';
import { PageHeader } from '../components/PageHeader';
import { SubmissionActions } from '../components/SubmissionActions';
import { SubmissionAddDialog } from '../components/SubmissionAddDialog';
import { DuplicateBadge, FormatBadge, SubmissionStateBadge } from '../components/SubmissionBadges';
import { SubmissionDrawer } from '../components/SubmissionDrawer';
import { SubmissionStateDialog, type StateAction } from '../components/SubmissionStateDialog';
import { formatDate, isCompleteDate } from '../format';
import { useListLimit } from '../hooks/useListLimit';
import { useLoad } from '../hooks/useLoad';
import { useNav } from '../nav';

function toQuery(f: IntakeFilterValues, limit: number): OpInput<'submissionList'> {
  const q: OpInput<'submissionList'> = { limit };
  if (f.text.trim()) q.text = f.text.trim();
  if (f.unit === NO_UNIT) q.withoutUnit = true;
  else if (f.unit !== null) q.unit = f.unit;
  if (f.state) q.state = f.state;
  if (isCompleteDate(f.from)) q.from = f.from;
  if (isCompleteDate(f.to)) q.to = f.to;
  return q;
}

/** The state, and beside it where it went: the issue, or why it was set aside. */
function StateCell({ s }: { s: SubmissionSummary }) {
  return (
    <Group gap={6} wrap="nowrap">
      <SubmissionStateBadge state={s.state} reason={s.stateReason} />
      {s.issue ? (
        <IssueRefLink issueRef={s.issue} />
      ) : (
        s.stateReason && (
          <Text size="xs" c="dimmed" truncate title={s.stateReason}>
            {s.stateReason}
          </Text>
        )
      )}
    </Group>
  );
}

export function IntakePage() {
  const api = useApi();
  const [filters, setFilters] = useState<IntakeFilterValues>(NO_INTAKE_FILTERS);
  const paging = useListLimit();
  const { limit } = paging;
  const [debounced] = useDebouncedValue(filters, 250);
  const [version, setVersion] = useState(0);
  // Reloaded with the register: the import dialog may have added a unit (新增单位).
  const units = useLoad(() => api.call('unitList', { includeInactive: true }), [api, version]);
  const list = useLoad(() => api.call('submissionList', toQuery(debounced, limit)), [api, debounced, limit, version]);
  const counts = useLoad(() => api.call('submissionCounts', {}), [api, version]);
  const [correcting, setCorrecting] = useState<SubmissionSummary | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const { route, seq } = useNav();
  // A draft named in the route (e.g. from search) opens as the page is reached.
  const wanted = route.page === 'intake' ? route.submissionId : undefined;
  useEffect(() => {
    if (wanted !== undefined) setOpen(wanted);
  }, [wanted, seq]);
  const [stateAction, setStateAction] = useState<StateAction | null>(null);

  const changed = () => setVersion((v) => v + 1);
  const activeUnits = (units.data ?? []).filter((u) => u.active);
  const rows = list.data ?? [];
  const firstAction = (
    <Button leftSection={<IconFolderOpen size={16} />} onClick={() => setImporting(true)}>
      导入文件夹…
    </Button>
  );

  return (
    <>
      <PageHeader title="来稿" hint="各单位报送的稿件登记：已收 → 编辑中 → 已采用 / 已上报 / 未采用">
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="intake-new">
          登记来稿
        </Button>
        <Button leftSection={<IconFolderOpen size={16} />} onClick={() => setImporting(true)} data-testid="intake-import">
          导入文件夹…
        </Button>
      </PageHeader>
      <IntakeFilters
        value={filters}
        onChange={(f) => {
          setFilters(f);
          paging.reset();
        }}
        units={units.data ?? []}
      />
      {counts.data && counts.data.total > 0 && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="intake-counts">
          共登记来稿 {counts.data.total} 份
          {counts.data.withoutUnit > 0 && (
            <>
              ，其中{' '}
              <Anchor
                component="button"
                size="sm"
                c="orange.8"
                onClick={() => {
                  setFilters({ ...NO_INTAKE_FILTERS, unit: NO_UNIT });
                  paging.reset();
                }}
                data-testid="intake-count-no-unit"
              >
                未填单位 {counts.data.withoutUnit} 份
              </Anchor>
              （统计和通报中单列一行；请尽量补填）
            </>
          )}
        </Text>
      )}

      <ListStates list={list} rows={rows.length} errorTitle="来稿登记没有载入" filtered={hasIntakeFilters(filters)} noun="来稿">
        <EmptyHint title="还没有登记来稿" action={firstAction}>
          把 U 盘上各单位的 Word 稿件导入进来，或点“登记来稿”手工录入。文件名以单位开头（如“城关镇-关于….docx”）时会自动识别报送单位。
        </EmptyHint>
      </ListStates>
      {rows.length > 0 && (
        <Table highlightOnHover layout="fixed" mt="md" verticalSpacing={6} data-testid="intake-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={108}>收稿日期</Table.Th>
              <Table.Th w={160}>报送单位</Table.Th>
              <Table.Th>标题</Table.Th>
              <Table.Th w={76}>来源</Table.Th>
              <Table.Th w={76} title="校对发现的错误和建议处数">校对</Table.Th>
              <Table.Th w={180}>状态</Table.Th>
              <Table.Th w={150} ta="right">
                操作
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(s.id)} data-testid="intake-row" data-id={s.id} data-state={s.state}>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={formatDate(s.receivedDate)}>
                    {s.receivedDate}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate title={s.unit ?? ''} c={s.unit ? undefined : 'dimmed'}>
                    {s.unit ?? '未填单位'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" truncate title={s.title}>
                      {s.title}
                    </Text>
                    <DuplicateBadge of={s.duplicateOf} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <FormatBadge format={s.originalFormat} encoding={s.originalEncoding} />
                </Table.Td>
                <Table.Td>
                  <ProofCountBadge proof={s.proof} />
                </Table.Td>
                <Table.Td>
                  <StateCell s={s} />
                </Table.Td>
                <Table.Td>
                  <SubmissionActions submission={s} onChanged={changed} onStateAction={setStateAction} onCorrect={setCorrecting} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ListMore rows={rows.length} paging={paging} counter="件" />

      <SubmissionAddDialog
        opened={adding}
        units={activeUnits}
        onClose={() => setAdding(false)}
        onAdded={(s) => {
          setAdding(false);
          notifyOk(`#${s.id}《${s.title}》`, '已登记来稿');
          changed();
        }}
      />
      <IntakeImportDialog opened={importing} units={activeUnits} onClose={() => setImporting(false)} onImported={changed} />
      <SubmissionStateDialog
        action={stateAction}
        onClose={() => setStateAction(null)}
        onDone={() => {
          setStateAction(null);
          changed();
        }}
      />
      <SubmissionDrawer id={open} version={version} onClose={() => setOpen(null)} onOpen={setOpen} onChanged={changed} onStateAction={setStateAction} onCorrect={setCorrecting} />
      <SubmissionCorrectDialog submission={correcting} units={units.data ?? []} onClose={() => setCorrecting(null)} onCorrected={changed} />
    </>
  );
}

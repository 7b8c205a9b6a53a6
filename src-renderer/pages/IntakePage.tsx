/**
 * 来稿: the intake register. Every draft received, with its unit, date, format and state;
 * 登记来稿 for a typed-in one, 导入文件夹… for a USB drive's worth, 接收上报包… for a county's
 * packet (the city side); a row (or the route's submissionId) opens the draft.
 */
import { Anchor, Button, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileZip, IconFolderOpen, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OpInput } from '../../src-main/api/contract';
import type { SubmissionSummary } from '../../src-main/api/ops/submissions';
import { useApi } from '../api/context';
import { notifyOk } from '../api/notify';
import { EmptyHint } from '../components/common/EmptyHint';
import { IntakeFilters, NO_CATEGORY, NO_INTAKE_FILTERS, NO_UNIT, hasIntakeFilters, type IntakeFilterValues } from '../components/intake/IntakeFilters';
import { SubmissionCorrectDialog } from '../components/intake/SubmissionCorrectDialog';
import { IntakeImportDialog } from '../components/intake/IntakeImportDialog';
import { PacketReceiveDialog } from '../components/intake/PacketReceiveDialog';
import { PageHeader } from '../components/common/PageHeader';
import { SubmissionAddDialog } from '../components/intake/SubmissionAddDialog';
import { SubmissionDrawer } from '../components/intake/SubmissionDrawer';
import { SubmissionStateDialog, type StateAction } from '../components/intake/SubmissionStateDialog';
import { isCompleteDate } from '../format';
import { DataTable } from '../components/table/DataTable';
import { intakeColumns } from '../components/intake/intakeColumns';
import type { PageRequest } from '../hooks/usePagedRows';
import { useLoad } from '../hooks/useLoad';
import { useNav } from '../nav';
import { BatchMenu } from '../components/table/BatchMenu';
import { ListExportButton } from '../components/table/ListExportButton';
import { intakeBatchActions } from '../components/intake/intakeBatchActions';

function toQuery(f: IntakeFilterValues): OpInput<'submissionList'> {
  const q: OpInput<'submissionList'> = {};
  if (f.text.trim()) q.text = f.text.trim();
  if (f.unit === NO_UNIT) q.withoutUnit = true;
  else if (f.unit !== null) q.unit = f.unit;
  if (f.state) q.state = f.state;
  if (f.category === NO_CATEGORY) q.withoutCategory = true;
  else if (f.category !== null) q.category = f.category;
  if (isCompleteDate(f.from)) q.from = f.from;
  if (isCompleteDate(f.to)) q.to = f.to;
  return q;
}

export function IntakePage() {
  const api = useApi();
  const [filters, setFilters] = useState<IntakeFilterValues>(NO_INTAKE_FILTERS);
  const [debounced] = useDebouncedValue(filters, 250);
  const [version, setVersion] = useState(0);
  // Reloaded with the register: the import dialog may have added a unit (新增单位).
  const units = useLoad(() => api.call('unitList', { includeInactive: true }), [api, version]);
  // The sort of the headers, kept for 导出 Excel: the file is the list as shown.
  const shownSort = useRef<Pick<OpInput<'submissionList'>, 'sort' | 'dir'>>({});
  const fetchPage = useCallback(
    (q: PageRequest) => {
      shownSort.current = { ...(q.sort ? { sort: q.sort as OpInput<'submissionList'>['sort'] } : {}), ...(q.dir ? { dir: q.dir } : {}) };
      return api.call('submissionList', { ...toQuery(debounced), ...(q as Pick<OpInput<'submissionList'>, 'sort'>) });
    },
    [api, debounced],
  );
  const counts = useLoad(() => api.call('submissionCounts', {}), [api, version]);
  const [correcting, setCorrecting] = useState<SubmissionSummary | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [receiving, setReceiving] = useState(false);
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
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const columns = useMemo(() => intakeColumns({ onChanged: changed, onStateAction: setStateAction, onCorrect: setCorrecting }), []);
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
        {/* issue 17: packets from the counties and departments (the city side) */}
        <Button variant="default" leftSection={<IconFileZip size={16} />} onClick={() => setReceiving(true)} data-testid="packet-receive-open">
          接收上报包…
        </Button>
      </PageHeader>
      <IntakeFilters
        value={filters}
        onChange={(f) => {
          setFilters(f);
          setSelected(new Set());
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

      {counts.data && counts.data.total === 0 ? (
        <EmptyHint title="还没有登记来稿" action={firstAction}>
          把 U 盘上各单位的 Word 稿件导入进来，或点“登记来稿”手工录入。文件名以单位开头（如“城关镇-关于….docx”）时会自动识别来稿单位。
        </EmptyHint>
      ) : (
        <div style={{ marginTop: 12 }}>
          <DataTable
            columns={columns}
            // The count line above (共登记来稿 N 份) takes a row more than other pages: the table's foot stays in view at 1366×768.
            height="calc(100vh - 330px)"
            fetchPage={fetchPage}
            deps={[fetchPage, version]}
            rowKey={(s) => s.id}
            storageKey="intake"
            testId="intake-table"
            rowTestId="intake-row"
            rowAttrs={(s) => ({ 'data-state': s.state })}
            onOpen={(s) => setOpen(s.id)}
            selection={{ ids: selected, onChange: setSelected }}
            toolbar={
              <>
                <BatchMenu
                  count={selected.size}
                  onClear={() => setSelected(new Set())}
                  actions={intakeBatchActions(api, () => [...selected], units.data ?? [], () => {
                    setSelected(new Set());
                    changed();
                  })}
                />
                <ListExportButton request={() => ({ list: 'submissions', query: { ...toQuery(debounced), ...shownSort.current } })} testId="intake-export" />
              </>
            }
            empty={<Text c="dimmed">{hasIntakeFilters(filters) ? '没有符合筛选条件的来稿，请放宽条件。' : '没有来稿。'}</Text>}
          />
        </div>
      )}

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
      <PacketReceiveDialog opened={receiving} units={activeUnits} onClose={() => setReceiving(false)} onReceived={changed} />
      <SubmissionCorrectDialog submission={correcting} units={units.data ?? []} onClose={() => setCorrecting(null)} onCorrected={changed} />
    </>
  );
}

/**
 * 导入文件夹: files chosen or dropped, or a folder's path typed, pasted or picked (ImportPickStep);
 * its files are listed with the unit each name suggests for the user to confirm, then imported
 * one call per file. Each call is awaited in turn, so the window keeps drawing and answering
 * between files, the bar moves file by file, and 停止 takes effect after the current file.
 */
import { Button, Group, Modal, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { modals } from '@mantine/modals';
import type { ScannedFile, ScanResult } from '../../../src-main/api/ops/submissions';
import type { Unit } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/notify';
import { todayIso } from '../../format';
import { useSubmit } from '../../hooks/useSubmit';
import { FileRow, NEW_UNIT, type FileOutcome } from './ImportParts';
import { NewUnitDialog } from './NewUnitDialog';
import { DateField } from '../common/DateField';
import { unitSearchProps } from '../common/unitSearch';
import { UPLOAD_PREFIX, fileBase64, uploadedRows } from './UploadPicker';
import { ImportPickStep } from './ImportPickStep';
import { ImportRunning, ImportSummary, NO_COUNTS, type Counts } from './ImportProgress';

export type { FileOutcome };

export interface IntakeImportDialogProps {
  opened: boolean;
  units: Unit[];
  onClose: () => void;
  /** Called as the dialog closes after anything was imported, so the register reloads. */
  onImported: () => void;
}

export function IntakeImportDialog({ opened, units, onClose, onImported }: IntakeImportDialogProps) {
  const busy = useRef(false);
  // The register behind is reloaded once, as the dialog closes, not while the summary is drawn.
  const changed = useRef(false);
  const close = () => {
    if (busy.current) return;
    if (changed.current) onImported();
    changed.current = false;
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title="导入来稿文件夹"
      size="xl"
      centered
      closeOnClickOutside={false}
      data-testid="import-dialog"
    >
      {opened && <ImportFlow units={units} onClose={close} onImported={() => { changed.current = true; }} busy={busy} />}
    </Modal>
  );
}


/** Windows' 复制为路径 puts the path in quotes. */
export function cleanPath(input: string): string {
  return input.trim().replace(/^["'“”]+|["'“”]+$/g, '').trim();
}

function ImportFlow({ units, onClose, onImported, busy }: Omit<IntakeImportDialogProps, 'opened'> & { busy: { current: boolean } }) {
  const api = useApi();
  const [phase, setPhase] = useState<'pick' | 'review' | 'running' | 'done'>('pick');
  const [folder, setFolder] = useState('');
  const [scan, setScan] = useState<ScanResult | null>(null);
  const { busy: scanning, error, setError, submit } = useSubmit();
  const [unitOf, setUnitOf] = useState<Record<string, number | null>>({});
  const [receivedDate, setReceivedDate] = useState(todayIso());
  const [counts, setCounts] = useState<Counts>(NO_COUNTS);
  const [current, setCurrent] = useState('');
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [stopped, setStopped] = useState(false);
  // Problems first: the imported files are listed on request, which also keeps the summary quick to draw.
  const [showImported, setShowImported] = useState(false);
  const stop = useRef(false);
  // Chosen or dropped files (browser mode): their bytes, by the row's path.
  const uploads = useRef(new Map<string, File>());
  /** One file into the register: from its path on this PC, or its bytes when it was chosen here. */
  const importOne = async (file: ScannedFile, allowDuplicate?: boolean) => {
    const common = { unit: unitOf[file.path] ?? null, receivedDate, ...(allowDuplicate ? { allowDuplicate } : {}) };
    const uploaded = file.path.startsWith(UPLOAD_PREFIX) ? uploads.current.get(file.path) : undefined;
    if (uploaded) return api.call('submissionUpload', { fileName: file.name, base64: await fileBase64(uploaded), ...common });
    return api.call('submissionImport', { path: file.path, ...common });
  };
  const pickedFiles = (files: File[]) => {
    const { rows, byPath } = uploadedRows(files, allUnits);
    uploads.current = byPath;
    setScan({ folder: `选择的 ${files.length} 个文件`, files: rows, folders: [] });
    setUnitOf(Object.fromEntries(rows.map((f) => [f.path, f.guessedUnit?.id ?? null])));
    setPhase('review');
  };

  // Units added here (新增单位) join the list for every file.
  const [added, setAdded] = useState<Unit[]>([]);
  const allUnits = useMemo(() => [...units, ...added], [units, added]);
  // undefined: closed; null: from the 新增单位 button; a file: from that file's picker.
  const [newUnitFor, setNewUnitFor] = useState<ScannedFile | null | undefined>(undefined);
  const unitOptions = useMemo(
    () => [{ value: '', label: '（未填单位）' }, ...allUnits.map((u) => ({ value: String(u.id), label: u.name })), { value: NEW_UNIT, label: '＋ 新增单位…' }],
    [allUnits],
  );
  const openNewUnit = useCallback((f: ScannedFile | null) => setNewUnitFor(f), []);

  /**
   * The new unit goes to the file it was added for, and the folder is listed again so that
   * every other file without a unit whose name names it (or its alias) gets it too.
   */
  const unitAdded = async (u: Unit) => {
    const forFile = newUnitFor;
    setNewUnitFor(undefined);
    setAdded((a) => [...a, u]);
    // The page behind reloads its units as the dialog closes, even if nothing is imported.
    onImported();
    if (forFile) setFileUnit(forFile.path, u.id);
    try {
      const again = await api.call('submissionScan', { folder: cleanPath(folder) });
      setUnitOf((m) => {
        const next = { ...m };
        for (const f of again.files) if ((next[f.path] ?? null) === null && f.guessedUnit?.id === u.id) next[f.path] = u.id;
        return next;
      });
    } catch {
      // The folder may be gone meanwhile (the drive pulled out): the file it was added for keeps it.
    }
  };
  const hint = newUnitFor ? newUnitFor.unitHint ?? '' : (scan?.files.find((f) => f.format !== 'refused' && (unitOf[f.path] ?? null) === null)?.unitHint ?? '');
  const setFileUnit = useCallback((path: string, unit: number | null) => setUnitOf((m) => ({ ...m, [path]: unit })), []);

  const list = async () => {
    const path = cleanPath(folder);
    if (!path) {
      setError('请先填写文件夹的路径。');
      return;
    }
    await submit(async () => {
      const result = await api.call('submissionScan', { folder: path });
      setScan(result);
      setUnitOf(Object.fromEntries(result.files.map((f) => [f.path, f.guessedUnit?.id ?? null])));
      setPhase('review');
    });
  };

  const run = async () => {
    if (!scan) return;
    busy.current = true;
    stop.current = false;
    flushSync(() => {
      setPhase('running');
      setCounts(NO_COUNTS);
    });
    const done: FileOutcome[] = [];
    const tally = { ...NO_COUNTS };
    for (const file of scan.files) {
      if (stop.current) break;
      setCurrent(file.name);
      let outcome: FileOutcome;
      if (file.format === 'refused') outcome = { file, status: 'refused', reason: file.reason ?? '' };
      else {
        try {
          const r = await importOne(file);
          outcome = {
            file,
            status: r.status,
            ...(r.reason ? { reason: r.reason } : {}),
            ...(r.submission ? { title: r.submission.title, unit: r.submission.unit, submissionId: r.submission.id } : {}),
          };
        } catch (e) {
          // One file's error (a unit deleted meanwhile, a lost connection) is reported with it; the rest go on.
          outcome = { file, status: 'refused', reason: `出错：${errorMessage(e)}` };
        }
      }
      done.push(outcome);
      tally.done++;
      if (outcome.status === 'imported') tally.imported++;
      else if (outcome.status === 'duplicate') tally.duplicates++;
      else tally.refused++;
      // Drawn before the next file is sent, so the bar and the count always show what is done.
      flushSync(() => setCounts({ ...tally }));
    }
    setStopped(stop.current);
    setOutcomes(done);
    setPhase('done');
    busy.current = false;
    onImported();
  };

  /** 仍然登记: the user has looked at a flagged repeat and registers it anyway, marked as a repeat. */
  const registerAnyway = async (o: FileOutcome) => {
    try {
      const r = await importOne(o.file, true);
      setOutcomes((all) =>
        all.map((x) =>
          x === o ? { ...x, status: r.status, reason: r.reason, ...(r.submission ? { title: r.submission.title, unit: r.submission.unit } : {}) } : x,
        ),
      );
      if (r.status === 'imported') setCounts((c) => ({ ...c, imported: c.imported + 1, duplicates: c.duplicates - 1 }));
      onImported();
    } catch (e) {
      setOutcomes((all) => all.map((x) => (x === o ? { ...x, reason: `${x.reason ?? ''}（再次登记未成功：${errorMessage(e)}）` } : x)));
    }
  };

  // Files without a unit count for no one in the scores: a second look before they go in so.
  const confirmWithoutUnit = (n: number) =>
    modals.openConfirmModal({
      title: `${n} 个文件没有选来稿单位`,
      children: <Text size="sm">这些来稿将登记为“未填单位”，不计入任何单位的积分，以后可在来稿登记中逐条更正。仍然导入吗？</Text>,
      labels: { confirm: '仍然导入', cancel: '返回选择单位' },
      confirmProps: { 'data-testid': 'import-confirm-no-unit' } as Record<string, string>,
      onConfirm: () => void run(),
    });

  if (phase === 'pick') {
    return <ImportPickStep folder={folder} onFolder={setFolder} onList={() => void list()} onFiles={pickedFiles} onCancel={onClose} scanning={scanning} error={error} />;
  }

  if (phase === 'review' && scan) {
    const importable = scan.files.filter((f) => f.format !== 'refused');
    const unknown = importable.filter((f) => unitOf[f.path] === null || unitOf[f.path] === undefined).length;
    return (
      <Stack gap="sm">
        <Text size="sm">
          {scan.folder}：共 {scan.files.length} 个文件，可导入 <b>{importable.length}</b> 个，将拒收 <b>{scan.files.length - importable.length}</b> 个。
          来稿单位按文件名判断，请逐一核对，需要时改选。
        </Text>
        {unknown > 0 && (
          <Text size="sm" c="orange.8" data-testid="import-unknown-units">
            有 {unknown} 个文件没能从文件名判断出来稿单位（显示为“未填单位”），请逐一选择，或用“全部设为”；名单里没有的单位可“新增单位”。
          </Text>
        )}
        {scan.folders.length > 0 && (
          <Text size="xs" c="dimmed">
            子文件夹不会导入：{scan.folders.join('、')}。如需导入，请对每个子文件夹分别操作。
          </Text>
        )}
        <Group gap="sm" align="flex-end">
          <Select
            label="全部设为"
            placeholder="选择一个单位"
            data={allUnits.map((u) => ({ value: u.id, label: u.name }))}
            value={null}
            onChange={(v) => v !== null && setUnitOf(Object.fromEntries(scan.files.map((f) => [f.path, v])))}
            searchable
            {...unitSearchProps<number>(allUnits)}
            w={200}
            data-testid="import-all-unit"
          />
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => openNewUnit(null)} data-testid="import-new-unit">
            新增单位…
          </Button>
          <DateField label="收稿日期" value={receivedDate} onChange={(v) => setReceivedDate(v)} w={160} data-testid="import-date" />
        </Group>
        <NewUnitDialog opened={newUnitFor !== undefined} suggestion={hint} onClose={() => setNewUnitFor(undefined)} onAdded={(u) => void unitAdded(u)} />
        <ScrollArea.Autosize mah={360} type="auto" scrollbars="y">
          <Table layout="fixed" verticalSpacing={4} stickyHeader data-testid="import-files">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>文件</Table.Th>
                <Table.Th w={80} ta="right">
                  大小
                </Table.Th>
                <Table.Th w={220}>来稿单位 / 拒收原因</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scan.files.map((f) => (
                <FileRow key={f.path} file={f} unit={unitOf[f.path] ?? null} options={unitOptions} onUnit={setFileUnit} onNewUnit={openNewUnit} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        <Group justify="space-between">
          <Button variant="subtle" onClick={() => setPhase('pick')}>
            换一个文件夹
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button onClick={() => (unknown > 0 ? confirmWithoutUnit(unknown) : void run())} disabled={scan.files.length === 0} data-testid="import-start">
              开始导入（{importable.length} 个文件）
            </Button>
          </Group>
        </Group>
      </Stack>
    );
  }

  const total = scan?.files.length ?? 0;
  if (phase === 'running') return <ImportRunning counts={counts} total={total} current={current} onStop={() => (stop.current = true)} />;
  return (
    <ImportSummary
      counts={counts}
      total={total}
      outcomes={outcomes}
      stopped={stopped}
      showImported={showImported}
      onShowImported={() => setShowImported(true)}
      onRegisterAnyway={(o) => void registerAnyway(o)}
      onDone={onClose}
    />
  );
}

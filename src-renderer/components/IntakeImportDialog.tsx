/**
 * 导入文件夹: the folder's path is typed or pasted (the desktop shell has no folder picker yet),
 * its files are listed with the unit each name suggests for the user to confirm, then imported
 * one call per file. Each call is awaited in turn, so the window keeps drawing and answering
 * between files, the bar moves file by file, and 停止 takes effect after the current file.
 */
import { Alert, Badge, Button, Group, Modal, Progress, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconFolderOpen } from '@tabler/icons-react';
import { memo, useCallback, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { ImportResult, ScannedFile, ScanResult } from '../../src-main/api/ops/submissions';
import type { Unit } from '../../src-main/api/types';
import { useApi } from '../api/context';
import { errorMessage } from '../api/notify';
import { todayIso } from '../format';
import { useSubmit } from '../hooks/useSubmit';
import { DialogFooter } from './DialogFooter';

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

export interface FileOutcome {
  file: ScannedFile;
  status: ImportResult['status'];
  reason?: string;
  title?: string;
  unit?: string | null;
  submissionId?: number;
}

interface Counts {
  done: number;
  imported: number;
  duplicates: number;
  refused: number;
}

const NO_COUNTS: Counts = { done: 0, imported: 0, duplicates: 0, refused: 0 };

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
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

  const unitOptions = useMemo(() => [{ value: '', label: '（未填单位）' }, ...units.map((u) => ({ value: String(u.id), label: u.name }))], [units]);
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
          const r = await api.call('submissionImport', { path: file.path, unit: unitOf[file.path] ?? null, receivedDate });
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
      const r = await api.call('submissionImport', { path: o.file.path, unit: unitOf[o.file.path] ?? null, receivedDate, allowDuplicate: true });
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

  if (phase === 'pick') {
    return (
      <Stack gap="sm">
        <TextInput
          label="文件夹路径"
          placeholder="例如 E:\来稿\11月第3周"
          leftSection={<IconFolderOpen size={16} />}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && void list()}
          data-autofocus
          data-testid="import-folder"
        />
        <Text size="xs" c="dimmed">
          在资源管理器中找到 U 盘上的来稿文件夹，按住 Shift 键右击它，选“复制为路径”，再粘贴到上面（两边的引号会自动去掉）。只导入这个文件夹里的文件，不含其中的子文件夹。
          可导入 Word 文档（.docx）和文本文件（.txt，UTF-8 或 GBK 编码）；旧版 .doc、.wps 等会列出来并说明如何另存为 .docx。
        </Text>
        <DialogFooter
          error={error}
          errorTitle="没有列出文件"
          errorTestId="import-error"
          onCancel={onClose}
          confirm={{ label: '列出文件', onClick: () => void list(), busy: scanning, testId: 'import-scan' }}
        />
      </Stack>
    );
  }

  if (phase === 'review' && scan) {
    const importable = scan.files.filter((f) => f.format !== 'refused');
    const unknown = importable.filter((f) => unitOf[f.path] === null || unitOf[f.path] === undefined).length;
    return (
      <Stack gap="sm">
        <Text size="sm">
          {scan.folder}：共 {scan.files.length} 个文件，可导入 <b>{importable.length}</b> 个，将拒收 <b>{scan.files.length - importable.length}</b> 个。
          报送单位按文件名判断，请逐一核对，需要时改选。
        </Text>
        {unknown > 0 && (
          <Text size="sm" c="orange.8" data-testid="import-unknown-units">
            有 {unknown} 个文件没能从文件名判断出报送单位（显示为“未填单位”），请逐一选择，或用“全部设为”。
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
            data={units.map((u) => ({ value: u.id, label: u.name }))}
            value={null}
            onChange={(v) => v !== null && setUnitOf(Object.fromEntries(scan.files.map((f) => [f.path, v])))}
            searchable
            w={200}
            data-testid="import-all-unit"
          />
          <TextInput label="收稿日期" type="date" value={receivedDate} onChange={(e) => setReceivedDate(e.currentTarget.value)} w={160} data-testid="import-date" />
        </Group>
        <ScrollArea.Autosize mah={360} type="auto" scrollbars="y">
          <Table layout="fixed" verticalSpacing={4} stickyHeader data-testid="import-files">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>文件</Table.Th>
                <Table.Th w={80} ta="right">
                  大小
                </Table.Th>
                <Table.Th w={220}>报送单位 / 拒收原因</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scan.files.map((f) => (
                <FileRow key={f.path} file={f} unit={unitOf[f.path] ?? null} options={unitOptions} onUnit={setFileUnit} />
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
            <Button onClick={() => void run()} disabled={scan.files.length === 0} data-testid="import-start">
              开始导入（{importable.length} 个文件）
            </Button>
          </Group>
        </Group>
      </Stack>
    );
  }

  const total = scan?.files.length ?? 0;
  const percent = total ? Math.round((counts.done / total) * 100) : 100;
  const tallies = (
    <Text size="sm" data-testid="import-count">
      已处理 {counts.done} / {total}：导入 {counts.imported}，重复 {counts.duplicates}，拒收 {counts.refused}
    </Text>
  );

  if (phase === 'running') {
    return (
      <Stack gap="sm" data-testid="import-running">
        <Progress value={percent} size="lg" striped animated aria-label="导入进度" data-testid="import-progress" data-value={counts.done} />
        {tallies}
        <Text size="xs" c="dimmed" truncate>
          正在导入：{current}
        </Text>
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              stop.current = true;
            }}
            data-testid="import-stop"
          >
            停止（当前文件完成后）
          </Button>
        </Group>
      </Stack>
    );
  }

  const by = (s: FileOutcome['status']) => outcomes.filter((o) => o.status === s);
  return (
    <Stack gap="sm" data-testid="import-summary">
      {stopped && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
          已按要求停止：还有 {total - counts.done} 个文件没有处理。
        </Alert>
      )}
      <SimpleGrid cols={3}>
        <Stat label="导入" value={counts.imported} color="teal" testId="import-summary-imported" />
        <Stat label="重复（未登记）" value={by('duplicate').length} color="yellow.8" testId="import-summary-duplicates" />
        <Stat label="拒收" value={counts.refused} color="red" testId="import-summary-refused" />
      </SimpleGrid>
      <ScrollArea.Autosize mah={340} type="auto" scrollbars="y">
        <Stack gap={6} pr="md">
          {by('duplicate').map((o) => (
            <Outcome key={o.file.path} o={o} color="yellow.9" tag="重复">
              <Button size="compact-xs" variant="light" color="yellow" onClick={() => void registerAnyway(o)} data-testid="import-register-anyway">
                仍然登记
              </Button>
            </Outcome>
          ))}
          {by('refused').map((o) => (
            <Outcome key={o.file.path} o={o} color="red.8" tag="拒收" />
          ))}
          {showImported && by('imported').map((o) => <Outcome key={o.file.path} o={o} color="teal.8" tag="导入" />)}
        </Stack>
      </ScrollArea.Autosize>
      {!showImported && by('imported').length > 0 && (
        <Button variant="subtle" size="xs" onClick={() => setShowImported(true)} data-testid="import-show-imported">
          列出导入的 {by('imported').length} 个文件
        </Button>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="import-done">
          完成
        </Button>
      </Group>
    </Stack>
  );
}

const CELL: CSSProperties = { padding: '4px 8px', borderBottom: '1px solid var(--mantine-color-gray-2)', verticalAlign: 'middle' };
const NAME: CSSProperties = { fontSize: 14, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
const TAG: CSSProperties = { fontSize: 11, border: '1px solid', borderRadius: 4, padding: '0 4px', marginRight: 6, flexShrink: 0, lineHeight: '16px' };
const REASON: CSSProperties = { fontSize: 12, color: 'var(--mantine-color-red-8)', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' };
const SELECT: CSSProperties = {
  width: '100%',
  height: 26,
  fontSize: 12,
  padding: '0 4px',
  border: '1px solid var(--mantine-color-gray-4)',
  borderRadius: 4,
  background: 'var(--mantine-color-white)',
  color: 'inherit',
  fontFamily: 'inherit',
};

/**
 * One listed file. Plain elements and memo: a USB folder lists hundreds, and changing one
 * file's unit redraws that row only.
 */
const FileRow = memo(function FileRow({
  file: f,
  unit,
  options,
  onUnit,
}: {
  file: ScannedFile;
  unit: number | null;
  options: { value: string; label: string }[];
  onUnit: (path: string, unit: number | null) => void;
}) {
  const refused = f.format === 'refused';
  return (
    <tr data-testid="import-file-row" data-format={f.format}>
      <td style={CELL}>
        <div style={{ display: 'flex', alignItems: 'center', minWidth: 0 }}>
          <span style={{ ...TAG, color: refused ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-indigo-7)' }}>
            {refused ? '拒收' : f.format === 'docx' ? 'Word' : '文本'}
          </span>
          <span style={NAME} title={f.name}>
            {f.name}
          </span>
        </div>
      </td>
      <td style={{ ...CELL, textAlign: 'right', fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{sizeText(f.size)}</td>
      <td style={CELL}>
        {refused ? (
          <span style={REASON} title={f.reason}>
            {f.reason}
          </span>
        ) : (
          <select
            style={{ ...SELECT, borderColor: unit === null ? 'var(--mantine-color-orange-5)' : SELECT.borderColor }}
            value={unit === null ? '' : String(unit)}
            onChange={(e) => onUnit(f.path, e.currentTarget.value ? Number(e.currentTarget.value) : null)}
            aria-label={`${f.name} 的报送单位`}
            data-testid="import-file-unit"
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </td>
    </tr>
  );
});

function Outcome({ o, color, tag, children }: { o: FileOutcome; color: string; tag: string; children?: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="import-outcome" data-status={o.status}>
      <Badge size="sm" variant="light" color={color.split('.')[0]} style={{ flexShrink: 0 }}>
        {tag}
      </Badge>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" truncate title={o.file.name}>
          {o.file.name}
          {o.status === 'imported' && (
            <Text span size="sm" c="dimmed">
              {' '}→ 《{o.title}》，{o.unit ?? '未填单位'}
            </Text>
          )}
        </Text>
        {o.reason && o.status !== 'imported' && (
          <Text size="xs" c={color}>
            {o.reason}
          </Text>
        )}
      </div>
      {children}
    </Group>
  );
}

function Stat({ label, value, color, testId }: { label: string; value: number; color: string; testId: string }) {
  return (
    <Stack gap={0} align="center" p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      <Text fz={28} fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

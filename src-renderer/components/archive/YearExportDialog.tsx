/**
 * 导出全年: a series and a year to a folder (a USB drive's, say). Each signed issue's archived
 * original, the voided ones in 作废/, the register (刊物目录.xlsx) and SHA256SUMS. A year is
 * hundreds of files: the dialog shows how far it got and can stop it; a stopped export leaves
 * only complete files, and the same export again completes the year.
 */
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFolderDown, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import type { YearExportResult } from '../../../src-main/api/ops/year-export';
import { useApi } from '../../api/context';
import { useExportProgress } from '../../hooks/useExportProgress';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';
import { ExportProgressBar } from '../common/ExportProgressBar';
import { rememberFolder, rememberedFolder } from '../../hooks/rememberedFolder';

const FOLDER_KEY = 'bulletin.yearExportFolder';

export interface YearExportDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The series and year to offer first (the archive page's first open year). */
  initial?: { seriesId: number; year: number };
}

export function YearExportDialog({ opened, onClose, initial }: YearExportDialogProps) {
  const [busy, setBusy] = useState(false);
  return (
    // While it runs the dialog stays: closing it would hide the progress and the stop button.
    <Modal opened={opened} onClose={() => !busy && onClose()} title="导出全年" size="lg" centered closeOnClickOutside={false} closeOnEscape={!busy} withCloseButton={!busy}>
      {opened && <YearExportForm onClose={onClose} initial={initial} onBusy={setBusy} />}
    </Modal>
  );
}

function YearExportForm({ onClose, initial, onBusy }: Omit<YearExportDialogProps, 'opened'> & { onBusy: (busy: boolean) => void }) {
  const api = useApi();
  const series = useLoad(() => api.call('seriesList', {}), [api]);
  const [seriesId, setSeriesId] = useState<number | null>(initial?.seriesId ?? null);
  const [year, setYear] = useState<number | string>(initial?.year ?? new Date().getFullYear());
  const [out, setOut] = useState(() => rememberedFolder(FOLDER_KEY));
  const { busy, error, submit } = useSubmit();
  const { progress, stopping, track, stop } = useExportProgress('yearExport');
  const [result, setResult] = useState<YearExportResult | null>(null);
  const chosen = seriesId ?? series.data?.[0]?.id ?? null;

  const exportNow = () => {
    if (chosen === null) return;
    onBusy(true);
    void submit(async () => {
      try {
        const r = await track(() => api.call('issueExportYear', { series: chosen, year: Number(year), out: out.trim() }));
        rememberFolder(FOLDER_KEY, out.trim());
        setResult(r);
      } finally {
        onBusy(false);
      }
    });
  };

  if (result) return <YearExportDone result={result} onClose={onClose} onAgain={() => setResult(null)} />;

  return (
    <Stack gap="sm" data-testid="year-export-dialog">
      <Group grow align="flex-start">
        <Select
          label="刊物"
          data={(series.data ?? []).map((s) => ({ value: String(s.id), label: `《${s.name}》` }))}
          value={chosen === null ? null : String(chosen)}
          onChange={(v) => v !== null && setSeriesId(Number(v))}
          allowDeselect={false}
          disabled={busy}
          data-testid="year-export-series"
        />
        <NumberInput label="年份" value={year} onChange={setYear} min={1949} max={2199} allowDecimal={false} disabled={busy} data-testid="year-export-year" />
      </Group>
      <TextInput
        label="保存到文件夹"
        withAsterisk
        description="须是已有的文件夹，如 U 盘上的“2026年刊物”；同名文件会被替换为存档原件"
        placeholder="例如 E:\2026年刊物"
        value={out}
        onChange={(e) => setOut(e.currentTarget.value)}
        disabled={busy}
        data-testid="year-export-out"
      />
      <Text size="xs" c="dimmed">
        导出该年每一期签发时存档的原件（逐字节相同，不重新生成），作废的期次放在“作废”子文件夹；最后写入刊物目录（Excel）和 SHA256SUMS 校验文件。
      </Text>
      {busy && (
        <Group align="flex-end" wrap="nowrap">
          <div style={{ flex: 1, minWidth: 0 }}>
            <ExportProgressBar progress={progress} what="正在导出" stopping={stopping} testId="year-export-progress" />
          </div>
          <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={() => void stop()} disabled={stopping} data-testid="year-export-stop">
            停止
          </Button>
        </Group>
      )}
      <DialogFooter
        error={error}
        errorTitle="没有导出"
        errorTestId="year-export-error"
        onCancel={onClose}
        cancelDisabled={busy}
        confirm={{
          label: '导出全年',
          onClick: exportNow,
          busy,
          disabled: chosen === null || !out.trim() || year === '',
          testId: 'year-export-confirm',
        }}
      />
    </Stack>
  );
}

function YearExportDone({ result: r, onClose, onAgain }: { result: YearExportResult; onClose: () => void; onAgain: () => void }) {
  const signed = r.files.filter((f) => !f.voided).length;
  const voided = r.files.length - signed;
  return (
    <Stack gap="sm" data-testid="year-export-result" data-stopped={r.stopped ? 'true' : 'false'}>
      {r.stopped ? (
        <Alert color="yellow" title="已停止导出">
          <Text size="sm">
            已在“{r.dir}”中写完 {r.files.length} 个完整的文件；没有写入刊物目录和 SHA256SUMS。再导出一次到同一文件夹即可补齐全年。
          </Text>
        </Alert>
      ) : (
        <Alert color="teal" title={`已导出《${r.series}》${r.year}年全年`}>
          <Stack gap={4}>
            <Text size="sm">{r.dir}</Text>
            <Text size="sm">
              已签发 {r.signedCount} 期，导出存档原件 {signed} 个{r.voidedCount ? `；作废 ${r.voidedCount} 期，${voided} 个在“作废”文件夹中` : ''}。
            </Text>
            <Text size="sm">刊物目录和 SHA256SUMS 已写在同一文件夹中，可用 sha256sum -c SHA256SUMS 逐个核对。</Text>
          </Stack>
        </Alert>
      )}
      {r.missing.length > 0 && (
        <Alert color="yellow" title={`${r.missing.length} 期没有存档原件，未导出`}>
          <Text size="sm">这些期次在存档功能启用前签发：{r.missing.map((m) => m.label).join('、')}。可在归档中逐期导出。</Text>
        </Alert>
      )}
      <Group justify="flex-end">
        {r.stopped && (
          <Button variant="light" leftSection={<IconFolderDown size={16} />} onClick={onAgain}>
            重新导出
          </Button>
        )}
        <Button onClick={onClose} data-testid="year-export-done">
          完成
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * 来稿单位 out to Excel and back: export downloads the list (单位名单.xlsx); import reads an
 * .xlsx or .csv the user picks, adds and updates units by name in one step, and shows the
 * result, or every row that stopped it, in full.
 */
import { Alert, Button, FileButton, Group, Modal, Text } from '@mantine/core';
import { IconFileDownload, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { UnitImportReport } from '../../../src-main/api/ops/units';
import { useApi } from '../../api/context';
import { downloadBase64 } from '../../api/download';
import { attempt, errorMessage } from '../../api/notify';
import { fileBase64 } from '../setup/UnitsStep';

type Outcome = { file: string; report: UnitImportReport } | { file: string; error: string };

export function UnitSheetButtons({ onImported }: { onImported: () => void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const download = async () => {
    const file = await attempt(() => api.call('unitXlsx', {}), '未能导出单位名单');
    if (file) downloadBase64(file.base64, file.fileName);
  };

  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      const report = await api.call('unitImport', { base64: await fileBase64(file), fileName: file.name });
      setOutcome({ file: file.name, report });
      onImported();
    } catch (e) {
      setOutcome({ file: file.name, error: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap="xs">
      <FileButton onChange={(f) => void upload(f)} accept=".xlsx,.csv" inputProps={{ 'data-testid': 'unit-import-file' } as object}>
        {(props) => (
          <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />} loading={busy}>
            从 Excel 导入
          </Button>
        )}
      </FileButton>
      <Button variant="default" leftSection={<IconFileDownload size={16} />} onClick={() => void download()} data-testid="unit-export">
        导出 Excel
      </Button>
      <Modal opened={outcome !== null} onClose={() => setOutcome(null)} title={outcome ? `导入“${outcome.file}”` : ''} size="lg" centered>
        {outcome && 'report' in outcome && (
          <Text data-testid="unit-import-report">
            已导入：新增 {outcome.report.added} 个，更新 {outcome.report.updated} 个，未变 {outcome.report.unchanged} 个。
          </Text>
        )}
        {outcome && 'error' in outcome && (
          <Alert color="red" title="没有导入" styles={{ message: { whiteSpace: 'pre-line' } }} data-testid="unit-import-error">
            {outcome.error}
          </Alert>
        )}
        <Text size="xs" c="dimmed" mt="sm">
          表格第一行为列名：单位名称、简称、别称（多个用顿号隔开）、类别（镇、街道、县直部门、其他）、状态（启用、停用）。按单位名称新增或更新；有一行不对则整表不导入。
        </Text>
      </Modal>
    </Group>
  );
}

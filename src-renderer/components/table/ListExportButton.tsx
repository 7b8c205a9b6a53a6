/**
 * 导出 Excel under a list (issue 15): the list as the page shows it — its filters and the sort
 * of its headers — every matching row, not only those loaded. The desktop asks where to save
 * and then offers 打开文件 / 在文件夹中显示; browser mode downloads the file.
 */
import { Button } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import type { OpInput } from '../../../src-main/api/contract';
import { EXPORT_LIST_LABELS } from '../../../src-main/api/ops/list-export';
import { useApi } from '../../api/context';
import { downloadBase64 } from '../../api/download';
import { notifyError, notifyOk, notifySavedFile } from './exportNotice';

type Request = OpInput<'listXlsx'>;

export function ListExportButton({ request, testId }: { request: () => Request; testId?: string }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const req = request();
    const label = EXPORT_LIST_LABELS[req.list];
    setBusy(true);
    try {
      const bridge = api.mode === 'desktop' ? window.bulletin : undefined;
      if (bridge) {
        const chosen = await bridge.saveDialog({ title: `导出${label}`, defaultName: `${label}.xlsx`, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
        if (!chosen) return;
        const r = await api.call('listExport', { ...req, out: chosen } as OpInput<'listExport'>);
        notifySavedFile(api, `已导出${label}（${r.rows} 行）`, r.path);
        return;
      }
      const file = await api.call('listXlsx', req);
      downloadBase64(file.base64, file.fileName);
      notifyOk(`已下载 ${file.fileName}（${file.rows} 行）`, `已导出${label}`);
    } catch (e) {
      notifyError(e, `未能导出${label}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="compact-sm" variant="light" leftSection={<IconFileSpreadsheet size={14} />} loading={busy} onClick={() => void run()} data-testid={testId ?? 'list-export'}>
      导出 Excel
    </Button>
  );
}

/**
 * 导出通报: the circular as a Word file and an Excel workbook. The desktop app asks where to save
 * (both files go into the folder chosen) and writes them there; browser mode downloads both.
 * The native dialog is the preload's (window.bulletin), as the client uses for an issue's file.
 */
import { useState } from 'react';
import { useApi } from '../api/context';
import { notifyError, notifyOk } from '../api/notify';
import type { PeriodQuery } from '../components/stats/PeriodPicker';

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function download(base64: string, fileName: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[fileName.split('.').pop() ?? ''] ?? 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useExportCircular() {
  const api = useApi();
  const [exporting, setExporting] = useState(false);
  const exportCircular = async (query: PeriodQuery, title: string) => {
    setExporting(true);
    try {
      const bridge = api.mode === 'desktop' ? window.bulletin : undefined;
      if (bridge) {
        const chosen = await bridge.saveDialog({
          title: '导出通报（同一文件夹中生成 Word 和 Excel 两个文件）',
          defaultName: `${title}.docx`,
          filters: [{ name: 'Word 文档', extensions: ['docx'] }],
        });
        if (!chosen) return;
        const folder = chosen.replace(/[\\/][^\\/]*$/, '') || chosen;
        const paths = await api.call('circularExport', { ...query, out: folder });
        notifyOk(`${paths.docx}\n${paths.xlsx}`, '已导出通报');
        await api.showInFolder(paths.docx);
        return;
      }
      const files = await api.call('circularFiles', query);
      for (const f of files) download(f.base64, f.fileName);
      notifyOk(`已下载：${files.map((f) => f.fileName).join('、')}`, '已导出通报');
    } catch (e) {
      notifyError(e, '未能导出通报');
    } finally {
      setExporting(false);
    }
  };
  return { exportCircular, exporting };
}

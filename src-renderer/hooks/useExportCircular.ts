/**
 * 导出通报: the circular as a Word file and an Excel workbook. The desktop app asks where to save
 * (both files go into the folder chosen) and writes them there; browser mode downloads both.
 * The native dialog is the preload's (window.bulletin), as the client uses for an issue's file.
 */
import { useState } from 'react';
import { useApi } from '../api/context';
import { downloadBase64 } from '../api/download';
import { notifyError, notifyOk } from '../api/notify';
import type { PeriodQuery } from '../components/stats/PeriodPicker';

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
      for (const f of files) downloadBase64(f.base64, f.fileName);
      notifyOk(`已下载：${files.map((f) => f.fileName).join('、')}`, '已导出通报');
    } catch (e) {
      notifyError(e, '未能导出通报');
    } finally {
      setExporting(false);
    }
  };
  return { exportCircular, exporting };
}

/**
 * 导出年度统计: the year's figures as a Word report and an Excel workbook. The desktop app asks
 * where to save (both files go into the folder chosen); browser mode downloads both.
 */
import { useState } from 'react';
import { useApi } from '../api/context';
import { downloadBase64 } from '../api/download';
import { notifyError, notifyOk } from '../api/notify';

export type YearStatsQuery = { year: number } | { from: string; to: string };

export function useExportYearStats() {
  const api = useApi();
  const [exporting, setExporting] = useState(false);
  const exportYearStats = async (query: YearStatsQuery, title: string) => {
    setExporting(true);
    try {
      const bridge = api.mode === 'desktop' ? window.bulletin : undefined;
      if (bridge) {
        const chosen = await bridge.saveDialog({
          title: '导出年度统计（同一文件夹中生成 Word 和 Excel 两个文件）',
          defaultName: `${title}.docx`,
          filters: [{ name: 'Word 文档', extensions: ['docx'] }],
        });
        if (!chosen) return;
        const folder = chosen.replace(/[\\/][^\\/]*$/, '') || chosen;
        const paths = await api.call('statsYearExport', { ...query, out: folder });
        notifyOk(`${paths.docx}\n${paths.xlsx}`, '已导出年度统计');
        await api.showInFolder(paths.docx);
        return;
      }
      const files = await api.call('statsYearFiles', query);
      for (const f of files) downloadBase64(f.base64, f.fileName);
      notifyOk(`已下载：${files.map((f) => f.fileName).join('、')}`, '已导出年度统计');
    } catch (e) {
      notifyError(e, '未能导出年度统计');
    } finally {
      setExporting(false);
    }
  };
  return { exportYearStats, exporting };
}

/**
 * 导出约稿通知 and 导出批示督办清单: the desktop app asks where to save, browser mode downloads
 * (as the year report's export does, useExportYearStats.ts).
 */
import { useState } from 'react';
import { useApi } from '../api/context';
import { downloadBase64 } from '../api/download';
import { notifyError, notifyOk } from '../api/notify';

export function useFollowupExports() {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const bridge = api.mode === 'desktop' ? window.bulletin : undefined;

  const folderFor = async (title: string, defaultName: string): Promise<string | null> => {
    const chosen = await bridge!.saveDialog({ title, defaultName, filters: [{ name: 'Word 文档', extensions: ['docx'] }] });
    return chosen ? chosen.replace(/[\\/][^\\/]*$/, '') || chosen : null;
  };

  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      notifyError(e, `未能导出${what}`);
    } finally {
      setBusy(false);
    }
  };

  const exportNotice = (id: number, topic: string) =>
    run('约稿通知', async () => {
      if (bridge) {
        const out = await folderFor('导出约稿通知', `约稿通知（${topic}）.docx`);
        if (!out) return;
        const r = await api.call('commissionNoticeExport', { id, out });
        notifyOk(r.path, '已导出约稿通知');
        await api.showInFolder(r.path);
        return;
      }
      const f = await api.call('commissionNoticeFile', { id });
      downloadBase64(f.base64, f.fileName);
      notifyOk(`已下载：${f.fileName}`, '已导出约稿通知');
    });

  const exportFollowups = () =>
    run('批示督办清单', async () => {
      if (bridge) {
        const out = await folderFor('导出批示督办清单（同一文件夹中生成 Word 和 Excel 两个文件）', '领导批示督办情况.docx');
        if (!out) return;
        const r = await api.call('instructionFollowExport', { out });
        notifyOk(`${r.docx}\n${r.xlsx}`, '已导出批示督办清单');
        await api.showInFolder(r.docx);
        return;
      }
      const files = await api.call('instructionFollowFiles', {});
      for (const f of files) downloadBase64(f.base64, f.fileName);
      notifyOk(`已下载：${files.map((f) => f.fileName).join('、')}`, '已导出批示督办清单');
    });

  const downloadFeedback = (id: number) =>
    run('反馈材料', async () => {
      const f = await api.call('instructionFeedbackFile', { id });
      downloadBase64(f.base64, f.fileName);
    });

  return { exportNotice, exportFollowups, downloadFeedback, busy };
}

/** 下载原件: the file as the unit sent it, saved through the browser's download (a save dialog in the desktop app). */
import { useCallback } from 'react';
import { useApi } from '../api/context';
import { downloadBase64 } from '../api/download';
import { notifyError, notifyOk } from '../api/notify';

export function useDownloadOriginal(): (submissionId: number) => Promise<void> {
  const api = useApi();
  return useCallback(
    async (submissionId: number) => {
      try {
        const file = await api.call('submissionOriginal', { id: submissionId });
        downloadBase64(file.base64, file.fileName);
        notifyOk(`已下载：${file.fileName}`, '来稿原件');
      } catch (e) {
        notifyError(e, '未能下载原件');
      }
    },
    [api],
  );
}

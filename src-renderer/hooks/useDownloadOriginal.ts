/** 下载原件: the file as the unit sent it, saved through the browser's download (a save dialog in the desktop app). */
import { useCallback } from 'react';
import { useApi } from '../api/context';
import { notifyError, notifyOk } from '../api/notify';

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
};

function saveBytes(base64: string, fileName: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[ext] ?? 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useDownloadOriginal(): (submissionId: number) => Promise<void> {
  const api = useApi();
  return useCallback(
    async (submissionId: number) => {
      try {
        const file = await api.call('submissionOriginal', { id: submissionId });
        saveBytes(file.base64, file.fileName);
        notifyOk(`已下载：${file.fileName}`, '来稿原件');
      } catch (e) {
        notifyError(e, '未能下载原件');
      }
    },
    [api],
  );
}

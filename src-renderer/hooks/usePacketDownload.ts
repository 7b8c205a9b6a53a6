/**
 * Getting at a registered packet file: in the desktop app it is already on disk, so Explorer is
 * opened on it; in browser mode its bytes come through the API (checked against the register's
 * SHA-256 there) and are downloaded.
 */
import { useState } from 'react';
import type { PacketSummary } from '../../src-main/api/ops/packets';
import { useApi } from '../api/context';
import { downloadBase64 } from '../api/download';
import { notifyError, notifyOk } from '../api/notify';

export function usePacketDownload() {
  const api = useApi();
  const [busy, setBusy] = useState<number | null>(null);
  const open = async (p: Pick<PacketSummary, 'id' | 'path' | 'fileName'>) => {
    setBusy(p.id);
    try {
      if (api.mode === 'desktop') {
        await api.showInFolder(p.path);
      } else {
        const file = await api.call('packetFile', { id: p.id });
        downloadBase64(file.base64, file.fileName);
        notifyOk(`已下载：${file.fileName}`);
      }
    } catch (e) {
      notifyError(e, '未能取得上报包');
    } finally {
      setBusy(null);
    }
  };
  return { open, busy, label: api.mode === 'desktop' ? '在文件夹中显示' : '下载' };
}

/** 允许印发图片 (issue 19): whether this series' Word files print the pictures placed in its items. Off by default. */
import { Switch } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../api/context';
import { notifyError, notifyOk } from '../../api/notify';
import { useLoad } from '../../hooks/useLoad';

export function SeriesPicturesSwitch({ seriesId }: { seriesId: number }) {
  const api = useApi();
  const state = useLoad(() => api.call('seriesPicturesGet', { series: seriesId }), [api, seriesId]);
  const [busy, setBusy] = useState(false);
  if (!state.data) return null;
  const change = async (allow: boolean) => {
    setBusy(true);
    try {
      state.set(await api.call('seriesPicturesSet', { series: seriesId, allow }));
      notifyOk(allow ? '本刊物导出的 Word 文件将印出放入正文的图片及图片说明。' : '本刊物导出的 Word 文件不再印图片。', '允许印发图片');
    } catch (e) {
      notifyError(e, '未能更改“允许印发图片”');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Switch
      size="xs"
      label="允许印发图片"
      description="默认不印：简报通常只印文字。打开后，稿件正文中放入的图片按版心宽度以内印出，图下印图片说明。"
      checked={state.data.allowPictures}
      disabled={busy}
      onChange={(e) => void change(e.currentTarget.checked)}
      data-testid="series-allow-pictures"
    />
  );
}

/** 设置 › 工作台: after how many days a draft not yet dealt with shows on the 工作台. */
import { Button, Group, NumberInput, Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { attempt, notifyOk } from '../../api/notify';
import { useLoad } from '../../hooks/useLoad';

export function DashboardSettingsPanel() {
  const api = useApi();
  const settings = useLoad(() => api.call('dashboardSettingsGet', {}), [api]);
  const [days, setDays] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setDays(settings.data.waitingDays);
  }, [settings.data]);
  const save = async () => {
    const r = await attempt(() => api.call('dashboardSettingsSet', { waitingDays: Number(days) }), '未能保存');
    if (r) notifyOk(`来稿收到超过 ${r.waitingDays} 天未处理即在工作台提示`);
  };
  return (
    <Paper withBorder p="md" maw={520} data-testid="dashboard-settings">
      <Text size="sm" mb="xs">
        来稿收到后超过这么多天仍未处理（未编辑、未转出、未标为不用），即在工作台的“积压来稿”中列出。
      </Text>
      <Group align="flex-end">
        <NumberInput label="积压天数" min={1} max={365} value={days} onChange={setDays} w={140} data-testid="waiting-days" />
        <Button onClick={() => void save()} data-testid="waiting-days-save">
          保存
        </Button>
      </Group>
    </Paper>
  );
}

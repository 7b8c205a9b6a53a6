/**
 * 数据库检查: when the whole file was last checked and what was found, and a button to check it
 * now (databaseCheck). The app checks by itself once a day in the background and after an
 * unclean stop; this is for "is my database sound right now?".
 */
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupStatus } from '../../../src-main/api/ops/backups';
import { useApi } from '../../api/context';
import { notifyError, notifyOk, notifyWarning } from '../../api/notify';

export function DatabaseCheckCard({ check, onChecked }: { check: BackupStatus['check'] | undefined; onChecked: () => void }) {
  const api = useApi();
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    try {
      const r = await api.call('databaseCheck', {});
      if (r.ok) notifyOk(r.text, '数据库完好');
      else notifyWarning(r.advice ?? r.text, '数据库检查未通过');
      onChecked();
    } catch (e) {
      notifyError(e, '检查没有完成');
    } finally {
      setRunning(false);
    }
  };
  return (
    <Card withBorder padding="md" data-testid="database-check">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={5} mb={4}>
            数据库检查
          </Title>
          <Text size="sm" c={check?.ok === false ? 'red' : undefined} data-testid="database-check-text">
            {check?.text ?? '…'}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            每天在后台自动检查一次，上次没有正常关闭时也会检查；检查时可照常工作。
          </Text>
        </div>
        <Button variant="light" leftSection={<IconShieldCheck size={16} />} loading={running} onClick={() => void run()} data-testid="database-check-now">
          立即检查
        </Button>
      </Group>
    </Card>
  );
}

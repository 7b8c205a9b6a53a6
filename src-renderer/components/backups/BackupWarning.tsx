/**
 * The app-wide banner: shown on every page while there is no backup, or the newest is more than
 * 7 days old (the API decides; see backupStatus). Checked at start and every hour after.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { useNav } from '../../nav';

const RECHECK_MS = 60 * 60 * 1000;

export function BackupWarning() {
  const api = useApi();
  const { route, go } = useNav();
  const [warning, setWarning] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const check = () =>
      api.call('backupStatus', {}).then(
        (s) => live && setWarning(s.warning),
        () => {}, // a banner about backups must never itself become an error on every page
      );
    void check();
    const timer = setInterval(() => void check(), RECHECK_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // Coming back from the backup page (after backing up) checks again.
  }, [api, route.page]);

  if (!warning || route.page === 'backups') return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} mb="sm" py={8} data-testid="app-backup-warning">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{warning}</Text>
        <Button size="compact-sm" variant="white" color="orange" onClick={() => go({ page: 'backups' })}>
          去备份
        </Button>
      </Group>
    </Alert>
  );
}

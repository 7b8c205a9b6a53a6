/**
 * 备份: how recent the last copy is, making one now (here or to a USB drive), the list of
 * copies in the data folder, and restoring one. The app makes a copy by itself once a day at
 * start; this page is for the copy that leaves the PC, and for the day something went wrong.
 */
import { Alert, Badge, Button, Card, Group, Loader, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseExport, IconRestore, IconShieldCheck, IconUsb } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { BackupCreated, BackupInfo, BackupRestored } from '../../src-main/api/ops/backups';
import { useApi } from '../api/context';
import { notifyError, notifyOk, notifyWarning } from '../api/notify';
import { EmptyHint } from '../components/common/EmptyHint';
import { PageHeader } from '../components/common/PageHeader';
import { PathField } from '../components/common/PathField';
import { runningLabel, useBackupRunning } from '../components/backups/BackupRunning';
import { DatabaseCheckCard } from '../components/backups/DatabaseCheckCard';
import { RestoreDialog, type RestoreTarget } from '../components/backups/RestoreDialog';
import { formatAge, formatSize, HEALTH_LABELS, REASON_LABELS } from '../components/backups/format';
import { formatTimestamp } from '../format';
import { useLoad } from '../hooks/useLoad';

const POLL_MS = 300;

export function BackupsPage() {
  const api = useApi();
  const status = useLoad(() => api.call('backupStatus', {}), [api]);
  const [verify, setVerify] = useState(false);
  const list = useLoad(() => api.call('backupList', { verify }), [api, verify]);
  const [percent, setPercent] = useState<number | null>(null);
  const [folder, setFolder] = useState('');
  const [otherFile, setOtherFile] = useState('');
  const [restoring, setRestoring] = useState<RestoreTarget | null>(null);
  const polling = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  useEffect(() => () => clearInterval(polling.current), []);

  const reload = () => {
    status.reload();
    list.reload();
  };
  // A copy not started here (the daily one, or from the command line): its progress, and the
  // list again when it has finished.
  const other = useBackupRunning(reload);

  /** A copy runs in steps; the page asks how far it got while it waits for the answer. */
  const backUp = async (to?: string) => {
    setPercent(0);
    polling.current = setInterval(() => {
      void api.call('backupStatus', {}).then((s) => s.running && setPercent(s.running.percent), () => {});
    }, POLL_MS);
    try {
      const made: BackupCreated = await api.call('backupCreate', to === undefined ? {} : { to });
      notifyOk(`${made.path}（${formatSize(made.size)}）`, made.external ? '已备份到所选文件夹' : '已备份');
      reload();
    } catch (e) {
      notifyError(e, '备份没有完成');
    } finally {
      clearInterval(polling.current);
      setPercent(null);
    }
  };

  const restored = (r: BackupRestored) => {
    setRestoring(null);
    if (r.warning) notifyWarning(r.warning);
    notifyOk(
      r.undoBackup ? `恢复前的数据库已另存为 ${r.undoBackup.split(/[\\/]/).pop()}，需要时可用它恢复回来。` : '已恢复。',
      r.fromVersion < r.schemaVersion ? '已恢复（较早版本做的备份，已自动升级到本版）' : '已从备份恢复',
    );
    reload();
  };

  const restoreOther = () => {
    const path = otherFile.trim();
    // Whose file it is is not known before the API looks: the dialog offers the foreign choice.
    setRestoring({ path, name: path.split(/[\\/]/).pop() ?? otherFile, when: null, foreign: null });
  };

  const s = status.data;
  const busy = percent !== null;
  const elsewhere = !busy && other !== null;
  const backups = list.data?.backups ?? [];
  return (
    <Stack gap="md" data-testid="backup-page">
      <PageHeader title="备份" hint="每天第一次启动时自动备份；请定期备份到U盘，电脑坏了也不丢数据" />

      {s?.warning && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="需要备份" data-testid="backup-warning">
          {s.warning}
        </Alert>
      )}

      <SimpleGrid cols={2}>
        <Card withBorder padding="md" data-testid="backup-status">
          <Title order={5} mb={6}>
            最近一次备份
          </Title>
          {status.loading && !s && <Loader size="sm" />}
          {s && !s.lastBackup && <Text c="red">还没有备份</Text>}
          {s?.lastBackup && (
            <>
              <Text size="xl" fw={700} c={s.warning ? 'red' : 'teal.8'} data-testid="backup-age">
                {formatAge(s.lastBackup.ageDays)}
              </Text>
              <Text size="sm" c="dimmed">
                {formatTimestamp(s.lastBackup.createdAt)} · {s.lastBackup.name}
              </Text>
            </>
          )}
          {s && (
            <Text size="xs" c="dimmed" mt={6}>
              备份文件夹：{s.dir}
            </Text>
          )}
          <Group mt="md">
            <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void backUp()} loading={busy} disabled={elsewhere} data-testid="backup-now">
              立即备份
            </Button>
          </Group>
        </Card>

        <Card withBorder padding="md">
          <Title order={5} mb={6}>
            备份到U盘
          </Title>
          {s?.lastExternal ? (
            <Text size="sm">
              上次：{formatTimestamp(s.lastExternal.createdAt)}（{formatAge(s.lastExternal.ageDays)}）
            </Text>
          ) : (
            !s?.externalWarning && (
              <Text size="sm" c="dimmed">
                还没有备份到U盘。
              </Text>
            )
          )}
          {s?.externalWarning && (
            <Text size="sm" c="orange.8" mt={4} data-testid="backup-external-warning">
              {s.externalWarning}
            </Text>
          )}
          <PathField mt="sm" label="U盘上的文件夹" placeholder="例如 E:\编印台备份" value={folder} onChange={setFolder} data-testid="backup-folder">
            <Button leftSection={<IconUsb size={16} />} variant="light" disabled={!folder.trim() || busy || elsewhere} onClick={() => void backUp(folder.trim())} data-testid="backup-to-folder">
              备份到U盘…
            </Button>
          </PathField>
        </Card>
      </SimpleGrid>

      <DatabaseCheckCard check={s?.check} onChecked={() => status.reload()} />

      {busy && (
        <Stack gap={4} data-testid="backup-progress">
          <Text size="sm">正在备份… {percent}%</Text>
          <Progress value={percent ?? 0} animated />
        </Stack>
      )}
      {elsewhere && (
        <Stack gap={4} data-testid="backup-progress-other">
          <Text size="sm">
            {runningLabel(other)}
            {other.daily && <Text span size="xs" c="dimmed">（每天的自动备份，在后台进行，可以照常工作；完成后才能再备份）</Text>}
          </Text>
          {other.kind === 'backup' && <Progress value={other.percent} animated />}
        </Stack>
      )}

      <Group justify="space-between">
        <Title order={5}>数据文件夹中的备份</Title>
        <Button size="compact-sm" variant="subtle" leftSection={<IconShieldCheck size={14} />} onClick={() => (verify ? list.reload() : setVerify(true))} loading={list.loading && verify} data-testid="backup-verify">
          全面检查每一份
        </Button>
      </Group>
      {list.error && (
        <Alert color="red" title="备份列表没有载入">
          {list.error}
        </Alert>
      )}
      {list.data && backups.length === 0 && <EmptyHint title="还没有备份">点“立即备份”做第一份；以后每天第一次启动编印台时会自动备份。</EmptyHint>}
      {backups.length > 0 && (
        <Table highlightOnHover verticalSpacing={4} data-testid="backup-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>时间</Table.Th>
              <Table.Th w={100}>类型</Table.Th>
              <Table.Th w={100} ta="right">
                大小
              </Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th w={110} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <BackupRow key={b.name} b={b} onRestore={() =>
                  setRestoring({ path: b.path, name: b.name, when: formatTimestamp(b.createdAt), foreign: b.own ? false : { office: b.office, databaseId: b.databaseId } })
                } />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && !verify && backups.length > 0 && (
        <Text size="xs" c="dimmed">
          “完好”表示文件头和长度无误；恢复前会再做完整检查。点“全面检查每一份”逐一检查（较慢）。
        </Text>
      )}

      <Card withBorder padding="md">
        <Title order={5} mb={6}>
          从其他备份文件恢复
        </Title>
        <PathField label="备份文件的位置" placeholder="例如 E:\编印台备份\bulletin-20261120-170500-manual.db" value={otherFile} onChange={setOtherFile} data-testid="restore-file">
          <Button color="red" variant="light" leftSection={<IconRestore size={16} />} disabled={!otherFile.trim()} onClick={restoreOther} data-testid="restore-file-open">
            恢复…
          </Button>
        </PathField>
      </Card>

      <RestoreDialog target={restoring} onClose={() => setRestoring(null)} onRestored={restored} />
    </Stack>
  );
}

function BackupRow({ b, onRestore }: { b: BackupInfo; onRestore: () => void }) {
  const ok = b.health === 'ok';
  return (
    <Table.Tr data-testid="backup-row" data-name={b.name} data-health={b.health}>
      <Table.Td>
        <Text size="sm">{formatTimestamp(b.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={b.reason === 'daily' ? 'gray' : b.reason === 'manual' ? 'indigo' : 'grape'}>
          {REASON_LABELS[b.reason]}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{formatSize(b.size)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Badge color={ok ? 'teal' : 'red'} variant={ok ? 'light' : 'filled'} style={{ flexShrink: 0 }}>
            {HEALTH_LABELS[b.health]}
          </Badge>
          {!b.own && (
            <Badge color="orange" variant="light" style={{ flexShrink: 0 }} title={`${b.office || '未填写单位名称'}，标识 ${b.databaseId ?? '无（旧版本制作）'}`} data-testid="backup-foreign">
              {b.databaseId ? '其他数据库' : '未记录所属'}
            </Badge>
          )}
          {b.checked === 'full' && ok && (
            <Text size="xs" c="dimmed">
              已全面检查
            </Text>
          )}
          {b.problem && (
            // The archive's findings can be long: one line here, the whole text on hover.
            <Text size="xs" c="red" truncate maw={420} title={b.problem}>
              {b.problem}
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" color="red" variant="subtle" leftSection={<IconRestore size={14} />} disabled={!ok} onClick={onRestore} data-testid="backup-restore">
          恢复…
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

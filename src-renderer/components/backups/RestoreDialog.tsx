/**
 * 恢复: replacing the whole database with a backup. Everything entered after the backup was
 * made is not in it, so the user reads what will happen and types 恢复 before the button works.
 * The current database is kept as a before-restore copy, which the notice names. Another
 * database's backup (the data folder's backups/ is shared by every database in it) is refused
 * by the API unless the user ticks that it is meant, having read whose it is.
 */
import { Alert, Checkbox, Code, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupRestored } from '../../../src-main/api/ops/backups';
import { useApi } from '../../api/context';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';

export interface RestoreTarget {
  path: string;
  name: string;
  /** When the backup was made, as shown; null for a file chosen by path. */
  when: string | null;
  /** false: this database's own; an object: another database's (or one that records none); null: not known (a file chosen by path). */
  foreign: false | { office: string; databaseId: string | null } | null;
}

export interface RestoreDialogProps {
  target: RestoreTarget | null;
  onClose: () => void;
  onRestored: (r: BackupRestored) => void;
}

const WORD = '恢复';

export function RestoreDialog({ target, onClose, onRestored }: RestoreDialogProps) {
  return (
    <Modal opened={target !== null} onClose={onClose} title="从备份恢复数据库" size="lg" centered data-testid="restore-dialog">
      {target && <RestoreForm target={target} onClose={onClose} onRestored={onRestored} />}
    </Modal>
  );
}

function RestoreForm({ target, onClose, onRestored }: { target: RestoreTarget } & Omit<RestoreDialogProps, 'target'>) {
  const api = useApi();
  const [typed, setTyped] = useState('');
  const [foreign, setForeign] = useState(false);
  const { busy, error, submit } = useSubmit();

  const restore = () =>
    submit(async () => onRestored(await api.call('backupRestore', { file: target.path, confirm: true, ...(foreign ? { foreign: true } : {}) })));

  return (
    <Stack gap="md">
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title="恢复会替换整个数据库">
        <Text size="sm">
          恢复后，数据库回到这份备份{target.when ? `（${target.when}）` : ''}时的样子：此后录入的来稿、信息，编排、签发、作废的期次，都不在恢复后的数据库里。
        </Text>
        <Text size="sm" mt={6}>
          恢复前，当前数据库会先另存为一份“恢复前”备份；如果恢复错了，可以再用那份恢复回来。
        </Text>
      </Alert>
      <Text size="sm">
        备份文件：<Code>{target.name}</Code>
      </Text>
      {target.foreign && (
        <Alert color="orange" title={target.foreign.databaseId ? '这份备份属于另一个数据库' : '这份备份没有记录属于哪个数据库'} data-testid="restore-foreign">
          <Text size="sm">
            备份来自“{target.foreign.office || '未填写单位名称'}”（标识 {target.foreign.databaseId ?? '无，由旧版本制作'}）。用它恢复，本数据库的内容会换成那个数据库的内容。
          </Text>
        </Alert>
      )}
      {target.foreign !== false && target.foreign?.databaseId !== null && (
        <Checkbox
          label="我确认要使用其他数据库的备份"
          checked={foreign}
          onChange={(e) => setForeign(e.currentTarget.checked)}
          data-testid="restore-foreign-ok"
        />
      )}
      <TextInput
        label={`请输入“${WORD}”两个字确认`}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        data-autofocus
        data-testid="restore-confirm-text"
      />
      <DialogFooter
        error={error}
        errorTitle="没有恢复"
        errorTestId="restore-error"
        onCancel={onClose}
        cancelDisabled={busy}
        confirm={{ label: '用这份备份恢复', onClick: () => void restore(), busy, disabled: typed.trim() !== WORD || (target.foreign !== false && target.foreign !== null && target.foreign.databaseId !== null && !foreign), color: 'red', testId: 'restore-confirm' }}
      />
    </Stack>
  );
}

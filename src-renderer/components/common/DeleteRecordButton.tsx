/**
 * The trash icon on a hand-entered record (an adoption, an instruction, a deduction). It asks
 * first, because scores are computed from these and only a mistaken entry should go.
 */
import { ActionIcon, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconTrash } from '@tabler/icons-react';
import { attempt } from '../../api/notify';

export function DeleteRecordButton({ title, what, remove, onDeleted }: { title: string; what: string; remove: () => Promise<unknown>; onDeleted: () => void }) {
  const confirm = () =>
    modals.openConfirmModal({
      title,
      children: <Text size="sm">确定删除“{what}”吗？只应删除登记错的记录。</Text>,
      labels: { confirm: '删除', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        if (await attempt(remove, '未能删除')) onDeleted();
      },
    });
  return (
    <ActionIcon variant="subtle" color="red" aria-label="删除" onClick={confirm}>
      <IconTrash size={14} />
    </ActionIcon>
  );
}

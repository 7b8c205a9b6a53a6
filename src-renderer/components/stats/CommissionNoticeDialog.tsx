/**
 * A commission in full: the notice (date sent, requirements, deadline, contact), each unit's
 * answer, the drafts registered against it, and 导出约稿通知. Opened from a commission card and
 * from the 工作台.
 */
import { Badge, Button, Group, Loader, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { COMMISSION_STATUS_LABELS } from '../../../src-main/api/ops/scoring';
import { useApi } from '../../api/context';
import { notifyOk } from '../../api/notify';
import { formatDate } from '../../format';
import { useFollowupExports } from '../../hooks/useFollowupExports';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { DateField } from '../common/DateField';
import { DialogFooter } from '../common/DialogFooter';

export function CommissionNoticeDialog({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged?: () => void }) {
  const api = useApi();
  const detail = useLoad(() => api.call('commissionGet', { id }), [api, id]);
  const { exportNotice, busy: exporting } = useFollowupExports();
  const [date, setDate] = useState('');
  const [deadline, setDeadline] = useState('');
  const [requirements, setRequirements] = useState('');
  const [contact, setContact] = useState('');
  const [draftId, setDraftId] = useState('');
  const { busy: saving, error, submit } = useSubmit();
  const c = detail.data;

  useEffect(() => {
    if (!c) return;
    setDate(c.notice.issuedDate ?? c.createdAt.slice(0, 10));
    setDeadline(c.deadline);
    setRequirements(c.notice.requirements);
    setContact(c.notice.contact);
  }, [c]);

  const act = (action: () => Promise<unknown>, done: string) =>
    submit(async () => {
      await action();
      notifyOk(done);
      detail.reload();
      onChanged?.();
    });

  return (
    <Modal opened onClose={onClose} title={c ? `约稿“${c.topic}”` : '约稿'} size="xl" data-testid="commission-dialog">
      {!c ? (
        <Loader />
      ) : (
        <Stack gap="sm">
          <Group grow align="flex-end">
            <DateField label="发出日期" value={date} onChange={(v) => setDate(v)} data-testid="notice-date" />
            <DateField label="截止日期" value={deadline} onChange={(v) => setDeadline(v)} data-testid="notice-deadline" />
            <TextInput label="联系人及电话" value={contact} onChange={(e) => setContact(e.currentTarget.value)} data-testid="notice-contact" />
          </Group>
          <Textarea label="报送要求" autosize minRows={2} value={requirements} onChange={(e) => setRequirements(e.currentTarget.value)} data-testid="notice-requirements" />
          <Table verticalSpacing={2}>
            <Table.Tbody>
              {c.units.map((u) => (
                <Table.Tr key={u.unitId} data-testid="notice-unit" data-status={u.status}>
                  <Table.Td w={220}>{u.unit}</Table.Td>
                  <Table.Td w={110}>
                    <Badge color={u.status === 'onTime' ? 'teal' : u.status === 'pending' ? 'gray' : u.status === 'late' ? 'orange' : 'red'} variant="light">
                      {COMMISSION_STATUS_LABELS[u.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{u.answeredDate ? `${formatDate(u.answeredDate)}报送` : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {c.drafts.length > 0 && (
            <Text size="sm" c="dimmed">
              登记的来稿：{c.drafts.map((d) => `#${d.id}${d.unit ? ` ${d.unit}` : ''}“${d.title}”（${formatDate(d.receivedDate)}）`).join('；')}
            </Text>
          )}
          <Group align="flex-end" gap="xs">
            <TextInput label="把来稿登记为本次约稿的报送（来稿编号）" value={draftId} onChange={(e) => setDraftId(e.currentTarget.value.replace(/\D/g, ''))} w={300} data-testid="notice-draft" />
            <Button variant="light" disabled={!draftId || saving} onClick={() => void act(() => api.call('commissionDraft', { id, draftId: Number(draftId) }).then(() => setDraftId('')), '已登记来稿')} data-testid="notice-draft-add">
              登记来稿
            </Button>
            <Button
              variant="light"
              leftSection={<IconFileText size={16} />}
              loading={exporting}
              onClick={() => void exportNotice(id, c.topic)}
              data-testid="notice-export"
              ml="auto"
            >
              导出约稿通知
            </Button>
          </Group>
          <DialogFooter
            error={error}
            errorTitle="未能保存"
            errorTestId="notice-error"
            onCancel={onClose}
            cancelLabel="关闭"
            confirm={{
              label: '保存通知内容',
              busy: saving,
              testId: 'notice-save',
              onClick: () => void act(() => api.call('commissionNoticeSet', { id, date, deadline, requirements, contact }), '已保存约稿通知'),
            }}
          />
        </Stack>
      )}
    </Modal>
  );
}

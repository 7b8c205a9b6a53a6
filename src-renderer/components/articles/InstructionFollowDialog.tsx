/**
 * 批示督办 of one instruction: the handling unit, the deadline, the state (逾期 is shown, never
 * chosen: it follows from the deadline), progress notes, the feedback as text or a file kept as
 * sent. Opened from an item's instruction row and from the 工作台.
 */
import { Badge, Button, FileButton, Group, Loader, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { FOLLOW_STATUS_LABELS, type FollowState } from '../../../src-main/api/ops/followup';
import { LEVEL_LABELS } from '../../../src-main/api/ops/scoring';
import { useApi } from '../../api/context';
import { notifyOk } from '../../api/notify';
import { formatDate, todayIso } from '../../format';
import { useFollowupExports } from '../../hooks/useFollowupExports';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { DateField } from '../common/DateField';
import { DialogFooter } from '../common/DialogFooter';

const STATE_OPTIONS = (['todo', 'doing', 'done'] as const).map((s) => ({ value: s, label: FOLLOW_STATUS_LABELS[s] }));

async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function InstructionFollowDialog({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged?: () => void }) {
  const api = useApi();
  const f = useLoad(() => api.call('instructionFollowGet', { id }), [api, id]);
  const units = useLoad(() => api.call('unitList', {}), [api]);
  const { downloadFeedback } = useFollowupExports();
  const [unit, setUnit] = useState<string | null>(null);
  const [deadline, setDeadline] = useState('');
  const [state, setState] = useState<FollowState>('todo');
  const [note, setNote] = useState('');
  const [feedback, setFeedback] = useState('');
  const { busy: saving, error, submit } = useSubmit();
  const x = f.data;

  useEffect(() => {
    if (!x) return;
    setUnit(x.handlingUnitId === null ? null : String(x.handlingUnitId));
    setDeadline(x.deadline ?? '');
    setState(x.state);
    setFeedback(x.feedbackText);
  }, [x]);

  const act = (action: () => Promise<unknown>, done: string) =>
    submit(async () => {
      await action();
      notifyOk(done);
      f.reload();
      onChanged?.();
    });

  const save = () =>
    act(async () => {
      await api.call('instructionFollowSet', { id, state, ...(unit ? { unit: Number(unit) } : {}), ...(deadline ? { deadline } : {}) });
      if (x && feedback !== x.feedbackText) await api.call('instructionFeedback', { id, text: feedback });
    }, '已保存督办情况');

  return (
    <Modal opened onClose={onClose} title="批示督办" size="xl" data-testid="instruction-dialog">
      {!x ? (
        <Loader />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {formatDate(x.date)} {LEVEL_LABELS[x.level]}领导 {x.leader} 批示“{x.title}”{x.text ? `：${x.text}` : ''}
          </Text>
          <Group>
            <Badge color={x.status === 'overdue' ? 'red' : x.status === 'done' ? 'teal' : 'blue'} data-testid="instruction-status">
              {FOLLOW_STATUS_LABELS[x.status]}
            </Badge>
            {x.doneDate && <Text size="sm">{formatDate(x.doneDate)} 办结</Text>}
          </Group>
          <Group grow align="flex-end">
            <Select label="承办单位" searchable clearable data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))} value={unit} onChange={setUnit} data-testid="follow-unit" />
            <DateField label="办理期限" value={deadline} onChange={(v) => setDeadline(v)} data-testid="follow-deadline" />
            <Select label="办理状态" data={STATE_OPTIONS} value={state} onChange={(v) => v && setState(v as FollowState)} allowDeselect={false} data-testid="follow-state" />
          </Group>
          {x.notes.map((n) => (
            <Text key={n.id} size="sm" c="dimmed">
              {formatDate(n.date)} {n.text}
            </Text>
          ))}
          <Group align="flex-end" gap="xs">
            <TextInput label="办理进展" value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} data-testid="follow-note" />
            <Button variant="light" disabled={!note.trim() || saving} onClick={() => void act(() => api.call('instructionNote', { id, text: note, date: todayIso() }).then(() => setNote('')), '已记进展')} data-testid="follow-note-add">
              记进展
            </Button>
          </Group>
          <Textarea label="反馈情况" autosize minRows={2} value={feedback} onChange={(e) => setFeedback(e.currentTarget.value)} data-testid="follow-feedback" />
          <Group gap="xs">
            <FileButton
              onChange={(file) => {
                if (file) void act(async () => api.call('instructionFeedback', { id, base64: await fileBase64(file), fileName: file.name }), `已保存反馈材料“${file.name}”`);
              }}
            >
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconUpload size={16} />} data-testid="follow-file">
                  上传反馈材料
                </Button>
              )}
            </FileButton>
            {x.feedbackFile && (
              <Button variant="subtle" leftSection={<IconDownload size={16} />} onClick={() => void downloadFeedback(id)} data-testid="follow-file-download">
                {x.feedbackFile.name}
              </Button>
            )}
          </Group>
          <DialogFooter error={error} errorTitle="未能保存" errorTestId="follow-error" onCancel={onClose} cancelLabel="关闭" confirm={{ label: '保存', busy: saving, testId: 'follow-save', onClick: () => void save() }} />
        </Stack>
      )}
    </Modal>
  );
}

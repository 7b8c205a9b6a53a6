/**
 * 更正登记信息: a draft's unit, liaison, phone, received date and title, corrected with a reason
 * (kept in the 操作日志), also after it was used. Only the fields changed are sent. The answer
 * is shown in the dialog, because it may say that the item made from the draft was not changed
 * (printed in a signed issue, or in review) and why.
 */
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { OpInput } from '../../../src-main/api/contract';
import type { SubmissionCorrectResult, SubmissionSummary } from '../../../src-main/api/ops/submissions';
import type { Unit } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';
import { DateField } from '../common/DateField';
import { unitSearchProps } from '../common/unitSearch';

export interface SubmissionCorrectDialogProps {
  submission: SubmissionSummary | null;
  units: Unit[];
  onClose: () => void;
  /** Called once a correction is saved, so the register reloads. */
  onCorrected: () => void;
}

export function SubmissionCorrectDialog({ submission, units, onClose, onCorrected }: SubmissionCorrectDialogProps) {
  return (
    <Modal opened={submission !== null} onClose={onClose} title="更正登记信息" size="lg" centered data-testid="correct-dialog">
      {submission && <CorrectForm key={submission.id} s={submission} units={units} onClose={onClose} onCorrected={onCorrected} />}
    </Modal>
  );
}

const NO_UNIT = '';

function CorrectForm({ s, units, onClose, onCorrected }: { s: SubmissionSummary; units: Unit[]; onClose: () => void; onCorrected: () => void }) {
  const api = useApi();
  const [unit, setUnit] = useState(s.unitId === null ? NO_UNIT : String(s.unitId));
  const [liaisonName, setLiaisonName] = useState(s.liaisonName);
  const [liaisonPhone, setLiaisonPhone] = useState(s.liaisonPhone);
  const [receivedDate, setReceivedDate] = useState(s.receivedDate);
  const [title, setTitle] = useState(s.title);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<SubmissionCorrectResult | null>(null);
  const { busy, error, submit } = useSubmit();

  // A disabled unit still shows when it is the draft's own, so the form says what the register says.
  const unitOptions = [
    { value: NO_UNIT, label: '（未填单位）' },
    ...units.filter((u) => u.active || u.id === s.unitId).map((u) => ({ value: String(u.id), label: u.shortName ? `${u.name}（${u.shortName}）` : u.name })),
  ];

  const save = async () => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    const input: OpInput<'submissionCorrect'> = { id: s.id, reason };
    const unitId = unit === NO_UNIT ? null : Number(unit);
    if (unitId !== s.unitId) input.unit = unitId;
    if (liaisonName !== s.liaisonName) input.liaisonName = liaisonName;
    if (liaisonPhone !== s.liaisonPhone) input.liaisonPhone = liaisonPhone;
    if (receivedDate !== s.receivedDate) input.receivedDate = receivedDate;
    if (title !== s.title) input.title = title;
    await submit(async () => {
      setResult(await api.call('submissionCorrect', input));
      onCorrected();
    });
  };

  if (result) {
    const a = result.article;
    return (
      <Stack gap="sm" data-testid="correct-result">
        <Alert color="teal" icon={<IconCheck size={18} />} title={`已更正来稿 #${result.submission.id}`}>
          更正了：{result.corrected.join('、')}。原件保持原样。
          {a && a.followed.length > 0 && <> 由它编成的信息 #{a.id} 已随之更正：{a.followed.join('、')}。</>}
        </Alert>
        {a?.notFollowed && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="信息未改动" data-testid="correct-not-followed">
            {a.notFollowed}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="correct-done">
            完成
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        #{s.id}《{s.title}》{s.originalName ? `，原件“${s.originalName}”保持不变` : ''}。
        {s.articleId !== null && ' 已编成信息的，来稿单位和标题会随之更正（已刊登在已签发期中的信息除外）。'}
      </Text>
      <SimpleGrid cols={2} spacing="sm">
        <Select label="来稿单位" data={unitOptions} value={unit} onChange={(v) => setUnit(v ?? NO_UNIT)} allowDeselect={false} searchable {...unitSearchProps(units)} data-testid="correct-unit" />
        <DateField label="收稿日期" value={receivedDate} onChange={(v) => setReceivedDate(v)} data-testid="correct-date" />
        <TextInput label="信息员" value={liaisonName} onChange={(e) => setLiaisonName(e.currentTarget.value)} data-testid="correct-liaison" />
        <TextInput label="联系电话" value={liaisonPhone} onChange={(e) => setLiaisonPhone(e.currentTarget.value)} data-testid="correct-phone" />
      </SimpleGrid>
      <TextInput label="标题" value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="correct-title" />
      <Textarea
        label="更正原因"
        withAsterisk
        description="记入操作日志"
        placeholder="例如：文件名中的单位写错了，经电话核实为县发改局报送"
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setMissing(false);
        }}
        error={missing ? '请写明更正的原因' : undefined}
        data-autofocus
        data-testid="correct-reason"
      />
      <DialogFooter
        error={error}
        errorTitle="未能更正"
        errorTestId="correct-error"
        onCancel={onClose}
        confirm={{ label: '更正', onClick: () => void save(), busy, testId: 'correct-confirm' }}
      />
    </Stack>
  );
}

/**
 * 首次设置: the steps a new office goes through before its first issue. The answers are saved
 * as a draft whenever the step changes (so the wizard can be left and taken up again), and
 * written together by one setupComplete at the end; the API checks everything.
 */
import { Alert, Button, Checkbox, Group, Paper, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { SetupResult, SetupState } from '../../../src-main/api/ops/setup';
import { CLASSIFICATION_LABELS } from '../../../src-main/api/schemas';
import { useApi } from '../../api/context';
import { useSubmit } from '../../hooks/useSubmit';
import { fromState, stepGap, toComplete, toDraft, type Answers } from './answers';
import { ContactStep, OfficeStep, SeriesStep, type StepProps } from './SetupFields';
import { UnitsStep } from './UnitsStep';

const STEPS: { label: string; description: string }[] = [
  { label: '本单位', description: '名称和简称' },
  { label: '联系人', description: '上报包写明' },
  { label: '刊物', description: '名称和期号' },
  { label: '来稿单位', description: '各镇和部门' },
  { label: '完成', description: '核对后保存' },
];

export function SetupWizard({ state, onLeave, onDone }: { state: SetupState; onLeave: () => void; onDone: () => void }) {
  const api = useApi();
  const initial = fromState(state);
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [step, setStep] = useState(Math.min(initial.step, STEPS.length - 1));
  const [gap, setGap] = useState<string | null>(null);
  const [done, setDone] = useState<SetupResult | null>(null);
  const saving = useSubmit();
  const finishing = useSubmit();

  const set: StepProps['set'] = (key, value) => {
    setAnswers((a) => ({ ...a, [key]: value }));
    setGap(null);
  };

  /** Saves the draft at the step the user goes to; a refusal keeps them where they are. */
  const go = (to: number) =>
    saving.submit(async () => {
      if (to > step) {
        for (let s = step; s < to; s++) {
          const missing = stepGap(s, answers);
          if (missing) {
            setStep(s);
            setGap(missing);
            return;
          }
        }
      }
      await api.call('setupSave', { draft: toDraft(answers, to) });
      setGap(null);
      setStep(to);
    });

  const leave = () => saving.submit(async () => {
    await api.call('setupSave', { draft: toDraft(answers, step) });
    onLeave();
  });

  const finish = () =>
    finishing.submit(async () => {
      setDone(await api.call('setupComplete', toComplete(answers)));
    });

  const props = { answers, set };
  const body: ReactNode[] = [
    <OfficeStep key="office" {...props} />,
    <ContactStep key="contact" {...props} />,
    <SeriesStep key="series" {...props} />,
    <UnitsStep key="units" {...props} />,
    <FinishStep key="finish" {...props} />,
  ];

  return (
    <Stack maw={1180} mx="auto" p="md" gap="sm" data-testid="setup-wizard">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} c="indigo.8">
            欢迎使用政务信息编印台
          </Title>
          <Text size="sm" c="dimmed">
            第一次使用，请花几分钟完成下面几步设置。填到一半可以离开，下次打开时从这里接着填。
          </Text>
        </div>
        {!done && (
          <Button variant="subtle" color="gray" onClick={() => void leave()} data-testid="setup-later">
            稍后再设置
          </Button>
        )}
      </Group>
      <Paper withBorder p="lg" radius="md">
        <Stepper active={done ? STEPS.length : step} onStepClick={(s) => void go(s)} allowNextStepsSelect={false} size="sm" mb="lg">
          {STEPS.map((s, i) => (
            <Stepper.Step key={s.label} label={s.label} description={s.description} data-testid={`setup-step-${i}`} />
          ))}
          <Stepper.Completed>{done && <Completed result={done} onDone={onDone} />}</Stepper.Completed>
        </Stepper>
        {!done && (
          <Stack gap="md">
            <div style={{ minHeight: 330 }}>{body[step]}</div>
            {(gap ?? saving.error ?? finishing.error) && (
              <Alert color="red" title={finishing.error ? '未能完成设置' : '请先补全这一步'} styles={{ message: { whiteSpace: 'pre-line' } }} data-testid="setup-error">
                {gap ?? saving.error ?? finishing.error}
              </Alert>
            )}
            <Group justify="space-between">
              <Button variant="default" disabled={step === 0} onClick={() => void go(step - 1)} data-testid="setup-back">
                上一步
              </Button>
              {step < STEPS.length - 1 ? (
                <Button onClick={() => void go(step + 1)} loading={saving.busy} data-testid="setup-next">
                  下一步
                </Button>
              ) : (
                <Button color="green" onClick={() => void finish()} loading={finishing.busy} data-testid="setup-finish">
                  完成设置
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

function FinishStep({ answers: a, set }: StepProps) {
  const units = a.unitsText.split('\n').filter((l) => l.trim() && !/^单位名称\t/.test(l)).length;
  const rows: [string, string][] = [
    ['本单位', `${a.office}${a.shortName ? `（简称：${a.shortName}）` : ''}`],
    ['联系人', [a.contactPerson, a.phone].filter(Boolean).join('，') || '（未填，导出上报包前再补）'],
    ['刊物', `《${a.seriesName}》${a.masthead ? `，报头“${a.masthead}”` : ''}`],
    ['第一期', `第${a.firstNumber}期（总第${a.firstTotal}期）${a.continuous ? '，期号跨年连续' : '，每年从第1期起'}`],
    ['密级', `最高可刊印“${CLASSIFICATION_LABELS[a.maxClassification]}”信息；${a.mark === 'internal' ? '首页印“内部资料 注意保存”' : '首页不印密级标志'}`],
    ['版记', [a.to && `报：${a.to}`, a.cc && `送：${a.cc}`, a.down && `发：${a.down}`].filter(Boolean).join('；') || '（未填）'],
    ['来稿单位', units ? `${units} 个` : '（暂不添加）'],
  ];
  return (
    <Stack gap="sm" maw={760}>
      <Text size="sm" c="dimmed">
        请核对。点“完成设置”后这些内容一次保存；有一项不对则什么也不保存，并说明原因。
      </Text>
      <Table withTableBorder withColumnBorders fz="sm" data-testid="setup-summary">
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w={100} bg="gray.0">
                {k}
              </Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Checkbox
        checked={a.sample}
        onChange={(e) => set('sample', e.currentTarget.checked)}
        label="另建一期示例（一条示例信息编成的草稿，不占期号，熟悉流程后删除即可）"
        data-testid="setup-sample"
      />
    </Stack>
  );
}

function Completed({ result, onDone }: { result: SetupResult; onDone: () => void }) {
  const u = result.units;
  return (
    <Stack align="center" gap="sm" py="xl" data-testid="setup-done">
      <IconCircleCheck size={48} color="var(--mantine-color-green-6)" />
      <Title order={4}>设置完成</Title>
      <Text>
        《{result.series.name}》在本系统签发的第一期将是第{result.series.firstNumber}期（总第{result.series.firstTotal}期）。
      </Text>
      <Text size="sm" c="dimmed">
        来稿单位：新增 {u.added} 个{u.updated ? `，更新 ${u.updated} 个` : ''}。{result.sampleIssueId ? '示例期已放在“期刊”中（草稿）。' : ''}
        接下来：在“稿件”中写第一条信息，再到“期刊”中新建一期、编入、送审、签发。
      </Text>
      <Button onClick={onDone} data-testid="setup-start">
        开始使用
      </Button>
    </Stack>
  );
}

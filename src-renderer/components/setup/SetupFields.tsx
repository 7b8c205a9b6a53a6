/** The wizard's form steps: 本单位, 联系人, 刊物. Each field edits one answer; nothing is saved here. */
import { Group, NumberInput, Radio, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { CLASSIFICATIONS, CLASSIFICATION_LABELS, type Classification } from '../../../src-main/api/schemas';
import type { Answers } from './answers';

export interface StepProps {
  answers: Answers;
  set: <K extends keyof Answers>(key: K, value: Answers[K]) => void;
}

const text = (p: StepProps, key: 'office' | 'shortName' | 'contactPerson' | 'phone' | 'seriesName' | 'masthead' | 'to' | 'cc' | 'down') => ({
  value: p.answers[key],
  onChange: (e: React.ChangeEvent<HTMLInputElement>) => p.set(key, e.currentTarget.value),
});

export function OfficeStep(p: StepProps) {
  return (
    <Stack gap="md" maw={620}>
      <Text size="sm" c="dimmed">
        本单位是编印刊物、向上级报送信息的单位（一般是县政府办公室），与各镇、各部门这些“来稿单位”相区别。
      </Text>
      <TextInput label="本单位全称" withAsterisk placeholder="城关县人民政府办公室" {...text(p, 'office')} data-autofocus data-testid="setup-office" />
      <TextInput
        label="本单位简称"
        description="用在上报包文件名的开头，如 城关县政府办_政务信息_2026第12期.zip；不填则用全称"
        placeholder="城关县政府办"
        {...text(p, 'shortName')}
        data-testid="setup-short-name"
      />
    </Stack>
  );
}

export function ContactStep(p: StepProps) {
  return (
    <Stack gap="md" maw={620}>
      <Text size="sm" c="dimmed">
        上报包（报市政府办公室的信息包）的清单和每条信息的页脚都会写明联系人和电话，便于上级回电核实。以后可在“上报”页上方修改。
      </Text>
      <Group grow>
        <TextInput label="联系人" placeholder="王某某" {...text(p, 'contactPerson')} data-testid="setup-contact" />
        <TextInput label="联系电话" placeholder="0000-1234567" {...text(p, 'phone')} data-testid="setup-phone" />
      </Group>
      <Text size="xs" c="dimmed">
        暂时不清楚可以先空着；导出上报包前再补上。
      </Text>
    </Stack>
  );
}

const LEVELS = CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }));

export function SeriesStep(p: StepProps) {
  const { answers: a, set } = p;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="md" verticalSpacing="xs">
        <TextInput label="刊物名称" withAsterisk placeholder="城关县政务信息" {...text(p, 'seriesName')} data-autofocus data-testid="setup-series-name" />
        <TextInput label="报头" description="印在首页的红色大字；不填则用刊物名称" placeholder="政务信息" {...text(p, 'masthead')} data-testid="setup-masthead" />
      </SimpleGrid>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <Text size="sm" pb={8}>
          在本系统签发的第一期是
        </Text>
        <NumberInput label="期号" w={110} min={1} value={a.firstNumber} onChange={(v) => set('firstNumber', v)} prefix="第" suffix="期" data-testid="setup-first-number" />
        <NumberInput label="总期号" w={130} min={1} value={a.firstTotal} onChange={(v) => set('firstTotal', v)} prefix="总第" suffix="期" data-testid="setup-first-total" />
        <Switch pb={8} label="期号跨年连续" checked={a.continuous} onChange={(e) => set('continuous', e.currentTarget.checked)} data-testid="setup-continuous" />
      </Group>
      <Text size="xs" c="dimmed">
        接续纸质刊物：如今年已印到第36期、总第411期，就填 37 和 412。一期签发后这两个数不能再改。不跨年连续时，每年1月1日起从第1期重新编号。
      </Text>
      <Group gap="xl" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            可刊印的最高密级
          </Text>
          <SegmentedControl data={LEVELS} value={a.maxClassification} onChange={(v) => set('maxClassification', v as Classification)} data-testid="setup-level" />
        </Stack>
        <Radio.Group label="首页左上角" value={a.mark} onChange={(v) => set('mark', v as Answers['mark'])}>
          <Group gap="md" mt={6}>
            <Radio value="internal" label="印“内部资料 注意保存”" data-testid="setup-mark-internal" />
            <Radio value="none" label="不印" data-testid="setup-mark-none" />
          </Group>
        </Radio.Group>
      </Group>
      <Text size="sm" fw={500} mt={4}>
        版记（末页的报送范围，多个单位用逗号分隔，以后可在“设置”中修改）
      </Text>
      <SimpleGrid cols={3} spacing="md">
        <TextInput label="报：" placeholder="市政府办公室" {...text(p, 'to')} data-testid="setup-to" />
        <TextInput label="送：" placeholder="县委办公室，县人大常委会办公室" {...text(p, 'cc')} data-testid="setup-cc" />
        <TextInput label="发：" placeholder="各镇人民政府，县直各单位" {...text(p, 'down')} data-testid="setup-down" />
      </SimpleGrid>
    </Stack>
  );
}

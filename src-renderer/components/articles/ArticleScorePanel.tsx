/**
 * 采用与批示, under an item in the editor: where it was adopted (our own series come from the
 * signed issue by themselves), the leaders' instructions on it, and, for a combined item, the
 * further units that share its points. Entered here because the editor is where the item is found.
 */
import { Accordion, Badge, Button, Group, MultiSelect, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  ADOPTION_KIND_LABELS,
  KINDS_BY_LEVEL,
  LEVELS,
  LEVEL_LABELS,
  type AdoptionEntry,
  type AdoptionKind,
  type InstructionEntry,
  type Level,
} from '../../../src-main/api/ops/scoring';
import { useApi } from '../../api/context';
import { attempt, notifyOk } from '../../api/notify';
import { formatDate, todayIso } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { DeleteRecordButton } from '../common/DeleteRecordButton';
import { DateField } from '../common/DateField';
import { InstructionFollowDialog } from './InstructionFollowDialog';

const LEVEL_OPTIONS = LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }));

export function ArticleScorePanel({ articleId }: { articleId: number }) {
  const api = useApi();
  const adoptions = useLoad(() => api.call('adoptionList', { articleId, limit: 1000 }).then((p) => p.rows), [api, articleId]);
  const instructions = useLoad(() => api.call('instructionList', { articleId, limit: 1000 }).then((p) => p.rows), [api, articleId]);
  const count = (adoptions.data?.length ?? 0) + (instructions.data?.length ?? 0);
  return (
    <Accordion variant="contained" data-testid="article-score-panel">
      <Accordion.Item value="score">
        <Accordion.Control>
          <Group gap="xs">
            <Text fw={600} size="sm">
              采用与批示
            </Text>
            {count > 0 && (
              <Badge size="sm" variant="light">
                {adoptions.data?.length ?? 0} 次采用 · {instructions.data?.length ?? 0} 次批示
              </Badge>
            )}
          </Group>
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            <Records
              adoptions={adoptions.data ?? []}
              instructions={instructions.data ?? []}
              onChanged={() => {
                adoptions.reload();
                instructions.reload();
              }}
            />
            <AddAdoption articleId={articleId} onAdded={adoptions.reload} />
            <AddInstruction articleId={articleId} onAdded={instructions.reload} />
            <CombinedUnits articleId={articleId} />
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function Records({
  adoptions,
  instructions,
  onChanged,
}: {
  adoptions: AdoptionEntry[];
  instructions: InstructionEntry[];
  onChanged: () => void;
}) {
  const api = useApi();
  // 批示督办 of one instruction, in its dialog (issue 16)
  const [following, setFollowing] = useState<number | null>(null);
  if (!adoptions.length && !instructions.length) {
    return (
      <Text size="sm" c="dimmed">
        还没有采用或批示记录。本系统刊物签发后自动记为县级采用；上级刊物采用和领导批示请在下面登记。
      </Text>
    );
  }
  return (
    <>
    {following !== null && <InstructionFollowDialog id={following} onClose={() => setFollowing(null)} />}
    <Table verticalSpacing={2} data-testid="article-score-records">
      <Table.Tbody>
        {adoptions.map((a, i) => (
          <Table.Tr key={`a${a.id ?? `i${i}`}`} data-testid="adoption-row">
            <Table.Td w={120}>{formatDate(a.date)}</Table.Td>
            <Table.Td>
              《{a.publication}》{a.issueRef} 采用
            </Table.Td>
            <Table.Td w={150}>
              <Badge variant="light" color={a.level === 'province' ? 'red' : a.level === 'city' ? 'orange' : 'indigo'}>
                {LEVEL_LABELS[a.level]}·{ADOPTION_KIND_LABELS[a.kind]}
              </Badge>
            </Table.Td>
            <Table.Td w={40}>
              {a.id === null ? (
                <Text size="xs" c="dimmed" title="签发时自动计入；作废该期即撤销">
                  自动
                </Text>
              ) : (
                <DeleteRecordButton title="删除记录" what={`《${a.publication}》采用`} remove={() => api.call('adoptionDelete', { id: a.id! })} onDeleted={onChanged} />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
        {instructions.map((ins) => (
          <Table.Tr key={`i${ins.id}`} data-testid="instruction-row">
            <Table.Td>{formatDate(ins.date)}</Table.Td>
            <Table.Td>
              {ins.leader} 批示{ins.text ? `：${ins.text}` : ''}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color="grape">
                {LEVEL_LABELS[ins.level]}领导批示
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" variant="light" onClick={() => setFollowing(ins.id)} data-testid="instruction-follow">
                  督办
                </Button>
                <DeleteRecordButton title="删除记录" what={`${ins.leader}批示`} remove={() => api.call('instructionDelete', { id: ins.id })} onDeleted={onChanged} />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
    </>
  );
}

function AddAdoption({ articleId, onAdded }: { articleId: number; onAdded: () => void }) {
  const api = useApi();
  const [publication, setPublication] = useState('');
  const [level, setLevel] = useState<Level>('city');
  const [kind, setKind] = useState<AdoptionKind>('single');
  const [date, setDate] = useState(todayIso());
  const [ref, setRef] = useState('');
  const kinds = KINDS_BY_LEVEL[level] as readonly AdoptionKind[];
  const add = async () => {
    const a = await attempt(() => api.call('adoptionAdd', { articleId, publication, level, kind, date, issueRef: ref }), '未能登记采用');
    if (!a) return;
    notifyOk(`已登记：《${a.publication}》采用（${LEVEL_LABELS[a.level]}·${ADOPTION_KIND_LABELS[a.kind]}）`);
    setPublication('');
    setRef('');
    onAdded();
  };
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput label="采用刊物" placeholder="如：政务信息快报" value={publication} onChange={(e) => setPublication(e.currentTarget.value)} style={{ flex: 1 }} data-testid="adoption-publication" />
      <Select
        label="级别"
        data={LEVEL_OPTIONS}
        value={level}
        onChange={(v) => {
          if (!v) return;
          setLevel(v as Level);
          if (!(KINDS_BY_LEVEL[v as Level] as readonly AdoptionKind[]).includes(kind)) setKind('single');
        }}
        allowDeselect={false}
        w={90}
        data-testid="adoption-level"
      />
      <Select label="类型" data={kinds.map((k) => ({ value: k, label: ADOPTION_KIND_LABELS[k] }))} value={kind} onChange={(v) => v && setKind(v as AdoptionKind)} allowDeselect={false} w={150} data-testid="adoption-kind" />
      <TextInput label="期号" placeholder="如：第15期" value={ref} onChange={(e) => setRef(e.currentTarget.value)} w={120} data-testid="adoption-ref" />
      <DateField label="采用日期" value={date} onChange={(v) => setDate(v)} w={160} data-testid="adoption-date" />
      <Button variant="light" onClick={() => void add()} data-testid="adoption-add">
        登记采用
      </Button>
    </Group>
  );
}

function AddInstruction({ articleId, onAdded }: { articleId: number; onAdded: () => void }) {
  const api = useApi();
  const [level, setLevel] = useState<Level>('county');
  const [leader, setLeader] = useState('');
  const [date, setDate] = useState(todayIso());
  const [text, setText] = useState('');
  const add = async () => {
    const i = await attempt(() => api.call('instructionAdd', { articleId, level, leader, date, text }), '未能登记批示');
    if (!i) return;
    notifyOk(`已登记：${i.leader}（${LEVEL_LABELS[i.level]}）批示`);
    setLeader('');
    setText('');
    onAdded();
  };
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput label="批示领导" placeholder="如：县长张某某" value={leader} onChange={(e) => setLeader(e.currentTarget.value)} w={170} data-testid="instruction-leader" />
      <Select label="级别" data={LEVEL_OPTIONS} value={level} onChange={(v) => v && setLevel(v as Level)} allowDeselect={false} w={90} data-testid="instruction-level" />
      <Textarea label="批示内容（可不填）" value={text} onChange={(e) => setText(e.currentTarget.value)} rows={1} style={{ flex: 1 }} data-testid="instruction-text" />
      <DateField label="批示日期" value={date} onChange={(v) => setDate(v)} w={160} data-testid="instruction-date" />
      <Button variant="light" onClick={() => void add()} data-testid="instruction-add">
        登记批示
      </Button>
    </Group>
  );
}

function CombinedUnits({ articleId }: { articleId: number }) {
  const api = useApi();
  const units = useLoad(() => api.call('unitList', {}), [api]);
  const current = useLoad(() => api.call('articleUnitsGet', { id: articleId }), [api, articleId]);
  const [value, setValue] = useState<string[] | null>(null);
  const shown = value ?? (current.data?.extra ?? []).map((u) => String(u.id));
  const save = async () => {
    const r = await attempt(() => api.call('articleSetUnits', { id: articleId, unitIds: shown.map(Number) }), '未能保存合报单位');
    if (!r) return;
    notifyOk(r.extra.length ? `合报单位：${r.extra.map((u) => u.name).join('、')}；采用时每个单位按综合信息计分` : '已取消合报单位');
    setValue(null);
    current.reload();
  };
  const options = (units.data ?? []).filter((u) => u.id !== current.data?.unitId).map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <MultiSelect
        label="合报单位（综合多个单位材料的信息）"
        placeholder={shown.length ? '' : '无'}
        data={options}
        value={shown}
        onChange={setValue}
        searchable
        clearable
        style={{ flex: 1 }}
        data-testid="article-extra-units"
      />
      <Button variant="default" onClick={() => void save()} disabled={value === null} data-testid="article-extra-units-save">
        保存合报单位
      </Button>
    </Group>
  );
}

/**
 * 来稿单位: the towns, streets and departments that send drafts. A unit is disabled rather than
 * deleted, so years-old items keep their source; disabled units leave the pick lists. Each has
 * a name, a short name (简称) and aliases (别称), by any of which import, search and the command
 * find it; none may be another unit's.
 */
import { ActionIcon, Button, Group, Select, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../src-main/api/schemas';
import type { OpInput } from '../../../src-main/api/contract';
import type { Unit } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { attempt, notifyOk } from '../../api/notify';
import { useLoad } from '../../hooks/useLoad';
import { EmptyHint } from '../common/EmptyHint';
import { UnitSheetButtons } from './UnitSheetButtons';

const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));

export function UnitsPanel() {
  const api = useApi();
  const units = useLoad(() => api.call('unitList', { includeInactive: true }), [api]);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [shortName, setShortName] = useState('');
  const [aliases, setAliases] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);

  const add = async () => {
    const u = await attempt(
      () => api.call('unitAdd', { name, ...(kind ? { kind } : {}), ...(shortName.trim() ? { shortName } : {}), ...(aliases.trim() ? { aliases } : {}) }),
      '未能添加',
    );
    if (!u) return;
    notifyOk(`已添加来稿单位“${u.name}”（${UNIT_KIND_LABELS[u.kind]}）`);
    setName('');
    setKind(null);
    setShortName('');
    setAliases('');
    units.reload();
  };

  const update = async (input: OpInput<'unitUpdate'>) => {
    const u = await attempt(() => api.call('unitUpdate', input), '未能修改');
    if (u) units.reload();
    return u;
  };

  const save = async (e: Editing) => {
    const r = await update({ unit: e.id, name: e.name, shortName: e.shortName, aliases: e.aliases });
    if (r) setEditing(null);
  };

  const list = units.data ?? [];
  return (
    <>
      <Group align="flex-end" gap="xs" mb="md">
        <TextInput
          label="单位名称"
          placeholder="例如：城关镇、县发改局"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && void add()}
          w={260}
          data-testid="unit-name"
        />
        <TextInput label="简称" placeholder="可不填" value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} w={130} data-testid="unit-short" />
        <TextInput label="别称" placeholder="多个用顿号隔开" value={aliases} onChange={(e) => setAliases(e.currentTarget.value)} w={180} data-testid="unit-aliases" />
        <Select label="类型" placeholder="按名称自动判断" data={KIND_OPTIONS} value={kind} onChange={(v) => setKind(v as UnitKind | null)} clearable w={170} data-testid="unit-kind" />
        <Button leftSection={<IconPlus size={16} />} onClick={() => void add()} data-testid="unit-add">
          添加单位
        </Button>
        <UnitSheetButtons onImported={units.reload} />
      </Group>

      {units.data && list.length === 0 && (
        <EmptyHint title="还没有来稿单位">在上面输入单位名称（如“城关镇”“县发改局”）后点“添加单位”。录入稿件时从这份名单中选择来稿单位。</EmptyHint>
      )}
      {list.length > 0 && (
        <Table layout="fixed" verticalSpacing={4} maw={980} data-testid="unit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>名称 / 简称 / 别称</Table.Th>
              <Table.Th w={160}>类型</Table.Th>
              <Table.Th w={110}>启用</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((u: Unit) => (
              <Table.Tr key={u.id} data-testid="unit-row" data-id={u.id} style={{ opacity: u.active ? 1 : 0.6 }}>
                <Table.Td>
                  {editing?.id === u.id ? (
                    <NamesEditor value={editing} onChange={setEditing} onSave={() => void save(editing)} onCancel={() => setEditing(null)} />
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" truncate>
                        {u.name}
                        {u.shortName && (
                          <Text span size="xs" c="dimmed" data-testid="unit-short-shown">
                            {'  '}简称：{u.shortName}
                          </Text>
                        )}
                        {u.aliases.length > 0 && (
                          <Text span size="xs" c="dimmed" data-testid="unit-aliases-shown">
                            {'  '}别称：{u.aliases.join('、')}
                          </Text>
                        )}
                      </Text>
                      <Tooltip label="修改名称、简称、别称" openDelay={300}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="sm"
                          aria-label="修改名称、简称、别称"
                          onClick={() => setEditing({ id: u.id, name: u.name, shortName: u.shortName ?? '', aliases: u.aliases.join('、') })}
                          data-testid="unit-rename"
                        >
                          <IconPencil size={14} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select size="xs" data={KIND_OPTIONS} value={u.kind} allowDeselect={false} onChange={(v) => v && void update({ unit: u.id, kind: v as UnitKind })} />
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={u.active}
                    label={u.active ? '启用' : '已停用'}
                    onChange={(e) => void update({ unit: u.id, active: e.currentTarget.checked })}
                    data-testid="unit-active"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

interface Editing {
  id: number;
  name: string;
  shortName: string;
  /** As typed: separated by 、，, or ; — the API splits it. */
  aliases: string;
}

function NamesEditor({ value, onChange, onSave, onCancel }: { value: Editing; onChange: (e: Editing) => void; onSave: () => void; onCancel: () => void }) {
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') onCancel();
    if (e.key === 'Enter') onSave();
  };
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput size="xs" value={value.name} onChange={(e) => onChange({ ...value, name: e.currentTarget.value })} onKeyDown={keys} autoFocus style={{ flex: 2 }} aria-label="名称" data-testid="unit-rename-input" />
      <TextInput size="xs" placeholder="简称" value={value.shortName} onChange={(e) => onChange({ ...value, shortName: e.currentTarget.value })} onKeyDown={keys} style={{ flex: 1 }} aria-label="简称" data-testid="unit-short-input" />
      <TextInput size="xs" placeholder="别称，顿号隔开" value={value.aliases} onChange={(e) => onChange({ ...value, aliases: e.currentTarget.value })} onKeyDown={keys} style={{ flex: 2 }} aria-label="别称" data-testid="unit-aliases-input" />
      <ActionIcon variant="light" aria-label="保存" onClick={onSave} data-testid="unit-names-save">
        <IconCheck size={16} />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray" aria-label="取消" onClick={onCancel}>
        <IconX size={16} />
      </ActionIcon>
    </Group>
  );
}

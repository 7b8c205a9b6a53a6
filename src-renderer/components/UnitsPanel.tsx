/**
 * 报送单位: the towns, streets and departments that send drafts. A unit is disabled rather than
 * deleted, so years-old items keep their source; disabled units leave the pick lists.
 */
import { ActionIcon, Button, Group, Select, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../src-main/api/schemas';
import type { Unit } from '../../src-main/api/types';
import { useApi } from '../api/context';
import { attempt, notifyOk } from '../api/notify';
import { useLoad } from '../hooks/useLoad';
import { EmptyHint } from './EmptyHint';

const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));

export function UnitsPanel() {
  const api = useApi();
  const units = useLoad(() => api.call('unitList', { includeInactive: true }), [api]);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);

  const add = async () => {
    const u = await attempt(() => api.call('unitAdd', { name, ...(kind ? { kind } : {}) }), '未能添加');
    if (!u) return;
    notifyOk(`已添加报送单位“${u.name}”（${UNIT_KIND_LABELS[u.kind]}）`);
    setName('');
    setKind(null);
    units.reload();
  };

  const update = async (input: { unit: number; name?: string; kind?: UnitKind; active?: boolean }) => {
    const u = await attempt(() => api.call('unitUpdate', input), '未能修改');
    if (u) units.reload();
    return u;
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
        <Select label="类型" placeholder="按名称自动判断" data={KIND_OPTIONS} value={kind} onChange={(v) => setKind(v as UnitKind | null)} clearable w={170} data-testid="unit-kind" />
        <Button leftSection={<IconPlus size={16} />} onClick={() => void add()} data-testid="unit-add">
          添加单位
        </Button>
      </Group>

      {units.data && list.length === 0 && (
        <EmptyHint title="还没有报送单位">在上面输入单位名称（如“城关镇”“县发改局”）后点“添加单位”。录入稿件时从这份名单中选择报送单位。</EmptyHint>
      )}
      {list.length > 0 && (
        <Table layout="fixed" verticalSpacing={4} maw={760} data-testid="unit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>名称</Table.Th>
              <Table.Th w={160}>类型</Table.Th>
              <Table.Th w={110}>启用</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((u: Unit) => (
              <Table.Tr key={u.id} data-testid="unit-row" data-id={u.id} style={{ opacity: u.active ? 1 : 0.6 }}>
                <Table.Td>
                  {editing?.id === u.id ? (
                    <Group gap={4} wrap="nowrap">
                      <TextInput
                        size="xs"
                        value={editing.name}
                        onChange={(e) => setEditing({ id: u.id, name: e.currentTarget.value })}
                        onKeyDown={(e) => {
                          if (e.key === 'Escape') setEditing(null);
                          if (e.key === 'Enter') void update({ unit: u.id, name: editing.name }).then((r) => r && setEditing(null));
                        }}
                        autoFocus
                        style={{ flex: 1 }}
                        data-testid="unit-rename-input"
                      />
                      <ActionIcon variant="light" aria-label="保存名称" onClick={() => void update({ unit: u.id, name: editing.name }).then((r) => r && setEditing(null))}>
                        <IconCheck size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="gray" aria-label="取消" onClick={() => setEditing(null)}>
                        <IconX size={16} />
                      </ActionIcon>
                    </Group>
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" truncate>
                        {u.name}
                      </Text>
                      <Tooltip label="改名" openDelay={300}>
                        <ActionIcon variant="subtle" color="gray" size="sm" aria-label="改名" onClick={() => setEditing({ id: u.id, name: u.name })} data-testid="unit-rename">
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

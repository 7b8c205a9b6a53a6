/**
 * 新增单位 from where a unit is picked (the import dialog): a town or department that sends its
 * first draft (河口乡) is added on the spot, with its short name and aliases, and picked at once.
 */
import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../src-main/api/schemas';
import type { Unit } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';

export interface NewUnitDialogProps {
  opened: boolean;
  /** A name to start from, e.g. the first part of the file name. */
  suggestion?: string;
  onClose: () => void;
  onAdded: (u: Unit) => void;
}

export function NewUnitDialog({ opened, suggestion, onClose, onAdded }: NewUnitDialogProps) {
  return (
    // Above the import dialog it is opened from.
    <Modal opened={opened} onClose={onClose} title="新增来稿单位" centered zIndex={400} data-testid="new-unit-dialog">
      {opened && <NewUnitForm suggestion={suggestion ?? ''} onClose={onClose} onAdded={onAdded} />}
    </Modal>
  );
}

function NewUnitForm({ suggestion, onClose, onAdded }: { suggestion: string; onClose: () => void; onAdded: (u: Unit) => void }) {
  const api = useApi();
  const [name, setName] = useState(suggestion);
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [shortName, setShortName] = useState('');
  const [aliases, setAliases] = useState('');
  const { busy, error, submit } = useSubmit();

  const add = () =>
    submit(async () => {
      const u = await api.call('unitAdd', { name, ...(kind ? { kind } : {}), ...(shortName.trim() ? { shortName } : {}), ...(aliases.trim() ? { aliases } : {}) });
      onAdded(u);
    });

  return (
    <Stack gap="sm">
      <TextInput
        label="单位名称"
        withAsterisk
        placeholder="例如：河口乡"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && void add()}
        data-autofocus
        data-testid="new-unit-name"
      />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="简称" placeholder="可不填" value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} data-testid="new-unit-short" />
        <Select
          label="类型"
          placeholder="按名称自动判断"
          data={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
          value={kind}
          onChange={(v) => setKind(v as UnitKind | null)}
          clearable
          comboboxProps={{ zIndex: 410 }}
        />
      </SimpleGrid>
      <TextInput
        label="别称"
        description="文件名里常见的其他写法，多个用顿号或逗号隔开"
        placeholder="可不填"
        value={aliases}
        onChange={(e) => setAliases(e.currentTarget.value)}
        data-testid="new-unit-aliases"
      />
      <DialogFooter
        error={error}
        errorTitle="未能新增单位"
        errorTestId="new-unit-error"
        onCancel={onClose}
        confirm={{ label: '新增并选用', onClick: () => void add(), busy, testId: 'new-unit-confirm' }}
      />
    </Stack>
  );
}

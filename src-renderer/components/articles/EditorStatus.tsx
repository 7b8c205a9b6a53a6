/** The editor's head-line parts: 返回列表, what has been saved, and the offer of a kept text. */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconArrowLeft, IconRestore } from '@tabler/icons-react';
import { clockTime, formatTimestamp } from '../../format';

export type SaveStatus =
  | { kind: 'clean' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; auto: boolean }
  | { kind: 'error'; message: string };

export function BackButton({ onClose }: { onClose: () => void }) {
  return (
    <Button variant="default" size="sm" leftSection={<IconArrowLeft size={16} />} onClick={onClose} data-testid="editor-back">
      返回列表
    </Button>
  );
}

export function SaveStatusText({ status, dirty, isNew, readOnly }: { status: SaveStatus; dirty: boolean; isNew: boolean; readOnly: boolean }) {
  const props = { size: 'sm', 'data-testid': 'save-status', style: { whiteSpace: 'nowrap' as const, overflow: 'hidden', textOverflow: 'ellipsis' } };
  if (readOnly) return <Text {...props} c="dimmed">只读</Text>;
  if (status.kind === 'saving') return <Text {...props} c="dimmed">保存中…</Text>;
  if (status.kind === 'error')
    return (
      <Text {...props} c="red" title={status.message}>
        保存失败：{status.message}
      </Text>
    );
  if (dirty) return <Text {...props} c="dimmed">{isNew ? '填写标题后自动保存（已输入的内容暂存在本机）' : '有改动，停止输入后自动保存'}</Text>;
  if (status.kind === 'saved') return <Text {...props} c="teal">{status.auto ? '已自动保存' : '已保存'} {clockTime(status.at)}</Text>;
  return null;
}

/** A kept text for this editor that differs from what is saved: put it back, or drop it. */
export function DraftOffer({ savedAt, onRestore, onDrop }: { savedAt: string; onRestore: () => void; onDrop: () => void }) {
  return (
    <Alert color="blue" icon={<IconRestore size={18} />} py="xs" data-testid="draft-offer">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">发现未保存的内容（暂存于 {formatTimestamp(savedAt)}），恢复？</Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-sm" variant="default" onClick={onDrop} data-testid="draft-offer-drop">
            放弃
          </Button>
          <Button size="compact-sm" onClick={onRestore} data-testid="draft-offer-restore">
            恢复
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}

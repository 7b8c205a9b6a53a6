/**
 * The items of a draft issue in print order. Drag by the handle, or use ↑ ↓ (keyboard users,
 * tests); both hand the whole new order to `onReorder`. While that call runs the dragged order
 * is shown, and the list then follows whatever the API answered.
 */
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Checkbox, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { IssueArticle } from '../../../src-main/api/types';
import { ClassificationBadge } from '../common/Badges';
import { DRAG_INSTRUCTIONS, dragAnnouncements } from './dndChinese';

export interface IssueItemListProps {
  items: IssueArticle[];
  busy: boolean;
  onReorder: (articleIds: number[]) => Promise<void>;
  onRemove: (articleId: number) => void;
  /** Marks an item as a 简讯 in this issue (it then scores under the brief rule), or unmarks it. */
  onBrief: (articleId: number, brief: boolean) => void;
}

export function IssueItemList({ items, busy, onReorder, onRemove, onBrief }: IssueItemListProps) {
  const [dragged, setDragged] = useState<{ base: IssueArticle[]; ids: number[] } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byId = new Map(items.map((a) => [a.id, a]));
  const ordered = dragged && dragged.base === items ? dragged.ids.map((id) => byId.get(id)!).filter(Boolean) : items;
  const ids = ordered.map((a) => a.id);

  const commit = (next: number[]) => {
    setDragged({ base: items, ids: next });
    void onReorder(next).finally(() => setDragged(null));
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length) return;
    commit(arrayMove(ids, from, to));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    commit(arrayMove(ids, ids.indexOf(Number(active.id)), ids.indexOf(Number(over.id))));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: DRAG_INSTRUCTIONS,
        announcements: dragAnnouncements((id) => byId.get(Number(id))?.title ?? '', (id) => ids.indexOf(Number(id)) + 1),
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <Stack gap={4} data-testid="issue-items">
          {ordered.map((a, i) => (
            <SortableRow key={a.id} item={a} index={i} last={i === ordered.length - 1} busy={busy} onMove={move} onRemove={onRemove} onBrief={onBrief} />
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({
  item,
  index,
  last,
  busy,
  onMove,
  onRemove,
  onBrief,
}: {
  item: IssueArticle;
  index: number;
  last: boolean;
  busy: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (articleId: number) => void;
  onBrief: (articleId: number, brief: boolean) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: busy });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p={6}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1, background: 'var(--mantine-color-body)' }}
      data-testid="issue-item"
      data-id={item.id}
    >
      <Group gap={6} wrap="nowrap">
        <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" style={{ cursor: 'grab' }} aria-label="拖动调整顺序" {...attributes} {...listeners}>
          <IconGripVertical size={16} />
        </ActionIcon>
        <Text size="sm" fw={600} w={22} ta="right" style={{ flex: 'none' }}>
          {index + 1}.
        </Text>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" lineClamp={2} title={item.title} data-testid="issue-item-title">
            {item.title}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate>
              {item.unit ?? '无单位'}
            </Text>
            {item.classification !== 'public' && <ClassificationBadge classification={item.classification} />}
          </Group>
        </div>
        <Tooltip label="标为简讯：本条按“简讯”规则计分（不标则按本刊的计分规则）" openDelay={400}>
          <Checkbox
            size="xs"
            label="简讯"
            checked={item.brief}
            disabled={busy}
            onChange={(e) => onBrief(item.id, e.currentTarget.checked)}
            style={{ flex: 'none' }}
            data-testid="item-brief"
          />
        </Tooltip>
        <Group gap={0} wrap="nowrap" style={{ flex: 'none' }}>
          <Tooltip label="上移" openDelay={400}>
            <ActionIcon variant="subtle" disabled={busy || index === 0} onClick={() => onMove(index, index - 1)} aria-label="上移" data-testid="move-up">
              <IconArrowUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="下移" openDelay={400}>
            <ActionIcon variant="subtle" disabled={busy || last} onClick={() => onMove(index, index + 1)} aria-label="下移" data-testid="move-down">
              <IconArrowDown size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="移出本期（稿件仍保留）" openDelay={400}>
            <ActionIcon variant="subtle" color="red" disabled={busy} onClick={() => onRemove(item.id)} aria-label="移出本期" data-testid="remove-item">
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
}

/**
 * What a screen reader says while an item is dragged in the list: @dnd-kit speaks
 * English by default ("Picked up draggable item 3…"); here it names the item by its title and
 * its place in print order, in Chinese.
 */
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';

export const DRAG_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable: '按空格键或回车键拿起这条信息，用上下方向键移动，再按空格键或回车键放下；按 Esc 键取消。',
};

export function dragAnnouncements(titleOf: (id: string | number) => string, placeOf: (id: string | number) => number): Announcements {
  const named = (id: string | number) => `“${titleOf(id)}”`;
  return {
    onDragStart: ({ active }) => `已拿起${named(active.id)}，现在是第 ${placeOf(active.id)} 条。`,
    onDragOver: ({ active, over }) => (over ? `${named(active.id)}移到第 ${placeOf(over.id)} 条的位置。` : `${named(active.id)}已离开列表。`),
    onDragEnd: ({ active, over }) => (over ? `已放下${named(active.id)}，排在第 ${placeOf(over.id)} 条。` : `已放下${named(active.id)}，顺序未变。`),
    onDragCancel: ({ active }) => `已取消移动${named(active.id)}，顺序未变。`,
  };
}

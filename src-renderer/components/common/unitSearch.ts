/**
 * What every unit box adds to Mantine's Select / MultiSelect: options found by name, short name
 * or alias, best first (api/unit-match.ts), and the best one already highlighted while typing,
 * so Enter after 白沙 picks 白沙镇 instead of leaving the box empty.
 */
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter, Primitive } from '@mantine/core';
import type { Unit } from '../../../src-main/api/types';
import { rankUnits } from '../../../src-main/api/unit-match';

const isItem = <V extends Primitive>(o: ComboboxParsedItem<V>): o is ComboboxItem<V> => 'value' in o;

/** V: the option values' type (a unit's id as number or as text). */
export function unitSearchProps<V extends Primitive = string>(units: readonly Unit[]) {
  const byId = new Map(units.map((u) => [String(u.id), u]));
  const filter: OptionsFilter<V> = ({ options, search }) => {
    const items = options.filter((o) => isItem(o));
    const q = search.trim();
    if (!q) return items;
    // An option that is no unit (未填单位) is found by its own words.
    const plain = items.filter((o) => !byId.has(String(o.value)) && o.label.includes(q));
    const ranked = rankUnits(
      q,
      items.flatMap((o) => {
        const u = byId.get(String(o.value));
        return u ? [{ ...u, option: o }] : [];
      }),
    );
    return [...ranked.map((r) => r.option), ...plain];
  };
  return { filter, selectFirstOptionOnChange: true, nothingFoundMessage: '没有这个单位，可在“设置 → 来稿单位”中添加' };
}

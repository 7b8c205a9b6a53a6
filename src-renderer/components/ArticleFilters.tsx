/** The items list's filters; each maps one-to-one onto an articleList input. */
import { Button, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { CATEGORIES, CATEGORY_LABELS, CLASSIFICATIONS, CLASSIFICATION_LABELS, type Category, type Classification } from '../../src-main/api/schemas';
import type { Unit } from '../../src-main/api/types';

export interface ArticleFilterValues {
  text: string;
  unit: number | null;
  category: Category | null;
  classification: Classification | null;
  from: string;
  to: string;
  used: 'all' | 'unused' | 'used';
}

export const NO_FILTERS: ArticleFilterValues = { text: '', unit: null, category: null, classification: null, from: '', to: '', used: 'all' };

export function hasFilters(f: ArticleFilterValues): boolean {
  return JSON.stringify(f) !== JSON.stringify(NO_FILTERS);
}

export function ArticleFilters({
  value,
  onChange,
  units,
}: {
  value: ArticleFilterValues;
  onChange: (v: ArticleFilterValues) => void;
  units: Unit[];
}) {
  const set = <K extends keyof ArticleFilterValues>(k: K, v: ArticleFilterValues[K]) => onChange({ ...value, [k]: v });
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        label="标题关键字"
        placeholder="输入标题中的词"
        leftSection={<IconSearch size={14} />}
        value={value.text}
        onChange={(e) => set('text', e.currentTarget.value)}
        w={170}
        data-testid="filter-text"
      />
      <Select
        label="报送单位"
        placeholder="全部"
        data={units.map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name}（已停用）` }))}
        value={value.unit}
        onChange={(v) => set('unit', v)}
        searchable
        clearable
        w={150}
        data-testid="filter-unit"
      />
      <Select
        label="分类"
        placeholder="全部"
        data={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        value={value.category}
        onChange={(v) => set('category', v)}
        clearable
        w={105}
        data-testid="filter-category"
      />
      <Select
        label="密级"
        placeholder="全部"
        data={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))}
        value={value.classification}
        onChange={(v) => set('classification', v)}
        clearable
        w={95}
        data-testid="filter-classification"
      />
      <TextInput label="录入日期 从" type="date" value={value.from} onChange={(e) => set('from', e.currentTarget.value)} w={140} data-testid="filter-from" />
      <TextInput label="至" type="date" value={value.to} onChange={(e) => set('to', e.currentTarget.value)} w={140} data-testid="filter-to" />
      <SegmentedControl
        data={[
          { value: 'all', label: '全部' },
          { value: 'unused', label: '未使用' },
          { value: 'used', label: '已编入' },
        ]}
        value={value.used}
        onChange={(v) => set('used', v as ArticleFilterValues['used'])}
        data-testid="filter-used"
      />
      {hasFilters(value) && (
        <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
          清除筛选
        </Button>
      )}
    </Group>
  );
}

/**
 * A draft's category in its drawer (issue 15): shown, and set one draft at a time with
 * submissionSetCategory. 未定 when the wording did not make it clear; a used draft keeps its own.
 */
import { Select } from '@mantine/core';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../src-main/api/schemas';
import type { Submission } from '../../../src-main/api/ops/submissions';
import { useApi } from '../../api/context';
import { attempt } from '../../api/notify';

const NONE = 'none';
const OPTIONS = [...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })), { value: NONE, label: '未定' }];

export function DraftCategoryPicker({ draft, onChanged }: { draft: Submission; onChanged: () => void }) {
  const api = useApi();
  const set = async (v: string | null) => {
    const category = v === null || v === NONE ? null : (v as Category);
    if (category === draft.category) return;
    const r = await attempt(() => api.call('submissionSetCategory', { id: draft.id, category }), '未能设置分类');
    if (r) onChanged();
  };
  return (
    <Select
      size="xs"
      w={130}
      data={OPTIONS}
      value={draft.category ?? NONE}
      onChange={(v) => void set(v)}
      allowDeselect={false}
      disabled={draft.state === 'used'}
      title={draft.state === 'used' ? '已采用的来稿，分类不再改动' : '由它编成的信息沿用此分类'}
      aria-label="来稿分类"
      data-testid="draft-category"
    />
  );
}

/** The 来稿 table's batch actions (submissionBatch): set the unit, the category or the state, delete. */
import type { OpInput } from '../../../src-main/api/contract';
import type { Unit } from '../../../src-main/api/types';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../src-main/api/schemas';
import type { Api } from '../../api/client';
import { notifyOk } from '../../api/notify';
import type { BatchAction } from '../table/BatchDialog';

export function intakeBatchActions(api: Api, ids: () => number[], units: Unit[], done: () => void): (BatchAction & { key: string })[] {
  const run = async (input: Omit<OpInput<'submissionBatch'>, 'ids'>, what: string) => {
    const { changed, unchanged } = await api.call('submissionBatch', { ids: ids(), ...input });
    notifyOk(`${changed.length} 份${unchanged.length ? `（另 ${unchanged.length} 份原本如此）` : ''}`, what);
    done();
  };
  return [
    {
      key: 'unit',
      title: '设置来稿单位',
      confirm: '设置单位',
      pick: { kind: 'unit', units },
      reason: { label: '更正原因', required: false, hint: '只补填未填单位的来稿时不必写；改动已填的单位属于更正，须写原因' },
      run: ({ pick, reason }) => run({ action: 'setUnit', unit: Number(pick), ...(reason ? { reason } : {}) }, '已设置来稿单位'),
    },
    {
      key: 'category',
      title: '设置分类',
      confirm: '设置分类',
      pick: { kind: 'choice', label: '分类', options: [...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })), { value: 'none', label: '未定' }] },
      run: ({ pick }) => run({ action: 'setCategory', category: pick === 'none' ? null : (pick as Category) }, '已设置分类'),
    },
    {
      key: 'unused',
      title: '标记未采用',
      confirm: '标记未采用',
      reason: { label: '未采用原因', required: true },
      run: ({ reason }) => run({ action: 'setState', state: 'unused', reason }, '已标记未采用'),
    },
    {
      key: 'forwarded',
      title: '标记已上报',
      confirm: '标记已上报',
      reason: { label: '说明（上报到哪里）', required: false },
      run: ({ reason }) => run({ action: 'setState', state: 'forwarded', ...(reason ? { reason } : {}) }, '已标记已上报'),
    },
    {
      key: 'received',
      title: '恢复为已收',
      confirm: '恢复为已收',
      run: () => run({ action: 'setState', state: 'received' }, '已恢复为已收'),
    },
    {
      key: 'delete',
      title: '删除误登的来稿',
      confirm: '删除',
      danger: true,
      run: () => run({ action: 'delete' }, '已删除来稿'),
    },
  ];
}

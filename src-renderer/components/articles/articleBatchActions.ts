/** The 稿件 table's batch actions (articleBatch): set unit or category, add to a draft issue, delete. */
import type { OpInput } from '../../../src-main/api/contract';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../src-main/api/schemas';
import type { IssueSummary, Unit } from '../../../src-main/api/types';
import type { Api } from '../../api/client';
import { notifyOk } from '../../api/notify';
import type { BatchAction } from '../table/BatchDialog';

const issueLabel = (i: IssueSummary) => `《${i.series}》${i.date} 草稿（已有 ${i.articleCount} 条）`;

export function articleBatchActions(api: Api, ids: () => number[], units: Unit[], drafts: IssueSummary[], done: () => void): (BatchAction & { key: string })[] {
  const run = async (input: Omit<OpInput<'articleBatch'>, 'ids'>, what: string) => {
    const { changed, unchanged } = await api.call('articleBatch', { ids: ids(), ...input });
    notifyOk(`${changed.length} 条${unchanged.length ? `（另 ${unchanged.length} 条原本如此）` : ''}`, what);
    done();
  };
  return [
    { key: 'unit', title: '设置来稿单位', confirm: '设置单位', pick: { kind: 'unit', units }, run: ({ pick }) => run({ action: 'setUnit', unit: Number(pick) }, '已设置来稿单位') },
    {
      key: 'category',
      title: '设置分类',
      confirm: '设置分类',
      pick: { kind: 'choice', label: '分类', options: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })) },
      run: ({ pick }) => run({ action: 'setCategory', category: pick as Category }, '已设置分类'),
    },
    {
      key: 'issue',
      title: '编入一期',
      confirm: '编入',
      pick: { kind: 'choice', label: '编入哪一期（编辑中的草稿）', options: drafts.map((i) => ({ value: String(i.id), label: issueLabel(i) })) },
      run: ({ pick }) => run({ action: 'addToIssue', issueId: Number(pick) }, '已编入该期'),
    },
    { key: 'delete', title: '删除稿件', confirm: '删除', danger: true, run: () => run({ action: 'delete' }, '已删除稿件') },
  ];
}

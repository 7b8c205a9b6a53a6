/**
 * 作者: the officer a draft is credited to (points and 稿酬 follow this person). Matched by name
 * when the draft was registered; picked here among the officers of the draft's unit.
 */
import { Group, Select, Text } from '@mantine/core';
import { useApi } from '../../api/context';
import { attempt, notifyOk } from '../../api/notify';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/useLoad';

export function AuthorPicker({ submissionId, version }: { submissionId: number; version: number }) {
  const api = useApi();
  const a = useLoad(() => api.call('submissionAuthor', { id: submissionId }), [api, submissionId, version]);
  if (!a.data) return <Text size="sm" c="dimmed">…</Text>;
  const d = a.data;
  if (d.unitId === null) return <Text size="sm" c="dimmed">先填来稿单位，再选作者</Text>;
  const choose = async (v: string | null) => {
    const r = await attempt(() => api.call('submissionAuthorSet', { id: submissionId, liaisonId: v === null ? null : Number(v) }), '未能设定作者');
    if (!r) return;
    notifyOk(r.author ? `作者：${r.author.name}` : '已清除作者');
    a.reload();
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        size="xs"
        w={260}
        placeholder={d.candidates.length ? '选择该来稿单位的信息员' : '该来稿单位还没有信息员'}
        data={d.candidates.map((l) => ({ value: String(l.id), label: `${l.name}（${formatDate(l.validFrom)}至${l.validTo ? formatDate(l.validTo) : '今'}）` }))}
        value={d.author ? String(d.author.id) : null}
        onChange={(v) => void choose(v)}
        clearable
        data-testid="submission-author"
      />
    </Group>
  );
}

/**
 * 设置 → 规范提法 (issue 18): the office's list of preferred and wrong forms, as dated versions
 * like the scoring rules. The versions are shown newest first; a new one is saved from a date
 * (a saved version never changes), one entry a line: 不规范写法 => 规范提法 # 说明.
 */
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { WordingVersion } from '../../../src-main/api/ops/proof';
import { useApi } from '../../api/context';
import { notifyError, notifyOk } from '../../api/notify';
import { useLoad } from '../../hooks/useLoad';

const asLines = (v: WordingVersion) => v.entries.map((e) => `${e.wrong} => ${e.right}${e.note ? ` # ${e.note}` : ''}`).join('\n');

export function WordingPanel() {
  const api = useApi();
  const versions = useLoad(() => api.call('proofWordingList', {}), [api]);
  const [validFrom, setValidFrom] = useState('');
  const [lines, setLines] = useState<string | null>(null);
  const [thousands, setThousands] = useState<'plain' | 'any'>('any');
  const [busy, setBusy] = useState(false);
  const current = versions.data?.[0];
  const text = lines ?? (current ? asLines(current) : '');

  const save = async () => {
    setBusy(true);
    try {
      const v = await api.call('proofWordingAdd', { validFrom, lines: text, thousands });
      notifyOk(`已保存自 ${v.validFrom} 起的规范提法表（${v.entries.length} 条）`);
      setLines(null);
      versions.reload();
    } catch (e) {
      notifyError(e, '未能保存');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="wording-panel">
      <Text size="sm" c="dimmed">
        稿件校对时按这张表检查规范提法。每行一条：不规范写法 =&gt; 规范提法 # 说明。已保存的版本不再改动；修改后另选生效日期保存为新版本，当天及以后按新版本检查。
      </Text>
      {versions.error && (
        <Text size="sm" c="red">
          未能读取规范提法表：{versions.error}
        </Text>
      )}
      <Group align="flex-end">
        <TextInput label="生效日期" placeholder="2027-01-01" value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} w={160} data-testid="wording-from" />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            千分位
          </Text>
          <SegmentedControl
            value={thousands}
            onChange={(v) => setThousands(v as 'plain' | 'any')}
            data={[
              { value: 'any', label: '不检查' },
              { value: 'plain', label: '数字不用逗号分节' },
            ]}
          />
        </Stack>
        <Button onClick={() => void save()} loading={busy} disabled={!validFrom || !text.trim()} data-testid="wording-save">
          保存为新版本
        </Button>
      </Group>
      <Textarea value={text} onChange={(e) => setLines(e.currentTarget.value)} autosize minRows={8} maxRows={20} data-testid="wording-lines" />
      {(versions.data ?? []).map((v) => (
        <Paper key={v.id ?? 'default'} withBorder p="xs" data-testid="wording-version">
          <Group gap="xs">
            <Badge variant="light">{v.validFrom ? `自 ${v.validFrom} 起` : '内置默认'}</Badge>
            <Text size="sm">
              {v.entries.length} 条，千分位{v.thousands === 'plain' ? '不用逗号' : '不检查'}
            </Text>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

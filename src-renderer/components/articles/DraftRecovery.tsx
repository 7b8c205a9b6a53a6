/**
 * At start (after a crash, a closed window, a reload): the texts the editors kept in the scratch
 * store and never saved are offered back — 恢复 opens the editor with the text put back, 放弃
 * drops it. Closing the question keeps them; the editor offers its own again when opened.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { EditorDraft } from '../../../src-main/api/ops/drafts';
import { useApi } from '../../api/context';
import { notifyError } from '../../api/notify';
import { formatTimestamp } from '../../format';
import { useNav } from '../../nav';

/** What the user will recognise a kept text by: its title, else its first words. */
export function draftLabel(d: EditorDraft): string {
  const title = d.fields.title.trim();
  if (title) return title;
  const first = d.fields.body.trim().split('\n')[0] ?? '';
  return first ? `（无标题）${first.slice(0, 30)}${first.length > 30 ? '…' : ''}` : '（无标题）';
}

export function draftPlace(key: string): number | 'new' {
  const id = key.split(':')[1];
  return id === 'new' || id === undefined ? 'new' : Number(id);
}

export function DraftRecovery() {
  const api = useApi();
  const { go } = useNav();
  const [drafts, setDrafts] = useState<EditorDraft[]>([]);

  useEffect(() => {
    let live = true;
    api.call('draftList', {}).then(
      (list) => live && setDrafts(list),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api]);

  const drop = async (key: string) => {
    try {
      await api.call('draftClear', { key });
      setDrafts((ds) => ds.filter((d) => d.key !== key));
    } catch (e) {
      notifyError(e, '未能放弃暂存的内容');
    }
  };

  return (
    <Modal opened={drafts.length > 0} onClose={() => setDrafts([])} title="发现未保存的内容，恢复？" size="lg" data-testid="draft-recovery">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          上次关闭窗口（或程序意外退出）前，下面的稿件有输入了但还没保存的内容。恢复后请检查并保存。
        </Text>
        {drafts.map((d) => {
          const place = draftPlace(d.key);
          return (
            <Group key={d.key} justify="space-between" wrap="nowrap" data-testid="draft-row">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {draftLabel(d)}
                </Text>
                <Text size="xs" c="dimmed">
                  {place === 'new' ? '新建的稿件' : `稿件 #${place}`} · 暂存于 {formatTimestamp(d.savedAt)}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="default" color="red" onClick={() => void drop(d.key)} data-testid="draft-drop">
                  放弃
                </Button>
                <Button
                  size="xs"
                  onClick={() => {
                    setDrafts([]);
                    go({ page: 'articles', articleId: place, recover: true });
                  }}
                  data-testid="draft-restore"
                >
                  恢复
                </Button>
              </Group>
            </Group>
          );
        })}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={() => setDrafts([])}>
            稍后再说
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

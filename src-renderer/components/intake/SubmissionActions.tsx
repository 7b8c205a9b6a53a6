/**
 * What can be done with a draft: 编辑成信息 (or open the item made from it), and in the menu
 * 标记已上报, 标记未采用, 恢复为已收, 更正登记信息, 下载原件. A used draft offers its item, the
 * correction and its original.
 */
import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { IconArrowBackUp, IconDots, IconDownload, IconEdit, IconFileText, IconPencil, IconSend, IconX } from '@tabler/icons-react';
import type { SubmissionSummary } from '../../../src-main/api/ops/submissions';
import { useApi } from '../../api/context';
import { attempt, notifyOk } from '../../api/notify';
import { useDownloadOriginal } from '../../hooks/useDownloadOriginal';
import { useNav } from '../../nav';
import type { StateAction } from './SubmissionStateDialog';
import { askCategory } from './askCategory';
import { CATEGORY_LABELS } from '../../../src-main/api/schemas';

export interface SubmissionActionsProps {
  submission: SubmissionSummary;
  onChanged: () => void;
  onStateAction: (a: StateAction) => void;
  /** 更正登记信息: opens the correction dialog for this draft. */
  onCorrect: (s: SubmissionSummary) => void;
}

export function SubmissionActions({ submission: s, onChanged, onStateAction, onCorrect }: SubmissionActionsProps) {
  const api = useApi();
  const { go } = useNav();
  const download = useDownloadOriginal();

  const edit = async () => {
    // The draft's own category (guessed on import or set in the register), or the user's answer when 未定.
    const category = s.articleId !== null ? undefined : (s.category ?? (await askCategory(s.title)));
    if (category === null) return;
    const r = await attempt(() => api.call('submissionEdit', { id: s.id, ...(category ? { category } : {}) }), '未能编辑成信息');
    if (!r) return;
    if (s.articleId === null) {
      const kept = s.category ? `分类沿用来稿的“${CATEGORY_LABELS[s.category]}”，可在稿件中改。` : '';
      notifyOk(`已编辑成信息 #${r.article.id}，原件和来稿文字保留不变。${kept}`, '编辑成信息');
    }
    go({ page: 'articles', articleId: r.article.id });
  };

  const backToReceived = async () => {
    const r = await attempt(() => api.call('submissionSetState', { id: s.id, state: 'received' }), '未能修改状态');
    if (r) onChanged();
  };

  const hasItem = s.articleId !== null;
  const used = s.state === 'used';
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end" onClick={(e) => e.stopPropagation()}>
      {hasItem ? (
        <Button size="compact-xs" variant="light" leftSection={<IconFileText size={14} />} onClick={() => go({ page: 'articles', articleId: s.articleId! })} data-testid="submission-open-article">
          打开信息
        </Button>
      ) : (
        <Button size="compact-xs" variant="light" leftSection={<IconEdit size={14} />} onClick={() => void edit()} data-testid="submission-edit">
          编辑成信息
        </Button>
      )}
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label="更多操作" data-testid="submission-menu">
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {!used && hasItem && s.state !== 'editing' && (
            <Menu.Item leftSection={<IconEdit size={14} />} onClick={() => void edit()}>
              重新编辑
            </Menu.Item>
          )}
          {!used && s.state !== 'forwarded' && (
            <Menu.Item leftSection={<IconSend size={14} />} onClick={() => onStateAction({ submission: s, state: 'forwarded' })} data-testid="submission-forwarded">
              标记已上报
            </Menu.Item>
          )}
          {!used && s.state !== 'unused' && (
            <Menu.Item leftSection={<IconX size={14} />} onClick={() => onStateAction({ submission: s, state: 'unused' })} data-testid="submission-unused">
              标记未采用
            </Menu.Item>
          )}
          {!used && (s.state === 'forwarded' || s.state === 'unused') && (
            <Menu.Item leftSection={<IconArrowBackUp size={14} />} onClick={() => void backToReceived()} data-testid="submission-received">
              恢复为已收
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onCorrect(s)} data-testid="submission-correct">
            更正登记信息…
          </Menu.Item>
          <Menu.Item
            leftSection={<IconDownload size={14} />}
            disabled={s.originalFormat === 'typed'}
            onClick={() => void download(s.id)}
            data-testid="submission-download"
          >
            {s.originalFormat === 'typed' ? '手工录入，无原件' : '下载原件'}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

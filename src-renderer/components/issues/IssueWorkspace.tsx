/**
 * One issue open: its state and actions on top; below, the composer (a draft) or its register
 * entry (later states), beside a live preview of the printed page.
 */
import { Alert, Button, Group, Loader, Modal, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconZoomIn } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Issue } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { notifyError, notifyOk } from '../../api/notify';
import { formatDate, isCompleteDate, issueLabel } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useIssueLayout } from '../../hooks/useIssueLayout';
import { usePreviewArticles } from '../../hooks/usePreviewArticles';
import { StatusBadge } from '../common/Badges';
import { IssueActions } from './IssueActions';
import { IssueComposer } from './IssueComposer';
import { IssueFacts } from './IssueFacts';
import { PagedPreview } from './PagedPreview';
import { PagePreview } from './PagePreview';
import { DateField } from '../common/DateField';

export interface IssueWorkspaceProps {
  issueId: number;
  onBack: () => void;
  /** After any change of state, so the list behind can refresh. */
  onChanged?: (issue: Issue | null) => void;
  backLabel?: string;
  /** Opened from 归档: look and export only; voiding is done from 期刊. */
  archive?: boolean;
}

export function IssueWorkspace({ issueId, onBack, onChanged, backLabel = '返回列表', archive = false }: IssueWorkspaceProps) {
  const api = useApi();
  const loaded = useLoad(() => api.call('issueGet', { id: issueId }), [api, issueId]);
  const issue = loaded.data;
  const series = useLoad(
    () => (issue ? api.call('seriesGet', { series: issue.seriesId }) : Promise.resolve(undefined)),
    [api, issue?.seriesId],
  );
  const preview = usePreviewArticles(issue);
  // Laid out again after every change of the issue or of how its series prints.
  const { layout, failed: layoutFailed } = useIssueLayout(issue?.id, JSON.stringify([issue, series.data?.print]));
  const [enlarged, setEnlarged] = useState(false);
  const [dateDraft, setDateDraft] = useState('');

  useEffect(() => {
    if (issue) setDateDraft(issue.date);
  }, [issue]);

  const update = (next: Issue) => {
    loaded.set(next);
    onChanged?.(next);
  };

  // Committed when the user pauses, so a year typed digit by digit is not sent four times.
  useEffect(() => {
    if (!issue || !isCompleteDate(dateDraft) || dateDraft === issue.date) return;
    const timer = setTimeout(() => void changeDate(dateDraft), 700);
    return () => clearTimeout(timer);
    // changeDate reads the issue it was given; re-running on `issue` would resend after success.
  }, [dateDraft]);

  const changeDate = async (date: string) => {
    if (!issue || date === issue.date) return;
    try {
      update(await api.call('issueSetDate', { id: issue.id, date }));
      notifyOk(`本期日期已改为 ${formatDate(date)}`);
    } catch (e) {
      setDateDraft(issue.date);
      notifyError(e, '未能修改日期');
    }
  };

  const back = (
    <Button variant="default" size="sm" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="issue-back">
      {backLabel}
    </Button>
  );

  if (loaded.error) {
    return (
      <Stack>
        <Group>{back}</Group>
        <Alert color="red" title="打不开这一期">
          {loaded.error}
        </Alert>
      </Stack>
    );
  }
  if (!issue) return <Loader m="xl" />;

  const print = series.data?.print;
  const stamp = issue.status === 'voided' ? '已作废' : issue.number === null ? '送审稿' : null;
  // The model's pages when it answers; the one-column likeness when it cannot (older data, a fault).
  const pages = (scale?: number) =>
    layout ? (
      <PagedPreview layout={layout} stamp={stamp} {...(scale ? { scale } : {})} />
    ) : print && layoutFailed ? (
      <PagePreview print={print} issue={issue} articles={preview} {...(scale ? { scale } : {})} />
    ) : (
      <Loader size="sm" m="md" />
    );

  return (
    <Stack gap="sm" data-testid="issue-workspace" data-status={issue.status}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          {back}
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Title order={4} className={issue.status === 'voided' ? 'bd-voided' : undefined} style={{ whiteSpace: 'nowrap' }} data-testid="issue-title">
                {issueLabel(issue)}
              </Title>
              <StatusBadge status={issue.status} />
            </Group>
            <Text size="xs" c="dimmed" truncate>
              《{issue.series}》 · {formatDate(issue.date)} · {issue.articles.length} 条信息
            </Text>
          </Stack>
        </Group>
        <IssueActions
          issue={issue}
          archive={archive}
          onChange={update}
          onDeleted={() => {
            onChanged?.(null);
            onBack();
          }}
        />
      </Group>

      <Group align="flex-start" gap="sm" wrap="nowrap">
        <div style={{ flex: issue.status === 'draft' ? '7 1 0' : '5 1 0', minWidth: 0 }}>
          {issue.status === 'draft' ? (
            <Stack gap="xs">
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">本期日期</Text>
                <DateField
                  size="xs"
                  w={160}
                  value={dateDraft}
                  onChange={(v) => setDateDraft(v)}
                  data-testid="issue-date"
                />
                <Text size="xs" c="dimmed" truncate>
                  签发时可再确认日期；期号按签发日期所在年份编排。
                </Text>
              </Group>
              <IssueComposer issue={issue} onIssueChange={update} />
            </Stack>
          ) : (
            <IssueFacts issue={issue} />
          )}
        </div>
        <Paper withBorder p="xs" bg="gray.1" style={{ flex: '5 1 0', minWidth: 0 }}>
          <Group justify="space-between" mb={6} wrap="nowrap">
            <Text size="sm" fw={600} data-testid="preview-heading">
              版面预览{issue.number === null ? '（送审稿）' : ''}
              {layout ? ` · 共 ${layout.pageCount} 页` : ''}
            </Text>
            <Button size="compact-xs" variant="subtle" leftSection={<IconZoomIn size={14} />} onClick={() => setEnlarged(true)} data-testid="preview-enlarge">
              放大查看
            </Button>
          </Group>
          <ScrollArea h="calc(100vh - 190px)" mih={240}>
            {pages()}
          </ScrollArea>
        </Paper>
      </Group>

      <Modal opened={enlarged} onClose={() => setEnlarged(false)} title="版面预览（与打印稿近似，以导出的 Word 文件为准）" size="auto" centered>
        {pages(1)}
      </Modal>
    </Stack>
  );
}

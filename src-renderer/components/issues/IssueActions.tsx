/**
 * What can be done to an issue in its current state. Buttons are offered by status only; the
 * rules themselves (an empty issue, a date before the last number…) are the API's to judge,
 * and its refusal is shown in its own words.
 */
import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArrowBackUp, IconBan, IconFileWord, IconSend, IconSignature, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Issue } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { notifyError, notifyOk } from '../../api/notify';
import { useExportIssue } from '../../hooks/useExportIssue';
import { CoverageWarning } from './CoverageWarning';
import { ProofSubmitWarning } from '../proof/ProofSubmitWarning';
import { SignDialog } from './SignDialog';
import { VoidDialog } from './VoidDialog';

export interface IssueActionsProps {
  issue: Issue;
  onChange: (issue: Issue) => void;
  onDeleted: () => void;
  archive?: boolean;
}

export function IssueActions({ issue, onChange, onDeleted, archive = false }: IssueActionsProps) {
  const api = useApi();
  const { exportIssue, exporting } = useExportIssue();
  const [dialog, setDialog] = useState<'sign' | 'void' | null>(null);
  const [busy, setBusy] = useState(false);

  const step = async (action: () => Promise<Issue>, done: string) => {
    setBusy(true);
    try {
      onChange(await action());
      notifyOk(done);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  // Submitting answers the characters the office fonts may not show: a warning to read, the
  // issue goes to review all the same.
  const submit = () =>
    step(async () => {
      const submitted = await api.call('issueSubmit', { id: issue.id });
      if (submitted.chars.length > 0 || submitted.proofErrors.length > 0) {
        modals.open({
          title: submitted.chars.length > 0 ? '已提交审核，但有字符可能无法显示' : '已提交审核，但还有校对错误未修正',
          size: 'lg',
          children: (
            <>
              <CoverageWarning report={submitted} title="请在签发前处理或确认" limit={30} />
              <ProofSubmitWarning warning={submitted} />
            </>
          ),
        });
      }
      const { chars: _shown, proofErrors: _proof, ...rest } = submitted;
      return rest;
    }, '已提交审核，等待签发');

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: '删除草稿',
      children: (
        <Text size="sm">
          确定删除《{issue.series}》草稿 #{issue.id} 吗？草稿中的 {issue.articles.length} 条信息不会被删除，会回到“未使用”的稿件中。
        </Text>
      ),
      labels: { confirm: '删除草稿', cancel: '取消' },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete-issue' } as Record<string, string>,
      onConfirm: async () => {
        try {
          await api.call('issueDelete', { id: issue.id });
          notifyOk(`已删除草稿 #${issue.id}`);
          onDeleted();
        } catch (e) {
          notifyError(e, '未能删除');
        }
      },
    });

  const exportButton = (label: string) => (
    <Button
      variant={issue.status === 'signed' || issue.status === 'voided' ? 'filled' : 'default'}
      leftSection={<IconFileWord size={16} />}
      loading={exporting === issue.id}
      onClick={() => void exportIssue(issue)}
      data-testid="issue-export"
    >
      {label}
    </Button>
  );

  if (archive) return <Group gap="xs">{exportButton('导出存档原件')}</Group>;

  return (
    <Group gap="xs" wrap="nowrap">
      {issue.status === 'draft' && (
        <>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete} data-testid="issue-delete">
            删除草稿
          </Button>
          {exportButton('导出送审稿')}
          <Button
            leftSection={<IconSend size={16} />}
            loading={busy}
            onClick={() => void submit()}
            data-testid="issue-submit"
          >
            提交审核
          </Button>
        </>
      )}
      {issue.status === 'review' && (
        <>
          {exportButton('导出送审稿')}
          <Button
            variant="default"
            leftSection={<IconArrowBackUp size={16} />}
            loading={busy}
            onClick={() => void step(() => api.call('issueWithdraw', { id: issue.id }), '已退回修改，本期回到编辑中')}
            data-testid="issue-withdraw"
          >
            退回修改
          </Button>
          <Button color="green" leftSection={<IconSignature size={16} />} onClick={() => setDialog('sign')} data-testid="issue-sign">
            签发
          </Button>
        </>
      )}
      {issue.status === 'signed' && (
        <>
          <Button variant="subtle" color="red" leftSection={<IconBan size={16} />} onClick={() => setDialog('void')} data-testid="issue-void">
            作废
          </Button>
          {exportButton('导出 Word')}
        </>
      )}
      {issue.status === 'voided' && exportButton('导出存档原件')}

      <SignDialog
        issue={issue}
        opened={dialog === 'sign'}
        onClose={() => setDialog(null)}
        onSigned={(signed) => {
          setDialog(null);
          onChange(signed);
        }}
      />
      <VoidDialog
        issue={issue}
        opened={dialog === 'void'}
        onClose={() => setDialog(null)}
        onVoided={(voided) => {
          setDialog(null);
          onChange(voided);
        }}
      />
    </Group>
  );
}

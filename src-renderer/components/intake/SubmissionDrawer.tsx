/** One draft as received: the register entry, where it stands, and its text with heading levels. */
import { ReceivedPacketLine } from './ReceivedPacketText';
import { AuthorPicker } from './AuthorPicker';
import { DraftCategoryPicker } from './DraftCategoryPicker';
import { Alert, Anchor, Badge, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Submission, SubmissionSummary } from '../../../src-main/api/ops/submissions';
import { useApi } from '../../api/context';
import { formatDate, formatTimestamp } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { FormatBadge, SubmissionStateBadge } from './SubmissionBadges';
import { SubmissionActions } from './SubmissionActions';
import type { StateAction } from './SubmissionStateDialog';
import { IssueRefLink } from '../common/IssueRefLink';
import { DraftPictures } from './DraftPictures';

const LEVEL_STYLE: Record<number, { fw?: number }> = {
  0: {},
  1: { fw: 700 },
  2: { fw: 600 },
  3: { fw: 600 },
  4: {},
};

/** A heading that runs on into body text (一、总体情况。今年以来……) is a heading up to its first full stop, as printed. */
function splitLead(text: string): [string, string] {
  const m = /^[^。！？]*[。！？]/u.exec(text);
  if (!m || m[0].length >= text.length) return [text, ''];
  return [m[0], text.slice(m[0].length)];
}

export interface SubmissionDrawerProps {
  id: number | null;
  /** Bumped by the page when the register changes, so the open draft reloads too. */
  version: number;
  onClose: () => void;
  onOpen: (id: number) => void;
  onChanged: () => void;
  onStateAction: (a: StateAction) => void;
  onCorrect: (s: SubmissionSummary) => void;
}

export function SubmissionDrawer({ id, version, onClose, onOpen, onChanged, onStateAction, onCorrect }: SubmissionDrawerProps) {
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size={560} title="来稿详情" data-testid="submission-drawer">
      {id !== null && <Detail id={id} version={version} onOpen={onOpen} onChanged={onChanged} onStateAction={onStateAction} onCorrect={onCorrect} />}
    </Drawer>
  );
}

function Detail({ id, version, onOpen, onChanged, onStateAction, onCorrect }: Omit<SubmissionDrawerProps, 'onClose' | 'id'> & { id: number }) {
  const api = useApi();
  const s = useLoad(() => api.call('submissionGet', { id }), [api, id, version]);
  if (s.error) return <Alert color="red">{s.error}</Alert>;
  if (!s.data) return <Loader />;
  const d: Submission = s.data;
  const fact = (label: string, value: ReactNode) => (
    <Table.Tr>
      <Table.Th w={90} fw={400} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600} size="lg">
          {d.title}
        </Text>
        <SubmissionActions submission={d} onChanged={onChanged} onStateAction={onStateAction} onCorrect={onCorrect} />
      </Group>
      <Table verticalSpacing={2} withRowBorders={false}>
        <Table.Tbody>
          {fact('编号', `#${d.id}`)}
          {fact('来稿单位', d.unit ?? '（未填）')}
          {fact('分类', <DraftCategoryPicker draft={d} onChanged={onChanged} />)}
          {fact('信息员', [d.liaisonName, d.liaisonPhone].filter(Boolean).join('  ') || '（未填）')}
          {fact('作者', <AuthorPicker submissionId={d.id} version={version} />)}
          {fact('收稿日期', formatDate(d.receivedDate))}
          {fact(
            '来源',
            <Group gap={6}>
              <FormatBadge format={d.originalFormat} encoding={d.originalEncoding} />
              <Text size="sm" truncate>
                {d.originalFormat === 'typed' ? '手工录入' : d.originalName}
                {d.originalEncoding ? `（${d.originalEncoding}）` : ''}
              </Text>
            </Group>,
          )}
          {d.receivedPacket && fact('上报包', <ReceivedPacketLine packet={d.receivedPacket} />)}
          {fact(
            '状态',
            <Group gap={6}>
              <SubmissionStateBadge state={d.state} />
              {d.stateReason && <Text size="sm">{d.stateReason}</Text>}
              {d.issue && <IssueRefLink issueRef={d.issue} />}
            </Group>,
          )}
          {d.duplicateOf &&
            fact(
              '重复',
              <Text size="sm">
                <Badge size="xs" color="yellow" c="dark" mr={6}>
                  重复
                </Badge>
                与{' '}
                <Anchor size="sm" component="button" onClick={() => onOpen(d.duplicateOf!.id)}>
                  #{d.duplicateOf.id}《{d.duplicateOf.title}》
                </Anchor>
                （{d.duplicateOf.unit ?? '未填单位'}，{d.duplicateOf.receivedDate}）重复
              </Text>,
            )}
          {fact('登记时间', formatTimestamp(d.createdAt))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        正文 {d.chars} 字，{d.paragraphs.length} 段（来稿原文，编辑成信息后在“稿件”中修改，这里保持不变）
      </Text>
      <Stack gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }} data-testid="submission-text">
        {d.paragraphs.map((p, i) => {
          const [lead, rest] = p.level > 0 ? splitLead(p.text) : ['', p.text];
          return (
            <Text key={i} size="sm" style={{ textIndent: '2em' }} data-level={p.level}>
              {lead && (
                <Text span inherit {...LEVEL_STYLE[p.level]}>
                  {lead}
                </Text>
              )}
              {rest}
            </Text>
          );
        })}
      </Stack>
      <DraftPictures submissionId={d.id} title={d.title} version={version} />
    </Stack>
  );
}

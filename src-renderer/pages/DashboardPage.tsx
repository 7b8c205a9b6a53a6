/**
 * 工作台, the first page: what needs doing today, section by section as the API lists them
 * (services/dashboard.ts). Each line opens its record: a commission or an instruction in its
 * dialog, a draft in 来稿, a unit's progress in 统计, the backup in 备份.
 */
import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconFileSpreadsheet, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { DashboardLine, DashboardLink } from '../../src-main/api/ops/followup';
import { useApi } from '../api/context';
import { InstructionFollowDialog } from '../components/articles/InstructionFollowDialog';
import { PageHeader } from '../components/common/PageHeader';
import { CommissionNoticeDialog } from '../components/stats/CommissionNoticeDialog';
import { formatDate } from '../format';
import { useFollowupExports } from '../hooks/useFollowupExports';
import { useLoad } from '../hooks/useLoad';
import { useNav } from '../nav';

const TONE_COLORS: Record<DashboardLine['tone'], string> = { alert: 'red', warn: 'orange', ok: 'teal', info: 'gray' };

export function DashboardPage() {
  const api = useApi();
  const { go } = useNav();
  const board = useLoad(() => api.call('dashboard', {}), [api]);
  const [open, setOpen] = useState<DashboardLink | null>(null);
  const { exportFollowups, busy } = useFollowupExports();

  const follow = (link: DashboardLink) => {
    if (link.kind === 'commission' || link.kind === 'instruction') setOpen(link);
    else if (link.kind === 'draft') go({ page: 'intake', submissionId: link.id });
    else if (link.kind === 'unit' || link.kind === 'urgent') go({ page: 'stats' });
    else go({ page: 'backups' });
  };

  return (
    <Stack gap="sm" data-testid="dashboard-page">
      <PageHeader title="工作台" hint={board.data ? `${formatDate(board.data.today)}` : undefined}>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy} onClick={() => void exportFollowups()} data-testid="followups-export">
          导出批示督办清单
        </Button>
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={board.reload}>
          刷新
        </Button>
      </PageHeader>
      {!board.data && <Loader />}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {(board.data?.sections ?? []).map((s) => (
          <Card key={s.key} withBorder data-testid={`dashboard-${s.key}`}>
            <Group justify="space-between" mb={6}>
              <Text fw={600}>{s.title}</Text>
              {s.lines.some((l) => l.tone === 'alert') && <Badge color="red">{s.lines.filter((l) => l.tone === 'alert').length}</Badge>}
            </Group>
            {s.lines.length === 0 && (
              <Text size="sm" c="dimmed">
                {s.empty}
              </Text>
            )}
            <Stack gap={4}>
              {s.lines.map((l, i) => (
                <UnstyledButton
                  key={i}
                  onClick={() => l.open && follow(l.open)}
                  disabled={!l.open}
                  data-testid="dashboard-line"
                  data-tone={l.tone}
                  data-kind={l.open?.kind ?? ''}
                  data-id={l.open && 'id' in l.open ? l.open.id : ''}
                >
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge size="xs" mt={4} color={TONE_COLORS[l.tone]} variant={l.tone === 'alert' ? 'filled' : 'light'} circle> </Badge>
                    <Text size="sm" c={l.tone === 'alert' ? 'red.8' : undefined}>
                      {l.text}
                    </Text>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {open?.kind === 'commission' && <CommissionNoticeDialog id={open.id} onClose={() => setOpen(null)} onChanged={board.reload} />}
      {open?.kind === 'instruction' && <InstructionFollowDialog id={open.id} onClose={() => setOpen(null)} onChanged={board.reload} />}
    </Stack>
  );
}

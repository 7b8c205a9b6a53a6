/** 设置: publication series (numbering, masthead, colophon), the units that send drafts, the 规范提法 list. */
import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { CLASSIFICATION_LABELS } from '../../src-main/api/schemas';
import type { Series } from '../../src-main/api/types';
import { useApi } from '../api/context';
import { EmptyHint } from '../components/common/EmptyHint';
import { PageHeader } from '../components/common/PageHeader';
import { SeriesAddDialog } from '../components/settings/SeriesAddDialog';
import { SeriesEditDialog } from '../components/settings/SeriesEditDialog';
import { SeriesPicturesSwitch } from '../components/settings/SeriesPicturesSwitch';
import { UnitsPanel } from '../components/settings/UnitsPanel';
import { LiaisonsPanel } from '../components/settings/LiaisonsPanel';
import { WordingPanel } from '../components/proof/WordingPanel';
import { useLoad } from '../hooks/useLoad';
import { DashboardSettingsPanel } from '../components/settings/DashboardSettingsPanel';

export function SettingsPage() {
  return (
    <>
      <PageHeader title="设置" />
      <Tabs defaultValue="series" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="series" data-testid="settings-tab-series">
            刊物
          </Tabs.Tab>
          <Tabs.Tab value="units" data-testid="settings-tab-units">
            来稿单位
          </Tabs.Tab>
          <Tabs.Tab value="wording" data-testid="settings-tab-wording">
            规范提法
          </Tabs.Tab>
          {/* the 工作台's setting (issue 16, branch dash) */}
          <Tabs.Tab value="dashboard" data-testid="settings-tab-dashboard">
            工作台
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="series">
          <SeriesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="units">
          <UnitsPanel />
          <LiaisonsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="wording">
          <WordingPanel />
        </Tabs.Panel>
        <Tabs.Panel value="dashboard">
          <DashboardSettingsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function SeriesPanel() {
  const api = useApi();
  const list = useLoad(() => api.call('seriesList', {}), [api]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Series | null>(null);

  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="series-add">
      新建刊物
    </Button>
  );
  const series = list.data ?? [];
  return (
    <>
      {list.error && (
        <Alert color="red" title="刊物列表没有载入">
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data && <Loader />}
      {list.data && series.length === 0 && (
        <EmptyHint title="还没有刊物" action={addButton}>
          先新建一种刊物，如《XX县政务信息》；纸质刊物已出过若干期的，可以设定起始期号。
        </EmptyHint>
      )}
      {series.length > 0 && (
        <Stack gap="sm">
          <Group justify="flex-end">{addButton}</Group>
          <SimpleGrid cols={2} spacing="sm">
            {series.map((s) => (
              <Paper key={s.id} withBorder p="md" data-testid="series-card" data-id={s.id}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Title order={5}>《{s.name}》</Title>
                    <Text size="sm" c="dimmed">
                      {s.org ? `${s.org}编` : '未设编印单位'}
                    </Text>
                    <Group gap={6}>
                      <Badge variant="light" color="gray">
                        起始 第{s.firstNumber}期 · 总第{s.firstTotal}期
                      </Badge>
                      <Badge variant="light" color="gray">
                        {s.continuous ? '跨年连续编号' : '每年从第1期起'}
                      </Badge>
                      <Badge variant="light" color={s.maxClassification === 'classified' ? 'red' : 'gray'} data-testid="series-level">
                        最高密级：{CLASSIFICATION_LABELS[s.maxClassification]}
                      </Badge>
                      {s.numbered && (
                        <Badge variant="light" color="green">
                          已有签发期次
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      报头：{s.print.mastheadName}
                      {s.print.copies > 0 ? ` · 共印${s.print.copies}份` : ''}
                      {s.print.sensitivityMark ? ` · ${s.print.sensitivityMark}` : ''}
                    </Text>
                    <SeriesPicturesSwitch seriesId={s.id} />
                  </Stack>
                  <Button variant="default" size="xs" leftSection={<IconSettings size={14} />} onClick={() => setEditing(s)} data-testid="series-edit">
                    设置
                  </Button>
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
        </Stack>
      )}
      <SeriesAddDialog
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          list.reload();
        }}
      />
      <SeriesEditDialog
        series={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}

/** The window: header with the search box, the section list on the left, the open page. */
import { AppShell, Group, Kbd, MantineProvider, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { IconArchive, IconChartBar, IconFileText, IconNews, IconSearch, IconSend, IconSettings } from '@tabler/icons-react';
import { IconInbox } from '@tabler/icons-react';
import { IconDatabaseExport, IconHistory } from '@tabler/icons-react';
// the 工作台, the first page (issue 16, branch dash)
import { IconLayoutDashboard } from '@tabler/icons-react';
import { DashboardPage } from './pages/DashboardPage';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Api } from './api/client';
import { ApiProvider } from './api/context';
import { SearchDialog, type SearchTarget } from './components/search/SearchDialog';
import { BackupRunningBadge } from './components/backups/BackupRunning';
import { BackupWarning } from './components/backups/BackupWarning';
import { NavContext, type LeaveGuard, type Nav, type PageName, type Route } from './nav';
import { DraftRecovery } from './components/articles/DraftRecovery';
import { ArchivePage } from './pages/ArchivePage';
import { AuditPage } from './pages/AuditPage';
import { OperatorControl } from './components/audit/OperatorControl';
import { FirstStartGate } from './components/setup/FirstStartGate';
import { ArticlesPage } from './pages/ArticlesPage';
import { BackupsPage } from './pages/BackupsPage';
import { IntakePage } from './pages/IntakePage';
import { IssuesPage } from './pages/IssuesPage';
import { PacketsPage } from './pages/PacketsPage';
import { SettingsPage } from './pages/SettingsPage';
import { StatsPage } from './pages/StatsPage';
import { theme } from './theme';
// search hits on issue 16's records open their dialogs (branch search16)
import { RecordDialog, type RecordRef } from './components/search/RecordDialog';

const NAV_ITEMS: { page: PageName; label: string; icon: ReactNode }[] = [
  // the 工作台 opens first (issue 16, branch dash)
  { page: 'dashboard', label: '工作台', icon: <IconLayoutDashboard size={18} /> },
  { page: 'intake', label: '来稿', icon: <IconInbox size={18} /> },
  { page: 'articles', label: '稿件', icon: <IconFileText size={18} /> },
  { page: 'issues', label: '期刊', icon: <IconNews size={18} /> },
  { page: 'archive', label: '归档', icon: <IconArchive size={18} /> },
  { page: 'packets', label: '上报', icon: <IconSend size={18} /> },
];

export function App({ api }: { api: Api }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* Calendars in Chinese, weeks from Monday, as on the office's wall calendar. */}
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <ApiProvider api={api}>
          <ModalsProvider labels={{ confirm: '确定', cancel: '取消' }}>
            {/* Bottom left, three at most (the rest wait their turn): clear of the page actions at the top right and of a dialog's buttons at its foot. */}
            <Notifications position="bottom-left" limit={3} containerWidth={340} zIndex={400} />
            <FirstStartGate>
              <Shell />
            </FirstStartGate>
          </ModalsProvider>
        </ApiProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

function Shell() {
  const [nav, setNav] = useState<{ route: Route; seq: number }>({ route: { page: 'dashboard' }, seq: 0 });
  const [searchOpen, setSearchOpen] = useState(false);
  // a follow-up record opened from search (branch search16)
  const [record, setRecord] = useState<RecordRef | null>(null);
  const guard = useRef<LeaveGuard | null>(null);
  const leaving = useRef(false);
  // Every move (a nav link, 返回列表, Ctrl+N, a search hit) asks the open editor first, so
  // nothing typed is dropped by a click elsewhere; a second click while it asks is ignored.
  const go = useCallback((route: Route) => {
    const move = () => setNav((n) => ({ route, seq: n.seq + 1 }));
    const g = guard.current;
    if (!g) return move();
    if (leaving.current) return;
    leaving.current = true;
    void g()
      .then((ok) => {
        if (ok) {
          guard.current = null;
          move();
        }
      })
      .finally(() => {
        leaving.current = false;
      });
  }, []);
  const setLeaveGuard = useCallback((g: LeaveGuard | null) => {
    guard.current = g;
  }, []);
  const value = useMemo<Nav>(() => ({ ...nav, go, setLeaveGuard }), [nav, go, setLeaveGuard]);
  const openHit = useCallback((t: SearchTarget) => ('record' in t ? setRecord(t.record) : go(t.route)), [go]);

  // [] = also inside text fields: these are the app's own commands, not typing.
  useHotkeys(
    [
      ['mod+K', () => setSearchOpen(true)],
      ['mod+N', () => go({ page: 'articles', articleId: 'new' })],
    ],
    [],
  );

  const page = nav.route.page;
  return (
    <NavContext.Provider value={value}>
      <AppShell header={{ height: 52 }} navbar={{ width: 168, breakpoint: 0 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Text fw={700} size="lg" c="indigo.8" style={{ letterSpacing: 1 }}>
                政务信息编印台
              </Text>
              <Text size="xs" c="dimmed">
                信息科
              </Text>
            </Group>
            <Group gap="md" wrap="nowrap">
            <BackupRunningBadge />
            <OperatorControl />
            <UnstyledButton
              onClick={() => setSearchOpen(true)}
              px="sm"
              py={6}
              w={340}
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: 'var(--mantine-color-gray-0)' }}
              data-testid="search-open"
            >
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Group gap="xs" wrap="nowrap">
                  <IconSearch size={16} color="var(--mantine-color-gray-6)" />
                  <Text size="sm" c="dimmed">
                    查找稿件、期次、约稿等…
                  </Text>
                </Group>
                <Group gap={2} wrap="nowrap">
                  <Kbd size="xs">Ctrl</Kbd>
                  <Kbd size="xs">K</Kbd>
                </Group>
              </Group>
            </UnstyledButton>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs">
          <AppShell.Section grow component={ScrollArea}>
            {NAV_ITEMS.map((item) => (
              <NavLink
                key={item.page}
                label={item.label}
                leftSection={item.icon}
                active={page === item.page}
                onClick={() => go({ page: item.page } as Route)}
                data-testid={`nav-${item.page}`}
                style={{ borderRadius: 4 }}
              />
            ))}
            <NavLink
              label="统计"
              leftSection={<IconChartBar size={18} />}
              active={page === 'stats'}
              onClick={() => go({ page: 'stats' })}
              data-testid="nav-stats"
              style={{ borderRadius: 4 }}
            />
          </AppShell.Section>
          <AppShell.Section>
            <NavLink label="操作日志" leftSection={<IconHistory size={18} />} active={page === 'audit'} onClick={() => go({ page: 'audit' })} data-testid="nav-audit" style={{ borderRadius: 4 }} />
            <NavLink label="备份" leftSection={<IconDatabaseExport size={18} />} active={page === 'backups'} onClick={() => go({ page: 'backups' })} data-testid="nav-backups" style={{ borderRadius: 4 }} />
            <NavLink
              label="设置"
              leftSection={<IconSettings size={18} />}
              active={page === 'settings'}
              onClick={() => go({ page: 'settings' })}
              data-testid="nav-settings"
              style={{ borderRadius: 4 }}
            />
            <Text size="xs" c="dimmed" px="sm" pt="xs">
              Ctrl+N 新建稿件
              <br />
              Ctrl+S 保存
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main style={{ minWidth: 0 }}>
          <BackupWarning />
          {page === 'intake' && <IntakePage />}
          {page === 'articles' && <ArticlesPage />}
          {page === 'issues' && <IssuesPage />}
          {page === 'archive' && <ArchivePage />}
          {page === 'packets' && <PacketsPage />}
          {page === 'stats' && <StatsPage />}
          {page === 'backups' && <BackupsPage />}
          {page === 'audit' && <AuditPage />}
          {page === 'settings' && <SettingsPage />}
          {/* the 工作台 (issue 16, branch dash) */}
          {page === 'dashboard' && <DashboardPage />}
        </AppShell.Main>

        <SearchDialog opened={searchOpen} onClose={() => setSearchOpen(false)} onOpen={openHit} />
        <RecordDialog record={record} onClose={() => setRecord(null)} />
        <DraftRecovery />
      </AppShell>
    </NavContext.Provider>
  );
}

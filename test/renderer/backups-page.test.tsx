// @vitest-environment happy-dom
/** The backup page and the app-wide warning, against a fake API. */
import { Notifications } from '@mantine/notifications';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo, BackupStatus } from '../../src-main/api/ops/backups';
import { BackupRunningBadge } from '../../src-renderer/components/backups/BackupRunning';
import { BackupWarning } from '../../src-renderer/components/backups/BackupWarning';
import { NavContext, type Route } from '../../src-renderer/nav';
import { BackupsPage } from '../../src-renderer/pages/BackupsPage';
import { fakeApi, renderWithApi } from './render';

afterEach(cleanup);

const status = (over: Partial<BackupStatus> = {}): BackupStatus => ({
  dir: '/data/backups',
  lastBackup: { name: 'bulletin-20261120-083000-daily.db', createdAt: '2026-11-20T00:30:00.000Z', ageDays: 2 },
  lastExternal: null,
  warning: null,
  externalWarning: '还没有备份到U盘或其他磁盘。',
  running: null,
  check: { at: '2026-11-20T00:10:00.000Z', ok: true, text: '上次检查：2026年11月20日 08:10，完好', due: false },
  ...over,
});

const backup = (name: string, over: Partial<BackupInfo> = {}): BackupInfo => ({
  name,
  path: `/data/backups/${name}`,
  reason: 'daily',
  createdAt: '2026-11-20T00:30:00.000Z',
  size: 2_500_000,
  schemaVersion: 6,
  health: 'ok',
  checked: 'header',
  problem: null,
  databaseId: '7d0f4a52-1c1e-4c6e-9a1f-2b9d3e5c8a10',
  office: '城关县人民政府办公室',
  own: true,
  ...over,
});

function withNav(ui: React.ReactElement, route: Route = { page: 'articles' }, go: (r: Route) => void = () => {}) {
  return (
    <NavContext.Provider value={{ route, seq: 0, go }}>
      <Notifications />
      {ui}
    </NavContext.Provider>
  );
}

describe('the backup page', () => {
  it('lists the backups, and restores only after 恢复 is typed, with confirm: true', async () => {
    const { api, calls } = fakeApi({
      backupStatus: () => status(),
      backupList: () => ({
        dir: '/data/backups',
        databaseId: '7d0f4a52-1c1e-4c6e-9a1f-2b9d3e5c8a10',
        backups: [
          backup('bulletin-20261120-083000-daily.db'),
          backup('bulletin-20261119-083000-daily.db', { health: 'damaged', problem: '完整性检查未通过，文件已损坏。' }),
        ],
      }),
      backupRestore: ({ file }) => ({ restoredFrom: file, undoBackup: '/data/backups/bulletin-20261122-090000-before-restore.db', fromVersion: 6, schemaVersion: 6, warning: null }),
    });
    renderWithApi(withNav(<BackupsPage />, { page: 'backups' }), api);
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows.map((r) => r.dataset.health)).toEqual(['ok', 'damaged']);
    expect(within(rows[1]!).getByText('已损坏')).toBeTruthy();
    expect((within(rows[1]!).getByTestId('backup-restore') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('backup-age').textContent).toBe('2 天前');

    fireEvent.click(within(rows[0]!).getByTestId('backup-restore'));
    const confirm = (await screen.findByTestId('restore-confirm')) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('restore-confirm-text'), { target: { value: '确定' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('restore-confirm-text'), { target: { value: '恢复' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(calls.some((c) => c.op === 'backupRestore')).toBe(true));
    expect(calls.find((c) => c.op === 'backupRestore')!.input).toEqual({ file: '/data/backups/bulletin-20261120-083000-daily.db', confirm: true });
    expect(await screen.findByText(/恢复前的数据库已另存为 bulletin-20261122-090000-before-restore\.db/)).toBeTruthy();
  });

  it('shows a refused restore in the dialog, in the API’s words', async () => {
    const { api } = fakeApi({
      backupStatus: () => status(),
      backupList: () => ({ dir: '/data/backups', databaseId: null, backups: [backup('bulletin-20261120-083000-daily.db')] }),
      backupRestore: () => {
        throw new Error('备份文件“x”不能用来恢复：完整性检查未通过，文件已损坏。当前数据库没有改动。');
      },
    });
    renderWithApi(withNav(<BackupsPage />, { page: 'backups' }), api);
    fireEvent.click(await screen.findByTestId('backup-restore'));
    fireEvent.change(await screen.findByTestId('restore-confirm-text'), { target: { value: '恢复' } });
    fireEvent.click(screen.getByTestId('restore-confirm'));
    expect((await screen.findByTestId('restore-error')).textContent).toMatch(/当前数据库没有改动/);
  });

  it('marks another database’s backup, and restores it only once the user ticks that it is meant', async () => {
    const other = '0b6c2f1e-5d7a-4e3b-8c9d-1a2b3c4d5e6f';
    const { api, calls } = fakeApi({
      backupStatus: () => status(),
      backupList: () => ({
        dir: '/data/backups',
        databaseId: '7d0f4a52-1c1e-4c6e-9a1f-2b9d3e5c8a10',
        backups: [backup('bulletin-20261121-083000-daily.db', { own: false, databaseId: other, office: '河口县人民政府办公室' })],
      }),
      backupRestore: ({ file }) => ({
        restoredFrom: file,
        undoBackup: null,
        fromVersion: 7,
        schemaVersion: 7,
        warning: '已按要求用另一个数据库的备份恢复：备份来自“河口县人民政府办公室”。',
      }),
    });
    renderWithApi(withNav(<BackupsPage />, { page: 'backups' }), api);
    expect((await screen.findByTestId('backup-foreign')).textContent).toBe('其他数据库');
    fireEvent.click(screen.getByTestId('backup-restore'));
    expect((await screen.findByTestId('restore-foreign')).textContent).toContain('河口县人民政府办公室');
    fireEvent.change(screen.getByTestId('restore-confirm-text'), { target: { value: '恢复' } });
    const confirm = screen.getByTestId('restore-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('restore-foreign-ok'));
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(calls.some((c) => c.op === 'backupRestore')).toBe(true));
    expect(calls.find((c) => c.op === 'backupRestore')!.input).toEqual({ file: '/data/backups/bulletin-20261121-083000-daily.db', confirm: true, foreign: true });
    expect(await screen.findByText(/已按要求用另一个数据库的备份恢复/)).toBeTruthy();
  });

  it('backs up to the folder typed, showing progress while the copy runs', async () => {
    let finish!: () => void;
    let started = false;
    const { api, calls } = fakeApi({
      backupStatus: () => status({ running: started ? { kind: 'backup', target: 'E:\\备份', percent: 42, daily: false } : null }),
      backupList: () => ({ dir: '/data/backups', databaseId: null, backups: [] }),
      backupCreate: ({ to }) =>
        new Promise((resolve) => {
          started = true;
          finish = () => resolve({ path: `${to}\\bulletin-20261122-090000-manual.db`, name: 'bulletin-20261122-090000-manual.db', size: 1, reason: 'manual', createdAt: '', external: true, ms: 5 });
        }),
    });
    renderWithApi(withNav(<BackupsPage />, { page: 'backups' }), api);
    await screen.findByTestId('empty-state');
    fireEvent.change(screen.getByTestId('backup-folder'), { target: { value: ' E:\\备份 ' } });
    fireEvent.click(screen.getByTestId('backup-to-folder'));
    expect(await screen.findByTestId('backup-progress')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('backup-progress').textContent).toMatch(/42%/));
    finish();
    await waitFor(() => expect(screen.queryByTestId('backup-progress')).toBeNull());
    expect(calls.find((c) => c.op === 'backupCreate')!.input).toEqual({ to: 'E:\\备份' });
  });
});

describe('a copy that runs by itself', () => {
  it('shows the daily copy’s progress on the page and in the header, and the list again once it has ended', async () => {
    let percent: number | null = 35;
    const { api, calls } = fakeApi({
      backupStatus: () => status({ running: percent === null ? null : { kind: 'backup', target: '/data/backups', percent, daily: true } }),
      backupList: () => ({ dir: '/data/backups', databaseId: null, backups: [] }),
    });
    renderWithApi(
      withNav(
        <>
          <BackupRunningBadge />
          <BackupsPage />
        </>,
        { page: 'backups' },
      ),
      api,
    );
    expect((await screen.findByTestId('backup-running')).textContent).toBe('正在自动备份 35%');
    expect((await screen.findByTestId('backup-progress-other')).textContent).toMatch(/正在自动备份 35%/);
    // Another copy cannot start meanwhile: the button says so by being off.
    expect((screen.getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(true);
    percent = 80;
    await waitFor(() => expect(screen.getByTestId('backup-running').textContent).toBe('正在自动备份 80%'), { timeout: 5000 });
    const listed = calls.filter((c) => c.op === 'backupList').length;
    percent = null;
    await waitFor(() => expect(screen.queryByTestId('backup-running')).toBeNull(), { timeout: 5000 });
    await waitFor(() => expect(screen.queryByTestId('backup-progress-other')).toBeNull(), { timeout: 5000 });
    await waitFor(() => expect(calls.filter((c) => c.op === 'backupList').length).toBeGreaterThan(listed));
    expect((screen.getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the app-wide warning', () => {
  it('shows the API’s warning with a way to the backup page, and nothing when there is none', async () => {
    const went: Route[] = [];
    const { api } = fakeApi({ backupStatus: () => status({ warning: '最近一次备份是 9 天前。' }) });
    renderWithApi(withNav(<BackupWarning />, { page: 'issues' }, (r) => went.push(r)), api);
    expect((await screen.findByTestId('app-backup-warning')).textContent).toMatch(/9 天前/);
    fireEvent.click(screen.getByText('去备份'));
    expect(went).toEqual([{ page: 'backups' }]);
    cleanup();

    const quiet = fakeApi({ backupStatus: () => status() });
    renderWithApi(withNav(<BackupWarning />), quiet.api);
    await waitFor(() => expect(quiet.calls.length).toBe(1));
    expect(screen.queryByTestId('app-backup-warning')).toBeNull();
  });
});

/**
 * 操作日志: who did what to which record, and when — every change, export and restore, as the
 * database recorded it in the same transaction. Read-only; filtered by date, operator and
 * object, paged, and exported to Excel (the desktop asks where; browser mode downloads).
 */
import { Alert, Button, Group, Loader, Pagination, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../api/context';
import { downloadBase64 } from '../api/download';
import { notifyError, notifyOk } from '../api/notify';
import { AuditFilters, auditQuery, NO_AUDIT_FILTER, type AuditFilterValue } from '../components/audit/AuditFilters';
import { AuditTable } from '../components/audit/AuditTable';
import { EmptyHint } from '../components/common/EmptyHint';
import { PageHeader } from '../components/common/PageHeader';
import { useLoad } from '../hooks/useLoad';

const PAGE_SIZE = 50;

export function AuditPage() {
  const api = useApi();
  const [filter, setFilter] = useState<AuditFilterValue>(NO_AUDIT_FILTER);
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const query = auditQuery(filter);
  const key = JSON.stringify(query);
  const log = useLoad(() => api.call('auditList', { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [api, key, page]);

  const changeFilter = (v: AuditFilterValue) => {
    setFilter(v);
    setPage(1);
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const bridge = api.mode === 'desktop' ? window.bulletin : undefined;
      if (bridge) {
        const chosen = await bridge.saveDialog({ title: '导出操作日志', defaultName: '操作日志.xlsx', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
        if (!chosen) return;
        const r = await api.call('auditExport', { ...query, out: chosen });
        notifyOk(`${r.rows} 条记录：${r.path}`, '已导出操作日志');
        await api.showInFolder(r.path);
        return;
      }
      const file = await api.call('auditXlsx', query);
      downloadBase64(file.base64, file.fileName);
      notifyOk(`已下载 ${file.fileName}（${file.rows} 条记录）`, '已导出操作日志');
    } catch (e) {
      notifyError(e, '未能导出操作日志');
    } finally {
      setExporting(false);
    }
  };

  const total = log.data?.total ?? 0;
  return (
    <>
      <PageHeader title="操作日志" hint="谁在什么时候对哪条记录做了什么；只能追加，不能修改或删除">
        <Button variant="light" leftSection={<IconFileSpreadsheet size={16} />} loading={exporting} onClick={() => void exportXlsx()} data-testid="audit-export">
          导出 Excel
        </Button>
      </PageHeader>
      <Stack gap="sm">
        <AuditFilters value={filter} onChange={changeFilter} />
        {log.error && (
          <Alert color="red" title="操作日志没有载入">
            {log.error}
          </Alert>
        )}
        {log.loading && !log.data && <Loader m="xl" />}
        {log.data && total === 0 && <EmptyHint title="没有符合条件的操作记录">请放宽日期、操作人或对象的筛选条件。</EmptyHint>}
        {log.data && total > 0 && (
          <>
            <AuditTable entries={log.data.rows} />
            <Group justify="space-between">
              <Text size="sm" c="dimmed" data-testid="audit-total">
                共 {total} 条
              </Text>
              {total > PAGE_SIZE && <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} size="sm" />}
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}

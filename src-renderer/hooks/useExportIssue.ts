/** 导出 Word: saves an issue's file (dialog or download) and reports where it went. */
import { useState } from 'react';
import type { IssueSummary } from '../../src-main/api/types';
import { useApi } from '../api/context';
import { notifyError, notifySaved } from '../api/notify';
import { issueFileName } from '../format';

type Exportable = Pick<IssueSummary, 'id' | 'series' | 'year' | 'number' | 'totalNumber' | 'supplement' | 'date'>;

export function useExportIssue() {
  const api = useApi();
  const [exporting, setExporting] = useState<number | null>(null);
  const exportIssue = async (issue: Exportable) => {
    setExporting(issue.id);
    try {
      const saved = await api.saveIssueDocx(issue.id, issueFileName(issue));
      if (saved) notifySaved(api, saved);
    } catch (e) {
      notifyError(e, '未能导出');
    } finally {
      setExporting(null);
    }
  };
  return { exportIssue, exporting };
}

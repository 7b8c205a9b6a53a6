/**
 * The coverage check of the item being edited (API op articleCoverage on the unsaved text), run
 * when typing pauses: which characters the office fonts may not show, shown under the editor.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { CoverageReport } from '../../src-main/api/coverage-types';
import { useApi } from '../api/context';

export function useArticleCoverage(title: string, body: string, unit: string | null): CoverageReport | null {
  const api = useApi();
  const [text] = useDebouncedValue(JSON.stringify([title, body, unit]), 500);
  const [report, setReport] = useState<CoverageReport | null>(null);

  useEffect(() => {
    const [t, b, u] = JSON.parse(text) as [string, string, string | null];
    if (!t && !b) {
      setReport(null);
      return;
    }
    let live = true;
    api.call('articleCoverage', { title: t, body: b, unit: u }).then(
      (r) => live && setReport(r),
      // A check that cannot run (e.g. text over the size limit) says nothing; saving will.
      () => live && setReport(null),
    );
    return () => {
      live = false;
    };
  }, [api, text]);

  return report;
}

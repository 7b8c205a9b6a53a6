/**
 * 导出全年: a full year of the shared archive (480 issues at full size) exported through the API —
 * every archived file written and renamed, the register (刊物目录.xlsx) and SHA256SUMS. The
 * archive built by SQL holds a stand-in file of a real issue's size for every signed issue.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../src-main/wiring/dispatch';
import type { YearExportResult } from '../../src-main/api/ops/year-export';
import { createCtx } from '../../src-main/services/context';
import { openDatabase } from '../../src-main/store/db';
import { archiveCopy } from './archive';
import { goalLine, row, time } from './stats';

export async function benchYearExport(dir: string, quick: boolean): Promise<string[]> {
  const db = openDatabase(archiveCopy(dir, quick, 'year-export.db'));
  try {
    const ctx = createCtx(db);
    // The busiest year (480 issues; the archive's last year is partial).
    const { year, n } = db.prepare("SELECT year, count(*) AS n FROM issues WHERE status = 'signed' GROUP BY year ORDER BY n DESC, year DESC LIMIT 1").get() as { year: number; n: number };
    // The archive holds an archived file for every signed issue (archive.ts), and an archived
    // file never changes (a trigger refuses it): they are exported as they are.
    const { kb } = db.prepare("SELECT avg(f.size) / 1024.0 AS kb FROM issue_files f JOIN issues i ON i.id = f.issue_id WHERE i.status = 'signed' AND i.year = ?").get(year) as { kb: number };

    let last: YearExportResult | undefined;
    const runs = quick ? 2 : 3;
    const s = await time(runs, async (i) => {
      const out = path.join(dir, `year-export-${i}`);
      fs.mkdirSync(out);
      last = (await dispatch(ctx, 'issueExportYear', { series: 1, year, out })) as YearExportResult;
    });
    for (let i = 0; i < runs; i++) fs.rmSync(path.join(dir, `year-export-${i}`), { recursive: true, force: true });
    const what = `${n} issues of ${year}, ~${kb.toFixed(0)} KB each, ${last?.files.length ?? 0} files + register + SHA256SUMS`;
    return [row('export a year (issueExportYear)', s, what), goalLine(`${n} issues exported (median)`, s.median / 1000, '<=', 30, 's')];
  } finally {
    db.close();
  }
}

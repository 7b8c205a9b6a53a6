/**
 * 导出全年: a full year of the shared archive (480 issues at full size) exported through the API —
 * every archived file written and renamed, the register (刊物目录.xlsx) and SHA256SUMS. The
 * archive is built by SQL and holds no Word files, so real ones are rendered for a few of the
 * year's issues and stored for all of them (the size of a real issue's file is what counts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../src-main/wiring/dispatch';
import type { YearExportResult } from '../../src-main/api/ops/year-export';
import { renderIssueDocx } from '../../src-main/export/docx-issue';
import { buildIssueModel, sha256 } from '../../src-main/services/archive';
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
    const ids = (db.prepare("SELECT id FROM issues WHERE status = 'signed' AND year = ? ORDER BY number").all(year) as { id: number }[]).map((r) => r.id);
    const samples: Buffer[] = [];
    for (const id of ids.slice(0, 3)) samples.push(Buffer.from(await renderIssueDocx(buildIssueModel(ctx, id))));
    const store = db.prepare('INSERT OR IGNORE INTO issue_files (issue_id, docx, sha256, size, created_at) VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      ids.forEach((id, i) => {
        const bytes = samples[i % samples.length]!;
        store.run(id, bytes, sha256(bytes), bytes.length, '2026-01-01T00:00:00.000Z');
      });
    })();

    let last: YearExportResult | undefined;
    const runs = quick ? 2 : 3;
    const s = await time(runs, async (i) => {
      const out = path.join(dir, `year-export-${i}`);
      fs.mkdirSync(out);
      last = (await dispatch(ctx, 'issueExportYear', { series: 1, year, out })) as YearExportResult;
    });
    for (let i = 0; i < runs; i++) fs.rmSync(path.join(dir, `year-export-${i}`), { recursive: true, force: true });
    const mb = samples.reduce((a, b) => a + b.length, 0) / samples.length / 1024;
    const what = `${n} issues of ${year}, ~${mb.toFixed(0)} KB each, ${last?.files.length ?? 0} files + register + SHA256SUMS`;
    return [row('export a year (issueExportYear)', s, what), goalLine(`${n} issues exported (median)`, s.median / 1000, '<=', 30, 's')];
  } finally {
    db.close();
  }
}

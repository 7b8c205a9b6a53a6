/**
 * A packet reports real progress while it is built (files done of all: each issue, each item,
 * the list, the zip), and takes more than the old 200 issues: 250 signed issues go in one
 * packet that verifies; the bound that stays refuses with its number.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../src-main/api/ops/year-export';
import { PACKET_LIMITS } from '../src-main/packet/manifest';
import { addBigYear } from './helpers/big-year';
import { snapshotAll } from './helpers/db';
import { county, type County } from './helpers/packet';

let c: County;
beforeEach(async () => {
  c = await county();
});
afterEach(() => c.t.close());

describe('packet progress', () => {
  it('counts every file of the packet as it is made, up to the whole', async () => {
    const seen: ExportProgress[] = [];
    const exporting = c.t.call('packetExport', { issueIds: c.issues, articleIds: c.singles, out: c.out });
    let finished = false;
    void exporting.finally(() => (finished = true));
    while (!finished) {
      const p = (await c.t.call('exportProgress', { kind: 'packetExport' })).running;
      if (p) seen.push(p);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const r = await exporting;
    expect(r.manifest.issues).toHaveLength(2);
    const total = c.issues.length + c.singles.length + 2;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.kind === 'packetExport' && p.total === total)).toBe(true);
    const done = seen.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(Math.max(...done)).toBeGreaterThanOrEqual(c.issues.length);
    // Over: no task left to report.
    expect((await c.t.call('exportProgress', { kind: 'packetExport' })).running).toBeNull();
  });

  it('takes 250 issues in one packet, which packet verify accepts', async () => {
    addBigYear(c.t.db, { seriesId: 1, year: 2027, count: 250, fileBytes: 8 * 1024, items: true });
    const ids = (c.t.db.prepare("SELECT id FROM issues WHERE year = 2027 ORDER BY number").all() as { id: number }[]).map((r) => r.id);
    expect(ids).toHaveLength(250);
    const r = await c.t.call('packetExport', { issueIds: ids, out: c.out });
    expect(r.manifest.issues).toHaveLength(250);
    const verified = await c.t.call('packetVerify', { path: r.path });
    expect(verified.faults).toEqual([]);
    expect(verified.ok).toBe(true);
  });

  it('refuses more issues than the bound, naming it, and changes nothing', async () => {
    const before = snapshotAll(c.t.db);
    const ids = Array.from({ length: PACKET_LIMITS.issues + 1 }, (_, i) => i + 1);
    const e = await c.t.refuse('packetExport', { issueIds: ids, out: c.out });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain(`一个上报包最多${PACKET_LIMITS.issues}个期`);
    expect(fs.readdirSync(c.out)).toEqual([]);
    expect(snapshotAll(c.t.db)).toEqual(before);
    expect(path.isAbsolute(c.out)).toBe(true);
  });
});

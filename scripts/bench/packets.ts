/**
 * Packets: exporting a large packet (signed issues read from the archive, single items rendered,
 * the list, the zip written and registered) and verifying it (every entry read and hashed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../src-main/wiring/dispatch';
import { DEMO_ARTICLES } from '../../src-main/demo/county';
import { createCtx } from '../../src-main/services/context';
import { openDatabase } from '../../src-main/store/db';
import { MIN_SAMPLES, row, time } from './stats';

export async function benchPackets(dir: string, quick: boolean): Promise<string[]> {
  const db = openDatabase(path.join(dir, 'packets.db'));
  const ctx = createCtx(db);
  const call = (name: string, input: unknown) => dispatch(ctx, name, input) as Promise<{ id: number }>;
  const issueCount = quick ? 8 : 40;
  const itemCount = quick ? 30 : 200;
  const series = await call('seriesAdd', { name: '清源县政务信息', org: '清源县人民政府办公室' });
  await call('settingsSet', { sender: { office: '清源县人民政府办公室', shortName: '清源县政府办', contactPerson: '王某某', phone: '0000-1234567' } });
  const addItem = async (i: number) => {
    const { inIssue: _x, ...a } = DEMO_ARTICLES[i % DEMO_ARTICLES.length]!;
    return (await call('articleAdd', { ...a, unit: undefined, title: `${a.title}（${i + 1}）` })).id;
  };
  const issues: number[] = [];
  for (let n = 0; n < issueCount; n++) {
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push(await addItem(n * 8 + i));
    const issue = await call('issueCreate', { series: series.id, date: '2026-11-21' });
    await call('issueAddArticles', { id: issue.id, articleIds: ids });
    await call('issueSubmit', { id: issue.id });
    await call('issueSign', { id: issue.id, signedBy: '张建国' });
    issues.push(issue.id);
  }
  const items: number[] = [];
  for (let i = 0; i < itemCount; i++) items.push(await addItem(10_000 + i));

  const out = path.join(dir, 'packet-usb');
  fs.mkdirSync(out);
  let last = { path: '', size: 0 };
  const runs = quick ? 2 : 3;
  const exported = await time(runs, async () => {
    last = (await dispatch(ctx, 'packetExport', { issueIds: issues, articleIds: items, out })) as { path: string; size: number };
  });
  const verified = await time(runs, async () => {
    const r = (await dispatch(ctx, 'packetVerify', { path: last.path })) as { ok: boolean };
    if (!r.ok) throw new Error('benchmark packet failed verification');
  });
  const small = await time(MIN_SAMPLES, () => dispatch(ctx, 'packetExport', { issueIds: [issues[0]], articleIds: items.slice(0, 3), out }));
  db.close();
  const what = `${issueCount} issues + ${itemCount} items, ${(last.size / 1024 / 1024).toFixed(1)} MB`;
  return [
    row('export a packet (1 issue + 3 items)', small),
    row('export a large packet', exported, what),
    row('verify that packet', verified, what),
  ];
}

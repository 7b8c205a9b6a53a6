/**
 * `bulletin search` over issue 16's records through the real built binary (npm run build
 * first): a commission found by a word of its requirements with its kind label, `--kind`
 * narrowing to one kind, an officer added by `bulletin liaison add` found at once, `search
 * reindex` counting every record, and a wrong `--kind` refused (exit 2, Chinese reason) with
 * the database file byte-identical.
 */
import { binary as bulletin, sha256File as sha } from './helpers/binary';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './helpers/db';


let t: TestDb;
let db = '';
const ids = { commission: 0, instruction: 0, urgent: 0 };

beforeAll(async () => {
  t = openTestDb({ now: () => new Date(2026, 9, 15, 12) });
  await t.call('seriesAdd', { name: '城关县政务信息', org: '城关县人民政府办公室' });
  const a = (await t.call('unitAdd', { name: '城关镇' })).id;
  const article = (await t.call('articleAdd', { title: '城关镇秋粮收购有序推进', body: '正文。', unit: a })).id;
  ids.commission = (await t.call('commissionAdd', { topic: '秋冬季安全生产', deadline: '2026-10-30', units: [a] })).id;
  await t.call('commissionNoticeSet', { id: ids.commission, date: '2026-10-10', requirements: '重点反映危化品企业排查整治情况。' });
  ids.instruction = (await t.call('instructionAdd', { articleId: article, level: 'county', leader: '县长陈志远', date: '2026-10-12', text: '请粮食部门做好仓储调度。' })).id;
  ids.urgent = (await t.call('urgentAdd', { unit: a, what: '城关镇一仓库发生火情', place: '城关镇工业园', eventTime: '2026-10-14 08:00' })).id;
  db = t.file;
  t.db.close();
});
afterAll(() => t?.close());

it('finds a commission by a word of its requirements, labelled 约稿, and narrows by --kind', () => {
  const r = bulletin(db, 'search', '危化品');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`[约稿 #${ids.commission}] 秋冬季安全生产`);
  expect(r.stdout).toContain('【危化品】');

  const all = bulletin(db, '--json', 'search', '城关镇');
  const kinds = (JSON.parse(all.stdout) as { kind: string }[]).map((h) => h.kind).sort();
  expect(kinds).toEqual(expect.arrayContaining(['article', 'commission', 'urgent']));
  const only = JSON.parse(bulletin(db, '--json', 'search', '城关镇', '--kind', 'urgent').stdout) as { kind: string; id: number; title: string }[];
  expect(only).toEqual([expect.objectContaining({ kind: 'urgent', id: ids.urgent, title: '城关镇一仓库发生火情' })]);
  expect(bulletin(db, 'search', '仓储调度').stdout).toContain(`[批示 #${ids.instruction}] 县长陈志远批示：城关镇秋粮收购有序推进`);
});

it('an officer added from the command line is found at once; reindex counts every record', () => {
  expect(bulletin(db, 'liaison', 'add', '--unit', '城关镇', '--name', '诸葛明', '--phone', '13700001111', '--from', '2026-01-01').code).toBe(0);
  expect(bulletin(db, 'search', '诸葛明').stdout).toMatch(/\[信息员 #\d+\] 【诸葛明】/);
  const re = bulletin(db, '--json', 'search', 'reindex');
  expect(re.code).toBe(0);
  // 1 item, 1 commission, 1 instruction, 1 officer, 1 urgent event
  expect((JSON.parse(re.stdout) as { documents: number }).documents).toBe(5);
  expect(bulletin(db, 'search', '诸葛明').stdout).toContain('诸葛明');
});

it('refuses an unknown --kind in Chinese and leaves the file as it was', () => {
  const before = sha(db);
  const r = bulletin(db, 'search', '城关镇', '--kind', 'nosuch');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('commission（约稿）');
  expect(sha(db)).toBe(before);
});

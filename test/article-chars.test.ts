/**
 * The items list's 字数 comes from counts kept per item (services/article-chars.ts): after any
 * edit, in this process or another connection's, the list shows the count of the text as it is.
 */
import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { countChars, type Paragraph } from '../src-main/api/text';
import { openTestDb, seed, type TestDb } from './helpers/db';

const open: TestDb[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function truth(t: TestDb): Map<number, number> {
  const rows = t.db.prepare('SELECT id, paragraphs FROM articles').all() as { id: number; paragraphs: string }[];
  return new Map(rows.map((r) => [r.id, countChars(JSON.parse(r.paragraphs) as Paragraph[])]));
}

async function listed(t: TestDb): Promise<Map<number, number>> {
  const page = await t.call('articleList', { limit: 500 });
  return new Map(page.rows.map((r) => [r.id, r.chars]));
}

it('shows each item’s count as its text now is, after edits here and by another connection', async () => {
  const t = openTestDb();
  open.push(t);
  const { articles } = await seed(t, 5);
  expect(await listed(t)).toEqual(truth(t));
  await t.call('articleEdit', { id: articles[0]!.id, body: '一段新的正文，比原来短。' });
  await t.call('articleEdit', { id: articles[1]!.id, body: `${'很长的正文'.repeat(200)}。` });
  expect(await listed(t)).toEqual(truth(t));

  // Another connection (the CLI while the window is open) rewrites a text: the count kept in
  // this process is not used for it.
  const other = new Database(t.file);
  try {
    other.prepare("UPDATE articles SET paragraphs = ?, updated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?").run(
      JSON.stringify([{ level: 0, text: '别的连接写入的正文。' }]),
      articles[2]!.id,
    );
  } finally {
    other.close();
  }
  expect(await listed(t)).toEqual(truth(t));
  expect((await listed(t)).get(articles[2]!.id)).toBe(countChars([{ level: 0, text: '别的连接写入的正文。' }]));
});

/**
 * An item with a table and a 注： block goes up in a packet and arrives at the city as a draft
 * with the same table and notes (issue 19 with issue 17): the manifest carries them, packet
 * verify accepts them, and the city's draft holds the table as a table.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { type TestDb } from './helpers/db';
import { countyAndCity, entriesOf, listDir, type County } from './helpers/packet';

let c: County;
let city: TestDb;
countyAndCity((two) => ({ c, city } = two));

const TABLE = { caption: '前三季度主要经济指标', unit: '单位：亿元', headerRows: 1, rows: [['指标', '数值'], ['地区生产总值', '186.4'], ['社会消费品零售总额', '58.7']], merges: [] };

it('carries an item’s table and notes in the manifest; the city registers them as they were', async () => {
  const item = await c.t.call('articleAdd', {
    title: '我县前三季度主要经济指标稳中有进',
    paragraphs: [
      { level: 0, text: '据县统计部门数据，前三季度全县经济稳中有进。' },
      { level: 0, text: '', table: TABLE },
      { level: 0, text: '数据来源：县统计局。', note: true },
    ],
  });
  const r = await cli(c.t.file, 'packet', 'export', '--out', c.out, '--article', String(item.id));
  expect(r.stderr).toBe('');
  const zip = path.join(c.out, listDir(c.out)[0]!);
  const manifest = JSON.parse((await entriesOf(zip)).find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as {
    articles: { paragraphs: { table?: { rows: string[][] }; note?: true }[] }[];
  };
  expect(manifest.articles[0]!.paragraphs[1]!.table!.rows[1]).toEqual(['地区生产总值', '186.4']);
  expect(manifest.articles[0]!.paragraphs[2]!.note).toBe(true);

  const verified = await cli(c.t.file, 'packet', 'verify', zip);
  expect(verified.code).toBe(0);
  const got = await cli(city.file, 'packet', 'import', zip, '--new-unit', '县区');
  expect(got.stderr).toBe('');
  expect(got.code).toBe(0);
  const row = city.db.prepare('SELECT paragraphs FROM submissions').get() as { paragraphs: string };
  const paras = JSON.parse(row.paragraphs) as { text: string; table?: { caption: string; rows: string[][] }; note?: true }[];
  expect(paras[1]!.table).toMatchObject({ caption: TABLE.caption, rows: TABLE.rows });
  expect(paras[2]).toMatchObject({ text: '数据来源：县统计局。', note: true });
});

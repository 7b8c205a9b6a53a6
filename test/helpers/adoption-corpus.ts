/**
 * A county that has sent items upward, and the city's adoption list of 30 rows about them, in
 * the wording a city office uses: shortened, punctuation changed, “清源县：” or the town put in
 * front, a few rows about other counties' items. Each row names the item it really is (or null).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openTestDb, type TestDb } from './db';

/** Our items: [title, unit, sent upward]. Two unsent near-twins and two sent look-alikes make it harder. */
export const OUR_ITEMS: [string, string, boolean][] = [
  ['白沙镇多措并举推进秋冬种生产工作', '白沙镇', true],
  ['县发改局三项举措优化营商环境', '县发展和改革局', true],
  ['城关镇扎实开展安全生产大检查', '城关镇', true],
  ['县教育局推进“双减”政策落地见效', '县教育局', true],
  ['县卫健委全力做好冬季疫情防控工作', '县卫生健康委员会', true],
  ['青石乡打造特色产业助力乡村振兴', '青石乡', true],
  ['县交通运输局加快推进农村公路建设', '县交通运输局', true],
  ['县民政局做好困难群众冬季救助工作', '县民政局', true],
  ['县农业农村局强化高标准农田建设管护', '县农业农村局', true],
  ['县应急管理局开展森林防火专项整治行动', '县应急管理局', true],
  ['县市场监管局守护群众“舌尖上的安全”', '县市场监管局', true],
  ['县人社局多渠道促进高校毕业生就业', '县人社局', true],
  ['白沙镇“党建+网格”提升基层治理效能', '白沙镇', true],
  ['城关镇老旧小区改造惠及三千余户居民', '城关镇', true],
  ['青石乡茶叶产业带动群众增收致富', '青石乡', true],
  ['县发改局抓好重点项目谋划储备', '县发展和改革局', true],
  ['县教育局实施教师队伍素质提升工程', '县教育局', true],
  ['县卫健委推进紧密型县域医共体建设', '县卫生健康委员会', true],
  ['关于我县秋粮收购工作的情况报告', '县农业农村局', true],
  ['县交通运输局“四好农村路”建设取得新进展', '县交通运输局', true],
  ['县民政局推进养老服务体系建设', '县民政局', true],
  ['城关镇开展“文明城市创建”集中攻坚行动', '城关镇', true],
  ['白沙镇以“小切口”推动人居环境“大变化”', '白沙镇', true],
  ['县应急管理局加强汛后水毁设施修复', '县应急管理局', true],
  ['县市场监管局助力个体工商户纾困发展', '县市场监管局', true],
  ['县人社局推进根治欠薪冬季专项行动', '县人社局', true],
  ['县发改局召开重点项目推进会', '县发展和改革局', false],
  ['城关镇开展安全生产培训', '城关镇', false],
  ['白沙镇推进冬季农业生产工作', '白沙镇', true],
  ['县卫健委做好秋季传染病防控工作', '县卫生健康委员会', true],
];

/** The city's rows: [title, unit, publication, issue, date, kind, index into OUR_ITEMS or null]. */
export const CITY_ROWS: [string, string, string, string, string | Date, string, number | null][] = [
  ['清源县白沙镇：多措并举推进秋冬种生产', '清源县', '《政务信息快报》', '第45期', '2026-11-12', '全文', 0],
  ['清源县三项举措优化营商环境', '清源县', '政务信息快报', '第45期', '2026/11/12', '简讯', 1],
  ['城关镇开展安全生产大检查', '清源县城关镇', '政务信息快报', '第46期', '2026年11月14日', '全文', 2],
  ['清源县推进"双减"政策落地见效', '清源县', '政务信息快报', '第46期', new Date(Date.UTC(2026, 10, 14)), '全文', 3],
  ['清源县全力做好冬季疫情防控', '清源县', '每日快报', '第210期', '2026-11-15', '简讯', 4],
  ['青石乡打造特色产业 助力乡村振兴', '清源县', '政务信息快报', '第47期', '2026-11-16', '全文', 5],
  ['清源县加快推进农村公路建设', '清源县', '政务信息快报', '第47期', '2026-11-16', '全文', 6],
  ['清源县做好困难群众冬季救助', '清源县', '每日快报', '第211期', '2026-11-16', '简讯', 7],
  ['清源县强化高标准农田建设管护', '清源县', '政务信息快报', '第48期', '2026-11-17', '全文', 8],
  ['清源县：开展森林防火专项整治', '清源县', '政务信息快报', '第48期', '2026-11-17', '全文', 9],
  ['清源县守护群众舌尖上的安全', '清源县', '每日快报', '第212期', '2026-11-17', '简讯', 10],
  ['清源县多渠道促进高校毕业生就业', '清源县', '政务信息快报', '第49期', '2026-11-18', '全文', 11],
  ['白沙镇"党建+网格"提升基层治理效能', '清源县', '政务信息快报', '第49期', '2026-11-18', '全文', 12],
  ['清源县城关镇老旧小区改造惠及三千余户', '清源县', '政务信息快报', '第49期', '2026-11-18', '全文', 13],
  ['清源县茶叶产业带动群众增收', '清源县', '每日快报', '第213期', '2026-11-18', '简讯', 14],
  ['清源县抓好重点项目谋划储备工作', '清源县', '政务信息快报', '第50期', '2026-11-19', '全文', 15],
  ['清源县实施教师队伍素质提升工程', '清源县', '政务信息快报', '第50期', '2026-11-19', '全文', 16],
  ['清源县推进紧密型县域医共体建设', '清源县', '市政府信息专报', '第12期', '2026-11-19', '综合', 17],
  ['清源县秋粮收购工作情况', '清源县', '市政府信息专报', '第12期', '2026-11-19', '综合', 18],
  ['清源县“四好农村路”建设取得新进展', '清源县', '政务信息快报', '第51期', '2026-11-20', '全文', 19],
  ['清源县推进养老服务体系建设', '清源县', '政务信息快报', '第51期', '2026-11-20', '全文', 20],
  ['城关镇开展文明城市创建集中攻坚', '清源县', '每日快报', '第215期', '2026-11-20', '简讯', 21],
  ['白沙镇以小切口推动人居环境大变化', '清源县', '政务信息快报', '第52期', '2026-11-21', '全文', 22],
  ['清源县加强汛后水毁设施修复', '清源县', '政务信息快报', '第52期', '2026-11-21', '全文', 23],
  ['清源县助力个体工商户纾困发展', '清源县', '每日快报', '第216期', '2026-11-21', '简讯', 24],
  ['清源县推进根治欠薪冬季专项行动', '清源县', '政务信息快报', '第53期', '2026-11-22', '全文', 25],
  ['石门县召开经济运行分析会', '石门县', '政务信息快报', '第53期', '2026-11-22', '全文', null],
  ['桃源县推进秋冬种生产工作', '桃源县', '政务信息快报', '第53期', '2026-11-22', '全文', null],
  ['石门县开展安全生产大检查', '石门县', '每日快报', '第217期', '2026-11-22', '简讯', null],
  ['市政府召开全市信息工作会议', '市政府办公室', '政务信息快报', '第54期', '2026-11-23', '全文', null],
];

export const HEADERS = ['序号', '信息标题', '报送单位', '采用刊物', '期号', '采用时间', '采用类型'];

export interface Corpus {
  t: TestDb;
  /** The article id of each OUR_ITEMS entry. */
  ids: number[];
  setNow(iso: string): void;
}

/** The county: units, items, a signed issue and single items sent upward in one packet on 2026-11-10. */
export async function corpusCounty(): Promise<Corpus> {
  let now = new Date('2026-11-10T02:00:00Z');
  const t = openTestDb({ now: () => now });
  await t.call('settingsSet', { sender: { office: '清源县人民政府办公室', shortName: '清源县政府办', contactPerson: '王某某', phone: '0000-1234567' } });
  const series = await t.call('seriesAdd', { name: '清源县政务信息', org: '清源县人民政府办公室' });
  const units = new Map<string, number>();
  for (const [, unit] of OUR_ITEMS) {
    if (!units.has(unit)) units.set(unit, (await t.call('unitAdd', { name: unit })).id);
  }
  await t.call('unitUpdate', { unit: '县发展和改革局', shortName: '县发改局' });
  await t.call('unitUpdate', { unit: '县卫生健康委员会', shortName: '县卫健委' });
  const ids: number[] = [];
  for (const [title, unit] of OUR_ITEMS) {
    const a = await t.call('articleAdd', { title, body: `${title}。今年以来，各项工作扎实推进。`, unit: units.get(unit)!, category: 'news' });
    ids.push(a.id);
  }
  // The first six go up inside a signed issue, the other sent ones alone.
  const issue = await t.call('issueCreate', { series: series.id, date: '2026-11-09' });
  await t.call('issueAddArticles', { id: issue.id, articleIds: ids.slice(0, 6) });
  await t.call('issueSubmit', { id: issue.id });
  await t.call('issueSign', { id: issue.id, signedBy: '张某某' });
  const singles = ids.filter((id, i) => i >= 6 && OUR_ITEMS[i]![2]);
  const out = path.join(t.dir, 'U盘');
  fs.mkdirSync(out);
  await t.call('packetExport', { issueIds: [issue.id], articleIds: singles, out });
  return { t, ids, setNow: (iso) => (now = new Date(iso)) };
}

/** The city's list as an .xlsx: a title line, the header, the 30 rows. */
export async function cityList(file: string, rows = CITY_ROWS, headers = HEADERS): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('采用情况');
  ws.addRow(['2026年11月各县区信息采用情况']);
  ws.addRow(headers);
  rows.forEach((r, i) => ws.addRow([i + 1, r[0], r[1], r[2], r[3], r[4], r[5]]));
  await wb.xlsx.writeFile(file);
}

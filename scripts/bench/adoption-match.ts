/**
 * Matching the city's adoption list (issue 17 part 5): a list of 30 rows against every item a
 * county has sent upward in ten years (10,000 items; a tenth with --quick) must be matched in at
 * most a second, what the dialog waits for after the file is chosen (reading the sheet aside).
 */
import { makeMatcher, type SentItem } from '../../src-main/services/adoption-match';
import { CITY_ROWS, OUR_ITEMS } from '../../test/helpers/adoption-corpus';
import { goalLine, row, time } from './stats';

const UNITS = ['白沙镇', '城关镇', '青石乡', '县发展和改革局', '县教育局', '县卫生健康委员会', '县交通运输局', '县民政局', '县农业农村局', '县应急管理局'];
const VERBS = ['扎实推进', '多措并举抓好', '全力做好', '着力强化', '持续深化', '加快推进', '创新开展', '统筹推进'];
const TOPICS = ['秋冬种生产', '安全生产大检查', '营商环境优化', '农村公路建设', '养老服务体系建设', '高标准农田建设', '森林防火', '老旧小区改造', '就业创业', '基层治理'];
const ENDS = ['工作', '取得实效', '见行见效', '成效明显', '专项行动', '惠及群众'];

/** n items of the corpus's kind of title, the corpus's own among them, sent over ten years. */
function items(n: number): SentItem[] {
  const out: SentItem[] = OUR_ITEMS.map(([title, unit], i) => ({ articleId: i + 1, title, units: [unit], unitWords: [unit], sentOn: '2026-11-10' }));
  for (let i = out.length; i < n; i++) {
    const unit = UNITS[i % UNITS.length]!;
    const title = `${unit}${VERBS[(i * 7) % VERBS.length]}${TOPICS[(i * 3) % TOPICS.length]}${ENDS[(i * 5) % ENDS.length]}（${i}）`;
    const year = 2016 + (i % 10);
    out.push({ articleId: i + 1, title, units: [unit], unitWords: [unit], sentOn: `${year}-0${1 + (i % 9)}-15` });
  }
  return out;
}

export async function benchAdoptionMatch(_dir: string, quick: boolean): Promise<string[]> {
  const n = quick ? 1_000 : 10_000;
  const sent = items(n);
  const rows = CITY_ROWS.map(([title, unit, , , date]) => ({ title, unit, date: typeof date === 'string' ? date.replace(/\//g, '-') : '2026-11-14' }));
  const build = await time(30, () => makeMatcher(sent, [], ['清源县']));
  const matcher = await makeMatcher(sent, [], ['清源县']);
  const match = await time(30, () => rows.map((r) => matcher.match(r)));
  const whole = await time(30, async () => {
    const m = await makeMatcher(sent, [], ['清源县']);
    return rows.map((r) => m.match(r));
  });
  return [
    `${n} items sent upward, a list of ${rows.length} rows`,
    row('build the search over the items', build),
    row('match the 30 rows', match),
    row('build and match (what a preview does)', whole),
    goalLine(`matching a 30-row list against ${n} sent items, p95`, whole.p95, '<=', 1000, 'ms'),
  ];
}

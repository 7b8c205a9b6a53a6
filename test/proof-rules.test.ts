/**
 * The proofreading checker's rules (issue 18), one by one: each mistake found with its rule and,
 * where the fix is certain, fixed to the right text; and text that is correct — English
 * quotations, URLs, identifiers, figures, list markers — left without a single finding.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORDING, RULE_IDS, applyFixesToText, checkItem, checkText, countFindings, fixItem, type ProofOptions, type RuleId } from '../src-main/proof';
import { chineseInteger } from '../src-main/proof/numbers';

const OPTS: ProofOptions = { wording: DEFAULT_WORDING };
const rulesOf = (text: string, opts: ProofOptions = OPTS, title = false) => checkText(text, title ? null : 0, opts).map((f) => f.rule);
/** The text after fixing every certain finding of one rule, round after round. */
const fixedBy = (text: string, rule: RuleId, opts: ProofOptions = OPTS) =>
  fixItem({ title: '', paragraphs: [{ text }] }, opts, (f) => f.rule === rule).paragraphs[0]!.text;

/** [mistaken text, the rule that must find it, the text once fixed — null when no fix is certain]. */
const MISTAKES: ReadonlyArray<[string, RuleId, string | null]> = [
  // Half-width punctuation in Chinese text.
  ['今年以来,城关镇投入资金。', 'half-width-punct', '今年以来，城关镇投入资金。'],
  ['城关镇投入资金.', 'half-width-punct', '城关镇投入资金。'],
  ['主要做法如下:一是强化领导。', 'half-width-punct', '主要做法如下：一是强化领导。'],
  ['加强领导;明确责任。', 'half-width-punct', '加强领导；明确责任。'],
  ['如何破解难题?', 'half-width-punct', '如何破解难题？'],
  ['干就完了!', 'half-width-punct', '干就完了！'],
  ['同比增长38.5%,高于全市。', 'half-width-punct', '同比增长38.5%，高于全市。'],
  ['推进5G,建设基站。', 'half-width-punct', '推进5G，建设基站。'],
  ['时间:8:30开始。', 'half-width-punct', '时间：8:30开始。'],
  ['确保“开门红”.', 'half-width-punct', '确保“开门红”。'],
  ['好!!', 'half-width-punct', '好！！'],
  ['一是抓项目,二是抓招商,三是抓服务。', 'half-width-punct', '一是抓项目，二是抓招商，三是抓服务。'],
  // Straight quotes.
  ['聚焦群众"急难愁盼"问题。', 'straight-quote', '聚焦群众“急难愁盼”问题。'],
  ['实行"一窗受理"。', 'straight-quote', '实行“一窗受理”。'],
  ["他说：“要抓好'三资'管理。”", 'straight-quote', '他说：“要抓好‘三资’管理。”'],
  ['"红色物业"托管。', 'straight-quote', '“红色物业”托管。'],
  // Half-width brackets.
  ['县发改局(牵头)负责。', 'half-width-bracket', '县发改局（牵头）负责。'],
  ['地区生产总值(GDP)增长。', 'half-width-bracket', '地区生产总值（GDP）增长。'],
  ['国内生产总值(国家统计局口径)。', 'half-width-bracket', '国内生产总值（国家统计局口径）。'],
  ['各镇（街道)要抓好落实。', 'half-width-bracket', '各镇（街道）要抓好落实。'],
  ['成立专班(组长由县长担任)。', 'half-width-bracket', '成立专班（组长由县长担任）。'],
  // Unmatched and crossed marks.
  ['聚焦群众“急难愁盼问题。', 'unmatched-mark', null],
  ['聚焦群众急难愁盼”问题。', 'unmatched-mark', null],
  ['学习《条例精神。', 'unmatched-mark', null],
  ['成立专班（组长由县长担任。', 'unmatched-mark', null],
  ['他说“要（抓好”落实）。', 'unmatched-mark', null],
  ['学习《关于《条例》的说明》。', 'unmatched-mark', null],
  ['实行‘一窗受理’。', 'single-quote-outside', null],
  // Repeated and conflicting marks.
  ['其他单位配合。。', 'repeated-punct', '其他单位配合。'],
  ['加强领导，，明确责任。', 'repeated-punct', '加强领导，明确责任。'],
  ['太好了！！！', 'repeated-punct', '太好了！'],
  ['怎么办？？', 'repeated-punct', '怎么办？'],
  ['城关镇、、清河镇。', 'repeated-punct', '城关镇、清河镇。'],
  ['加强领导，。明确责任。', 'conflicting-punct', null],
  ['加强领导。，明确责任。', 'conflicting-punct', null],
  ['加强领导；。', 'conflicting-punct', null],
  ['城关镇、，清河镇。', 'conflicting-punct', null],
  // 顿号 in an estimate.
  ['三、四天后完成。', 'dun-approx-number', '三四天后完成。'],
  ['每户五、六人。', 'dun-approx-number', '每户五六人。'],
  ['走访七、八家企业。', 'dun-approx-number', '走访七八家企业。'],
  // Spaces.
  ['城关镇 投入资金。', 'space-in-chinese', '城关镇投入资金。'],
  ['城关镇　投入资金。', 'space-in-chinese', '城关镇投入资金。'],
  ['投入资金，  建设项目。', 'space-in-chinese', '投入资金，建设项目。'],
  // Ellipsis and dash.
  ['加装电梯、管网更新...等需求。', 'ellipsis-form', '加装电梯、管网更新……等需求。'],
  ['加装电梯、管网更新。。。', 'ellipsis-form', '加装电梯、管网更新……'],
  ['加装电梯、管网更新…等需求。', 'ellipsis-form', '加装电梯、管网更新……等需求。'],
  ['加装电梯、管网更新⋯⋯等需求。', 'ellipsis-form', '加装电梯、管网更新……等需求。'],
  ['一个目标—建成示范县。', 'dash-form', '一个目标——建成示范县。'],
  ['一个目标--建成示范县。', 'dash-form', '一个目标——建成示范县。'],
  ['一个目标――建成示范县。', 'dash-form', '一个目标——建成示范县。'],
  ['一个目标———建成示范县。', 'dash-form', '一个目标——建成示范县。'],
  ['一个目标－－建成示范县。', 'dash-form', '一个目标——建成示范县。'],
  // Full-width digits and letters.
  ['完成投资１２３亿元。', 'full-width-alnum', '完成投资123亿元。'],
  ['增长１．５个百分点。', 'full-width-alnum', '增长1.5个百分点。'],
  ['建设５Ｇ基站。', 'full-width-alnum', '建设5G基站。'],
  ['ＧＤＰ增长。', 'full-width-alnum', 'GDP增长。'],
  // Dates.
  ['2026.10.1', 'date-form', '2026年10月1日'],
  ['会议于2026.12.4召开。', 'date-form', '会议于2026年12月4日召开。'],
  ['会议于2026-12-4召开。', 'date-form', '会议于2026年12月4日召开。'],
  ['会议于2026/12/04召开。', 'date-form', '会议于2026年12月4日召开。'],
  ['2026.10以来，全县推进改造。', 'date-form', '2026年10月以来，全县推进改造。'],
  ['截至2026.9，完成投资。', 'date-form', '截至2026年9月，完成投资。'],
  ['定于12月4号召开。', 'date-hao', '定于12月4日召开。'],
  ['定于十二月四号召开。', 'date-hao', '定于十二月四日召开。'],
  ['10月份启动。', 'month-fen', '10月启动。'],
  ['截至十月份，全县完成。', 'month-fen', '截至十月，全县完成。'],
  ['1—3月份，全县完成。', 'month-fen', '1—3月，全县完成。'],
  // Percentages.
  ['同比增长百分之五十。', 'percent-chinese', '同比增长50%。'],
  ['占比百分之三十八点五。', 'percent-chinese', '占比38.5%。'],
  ['提高百分之十五。', 'percent-chinese', '提高15%。'],
  ['达到百分之一百二十。', 'percent-chinese', '达到120%。'],
  // Ranges.
  ['1-10月，全县完成投资。', 'range-hyphen', '1—10月，全县完成投资。'],
  ['3~5天办结。', 'range-hyphen', '3—5天办结。'],
  ['2025-2026年度。', 'range-hyphen', '2025—2026年度。'],
  ['60－70岁老人。', 'range-hyphen', '60—70岁老人。'],
  // Confused words.
  ['截止10月底，全县完成。', 'confused-word', '截至10月底，全县完成。'],
  ['截止目前，已整改18个。', 'confused-word', '截至目前，已整改18个。'],
  ['截止到今年，已建成。', 'confused-word', '截至到今年，已建成。'],
  ['其它单位配合。', 'confused-word', '其他单位配合。'],
  ['做出重要批示。', 'confused-word', '作出重要批示。'],
  ['为全县发展做出贡献。', 'confused-word', '为全县发展作出贡献。'],
  ['县委做出部署。', 'confused-word', '县委作出部署。'],
  ['作好防汛工作。', 'confused-word', '做好防汛工作。'],
  ['制订法规。', 'confused-word', '制定法规。'],
  ['起用新系统。', 'confused-word', '启用新系统。'],
  ['大胆启用年轻干部。', 'confused-word', '大胆起用年轻干部。'],
  ['管理不到位，以至造成损失。', 'confused-word', '管理不到位，以致造成损失。'],
  // Miswritten words.
  ['县政府作出布署。', 'typo-word', '县政府作出部署。'],
  ['统筹按排资金。', 'typo-word', '统筹安排资金。'],
  ['既使困难再多。', 'typo-word', '即使困难再多。'],
  ['再接再励，争创佳绩。', 'typo-word', '再接再厉，争创佳绩。'],
  ['一如继往抓落实。', 'typo-word', '一如既往抓落实。'],
  ['发扬坚苦奋斗精神。', 'typo-word', '发扬艰苦奋斗精神。'],
  ['令人震憾。', 'typo-word', '令人震撼。'],
  ['纪律松驰。', 'typo-word', '纪律松弛。'],
  // Doubled characters.
  ['群众的的满意度。', 'doubled-char', '群众的满意度。'],
  ['完成了了任务。', 'doubled-char', '完成了任务。'],
  ['在在全县推广。', 'doubled-char', '在全县推广。'],
  // Official wording.
  ['深入学习贯彻二十大精神。', 'official-wording', '深入学习贯彻党的二十大精神。'],
  ['十八大以来，全县发展。', 'official-wording', '党的十八大以来，全县发展。'],
  ['编制十四五规划。', 'official-wording', '编制“十四五”规划。'],
  ['融入一带一路建设。', 'official-wording', '融入“一带一路”建设。'],
  ['县委县政府高度重视。', 'official-wording', '县委、县政府高度重视。'],
  ['学习习近平新时代特色社会主义思想。', 'official-wording', '学习习近平新时代中国特色社会主义思想。'],
  ['新冠肺炎疫情防控。', 'official-wording', '新冠病毒感染疫情防控。'],
  ['深化放管服改革。', 'official-wording', '深化“放管服”改革。'],
];

/** Correct text: not one finding of any rule. */
const CORRECT: readonly string[] = [
  '今年以来，城关镇投入1.5亿元改造老旧小区。',
  '2026年全县完成投资186.4亿元，同比增长5.8%。',
  '群众满意率达98.6%，高于全市平均水平0.6个百分点。',
  '1.明确责任分工',
  '（1）细化任务清单',
  '(1)细化任务清单',
  '(12)半角标号由标题规则处理',
  '一、强化组织领导',
  '（一）成立工作专班',
  '1—10月，全县完成投资。',
  '3～5天办结。',
  '会议于2026年12月4日召开。',
  '截至10月底，全县完成。',
  '10月底截止。',
  '报名截止日期为12月1日。',
  '其他单位配合。',
  '作出重要批示。',
  '做好防汛工作。',
  '做出样品。',
  '制定工作方案。',
  '启用新系统。',
  '起用年轻干部。',
  '从县到乡以至村，层层落实。',
  '他说：“要抓好‘三资’管理。”',
  '学习《关于〈条例〉的说明》。',
  '聚焦群众“急难愁盼”问题。',
  '城关镇“三个聚焦”推进改造。',
  '详见https://www.gov.cn/zhengce/2026-12/04/content_123.htm。',
  '登录www.qingyuan.gov.cn查询。',
  '邮箱：xxk@qingyuan.gov.cn。',
  '文件名为zheng_wu.docx，请查收。',
  '系统接口api/v1/items已上线。',
  '使用Node.js开发。',
  '标语写着"Welcome to Qingyuan"。',
  'He said, "Yes, we can." 这是一句英文。',
  'Made in China, made with care.',
  "西安（Xi'an）是古都。",
  '执行GB/T 15834-2011标准。',
  '执行GB/T 9704-2012。',
  '电话：0000-1234567。',
  '时间：8:30。',
  '投入资金12,345万元。',
  '第一、二季度完成投资。',
  '一、二级公路。',
  '三四天后完成。',
  '一个目标——建成示范县。',
  '加装电梯、管网更新……等需求。',
  '为了了解情况，开展调研。',
  '不了了之的问题。',
  '的的确确是好事。',
  '目的的实现。',
  '现在在建项目12个。',
  '实实在在为群众办事。',
  '深入学习贯彻党的二十大精神。',
  '中共二十大报告。',
  '党的十八大以来，全县发展。',
  '编制“十四五”规划。',
  '融入“一带一路”建设。',
  '县委、县政府高度重视。',
  '学习习近平新时代中国特色社会主义思想。',
  '建设5G基站。',
  '城区名校＋农村学校。',
  '百分之百满意。',
  '这是怎么回事？！',
  '（2）统一教师调配。（3）统一质量评价。',
  '采用A/B方案。',
  'PM2.5浓度下降。',
  '版本号为1.2.3。',
  '增长1.5倍。',
  '占比达到67.3%；社会消费品零售总额58.7亿元。',
  '4月份的数据另附。'.replace('4月份', '4月'),
];

describe('proofreading rules find each planted mistake', () => {
  it.each(MISTAKES)('%s → %s', (text, rule, fixed) => {
    expect(rulesOf(text)).toContain(rule);
    if (fixed !== null) expect(fixedBy(text, rule)).toBe(fixed);
    else expect(checkText(text, 0, OPTS).filter((f) => f.rule === rule).every((f) => f.fix === undefined)).toBe(true);
  });
});

describe('correct text stays untouched', () => {
  it.each(CORRECT)('%s', (text) => {
    expect(checkText(text, 0, OPTS)).toEqual([]);
  });
});

describe('every rule is covered', () => {
  it('has at least one mistake case per rule but the setting-dependent thousands rule', () => {
    const covered = new Set(MISTAKES.map((m) => m[1]));
    expect(RULE_IDS.filter((r) => !covered.has(r))).toEqual(['thousands-comma']);
    expect(MISTAKES.length + CORRECT.length).toBeGreaterThanOrEqual(150);
  });
});

describe('findings', () => {
  it('carry rule, severity, message citing the standard, exact span and paragraph', () => {
    const [f] = checkText('今年以来,城关镇。', 3, OPTS);
    expect(f).toMatchObject({ rule: 'half-width-punct', severity: '错误', paragraph: 3, start: 4, end: 5, text: ',', fix: '，' });
    expect(f!.message).toContain('GB/T 15834-2011');
    expect(checkText('会议于2026.12.4召开。', 0)[0]!.message).toContain('GB/T 15835-2011');
  });

  it('put the title first (paragraph null), then the paragraphs in order', () => {
    const found = checkItem({ title: '城关镇推进改造,惠及居民', paragraphs: [{ text: '其它单位。' }, { text: '好!' }] }, OPTS);
    expect(found.map((f) => [f.paragraph, f.rule])).toEqual([
      [null, 'half-width-punct'],
      [0, 'confused-word'],
      [1, 'half-width-punct'],
    ]);
  });

  it('let a headline set its two parts apart with one space, but not a body paragraph', () => {
    expect(rulesOf('城关镇推进改造 惠及居民4800余户', OPTS, true)).toEqual([]);
    expect(rulesOf('城关镇推进改造 惠及居民4800余户')).toEqual(['space-in-chinese']);
  });

  it('leave ignored findings out, by a key that survives edits elsewhere in the paragraph', () => {
    const item = { title: '', paragraphs: [{ text: '其它单位配合。' }] };
    const [f] = checkItem(item, OPTS);
    expect(checkItem(item, OPTS, new Set([f!.key]))).toEqual([]);
    const edited = { title: '', paragraphs: [{ text: '其它单位配合。今年以来，成效明显。' }] };
    expect(checkItem(edited, OPTS, new Set([f!.key]))).toEqual([]);
  });

  it('count 错误 and 建议', () => {
    expect(countFindings(checkText('其它单位配合。。', 0, OPTS))).toEqual({ errors: 1, suggestions: 1, total: 2 });
  });

  it('have no fix where the right mark is a matter of judgement', () => {
    for (const text of ['加强领导，。明确责任。', '聚焦群众“急难愁盼问题。']) {
      expect(checkText(text, 0, OPTS).every((f) => f.fix === undefined)).toBe(true);
    }
  });
});

describe('the thousands setting', () => {
  it('flags 12,345 in Chinese text only when the office writes figures plain', () => {
    expect(rulesOf('投入资金12,345万元。')).toEqual([]);
    expect(rulesOf('投入资金12,345万元。', { thousands: 'plain' })).toEqual(['thousands-comma']);
    expect(fixedBy('投入资金1,234,567元。', 'thousands-comma', { thousands: 'plain' })).toBe('投入资金1234567元。');
    expect(rulesOf('The total was 12,345.', { thousands: 'plain' })).toEqual([]);
  });
});

describe('the 规范提法 list', () => {
  it('is the office’s to change: an entry added is applied, an empty list finds nothing', () => {
    const wording = [{ wrong: '县政府办', right: '县政府办公室', keep: ['县政府办公室'] }];
    expect(rulesOf('县政府办牵头。', { wording })).toEqual(['official-wording']);
    expect(rulesOf('县政府办公室牵头。', { wording })).toEqual([]);
    expect(rulesOf('县委县政府高度重视。', { wording: [] })).toEqual([]);
  });

  it('takes a 建议 severity from the entry', () => {
    expect(checkText('新冠肺炎疫情。', 0, OPTS)[0]!.severity).toBe('建议');
  });
});

describe('fixing', () => {
  it('applies fixes from the end so offsets hold, skipping overlaps', () => {
    const text = '今年以来,城关镇其它单位配合。。';
    expect(applyFixesToText(text, checkText(text, 0, OPTS))).toBe('今年以来，城关镇其他单位配合。');
  });

  it('fixes every certain finding of an item in rounds and leaves uncertain ones', () => {
    const r = fixItem({ title: '城关镇推进改造,惠及居民', paragraphs: [{ text: '好!!', level: 0 }, { text: '加强领导，。其它单位。', level: 0 }] }, OPTS);
    expect(r.title).toBe('城关镇推进改造，惠及居民');
    expect(r.paragraphs.map((p) => p.text)).toEqual(['好！', '加强领导，。其他单位。']);
    expect(r.paragraphs[0]!.level).toBe(0);
  });

  it('reads Chinese integers for the percentage fix', () => {
    expect([chineseInteger('五十'), chineseInteger('十五'), chineseInteger('三十八'), chineseInteger('一百零五'), chineseInteger('两')]).toEqual([50, 15, 38, 105, 2]);
    expect(chineseInteger('五五')).toBeNull();
  });
});

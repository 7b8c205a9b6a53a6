/**
 * Thirty drafts of typical county material for the proofreading corpus test (issue 18), each
 * with mistakes planted the way drafts arrive: `[[rule:wrong=>right]]`. The correct text is
 * the draft with every `right`; the draft as received has every `wrong`.
 */
import type { RuleId } from '../../src-main/proof';

export const CORPUS_DRAFTS: ReadonlyArray<{ title: string; body: string }> = [
  {
    title: '城关镇“四个一”推进人居环境整治',
    body: `今年以来[[half-width-punct:,=>，]]城关镇围绕“干净、整洁、有序”目标，投入资金1260万元，整治背街小巷48条。
一、建立一套机制
镇里实行“镇干部包村、村干部包组”责任制，每月开展一次评比[[repeated-punct:。。=>。]]
二、打造一批示范
截至[[date-form:2026.10=>2026年10月]]，建成美丽庭院示范户326户，群众满意率达96.5%。`,
  },
  {
    title: '县发改局全力推进重点项目建设',
    body: `[[month-fen:1—9月份=>1—9月]]，全县48个重点项目完成投资86.3亿元，占年度计划的82.1%。
县发改局实行“一个项目、一名领导、一个专班”推进机制，协调解决用地、用能等问题37个[[half-width-punct:.=>。]]
下一步，将紧盯[[official-wording:十四五=>“十四五”]]规划目标，加快项目前期工作。`,
  },
  {
    title: '清河镇多措并举促进农民增收',
    body: `清河镇依托特色产业，[[confused-word:截止=>截至]]10月底，全镇农村居民人均可支配收入达到2.1万元，同比增长7.6%。
（一）做强茶叶产业。新建标准化茶园1200亩，带动农户860户。
（二）发展乡村旅游。打造精品民宿26家，接待游客[[full-width-alnum:１２=>12]]万人次。`,
  },
  {
    title: '县教育局扎实开展“双减”工作',
    body: `县教育局把“双减”作为重要民生工程，全县58所义务教育学校课后服务实现全覆盖，学生参与率达[[percent-chinese:百分之九十五=>95%]]。
同时，组建学科教研团队21个，开展集体备课[[ellipsis-form:...=>……]]等活动300余场次。`,
  },
  {
    title: '县卫健局推进紧密型县域医共体建设',
    body: `县卫健局以县人民医院为牵头单位[[half-width-bracket:(=>（]]含14个乡镇卫生院[[half-width-bracket:)=>）]]，组建紧密型医共体。
今年以来，县域内就诊率达到90.2%，基层首诊率提高6.3个百分点。
[[official-wording:县委县政府=>县委、县政府]]将医共体建设纳入年度考核。`,
  },
  {
    title: '石桥镇全力做好秋粮收购工作',
    body: `石桥镇设立收购网点9个，[[date-hao:10月8号=>10月8日]]起全面开秤，已收购稻谷1.86万吨。
镇里组织干部深入田间地头，指导农户晾晒、储存[[conflicting-punct:，。=>，]]确保颗粒归仓。`,
  },
  {
    title: '县住建局加快保障性住房建设',
    body: `县住建局今年计划建设保障性租赁住房600套，目前已开工520套，完工[[full-width-alnum:３００=>300]]套。
该局实行“周调度、月通报”制度，确保[[straight-quote:"=>“]]应保尽保[[straight-quote:"=>”]]。`,
  },
  {
    title: '东城街道创新开展“红色物业”服务',
    body: `东城街道在辖区32个小区推行“红色物业”，组建党员志愿服务队45支。
今年以来，解决群众反映的停车难、[[typo-word:按排=>安排]]不合理等问题860余件，群众满意率98.2%。`,
  },
  {
    title: '县农业农村局推进高标准农田建设',
    body: `县农业农村局今年新建高标准农田3.2万亩，总投资4800万元。
项目实行“[[range-hyphen:3-5=>3—5]]年管护期”制度，由乡镇和村集体共同管护。
[[doubled-char:在在=>在]]建设中，严格落实质量监管责任。`,
  },
  {
    title: '白沙镇深化“放管服”改革优化营商环境',
    body: `白沙镇便民服务中心设置综合窗口6个，实现“一窗受理、集成服务”，办事平均时间缩短40%。
镇里推行帮办代办服务[[half-width-punct:;=>；]]今年以来为企业和群众代办事项1360件。`,
  },
  {
    title: '县市场监管局开展食品安全专项整治',
    body: `县市场监管局于[[date-form:2026-9-15=>2026年9月15日]]起开展为期两个月的食品安全专项整治，检查经营主体2860家。
查处违法案件43起，罚没款38.6万元[[repeated-punct:，，=>，]]责令整改问题126个。`,
  },
  {
    title: '柳溪镇推进农村集体经济发展',
    body: `柳溪镇12个行政村集体经济收入全部超过15万元，其中超过50万元的村有4个。
镇里盘活闲置资产，发展物业经济[[dash-form:--=>——]]这一做法被全市推广。`,
  },
  {
    title: '西城街道开展“一老一小”关爱行动',
    body: `西城街道建成社区养老服务站8个、托育点5个，为780名老人提供助餐服务。
[[confused-word:其它=>其他]]社区正在加快建设，计划年底前实现全覆盖。`,
  },
  {
    title: '县财政局加强财政资金绩效管理',
    body: `县财政局对全县128个项目开展绩效评价，涉及资金6.8亿元。
评价结果与预算安排挂钩，对绩效较差的项目压减资金[[percent-chinese:百分之二十=>20%]]。`,
  },
  {
    title: '县人社局多渠道促进就业',
    body: `[[month-fen:1—10月份=>1—10月]]，全县城镇新增就业4260人，完成年度任务的106.5%。
县人社局举办招聘会18场，提供岗位1.2万个[[space-in-chinese: =>]]帮助860名高校毕业生就业。`,
  },
  {
    title: '县应急管理局开展安全生产大检查',
    body: `县应急管理局牵头开展安全生产大检查，检查企业1260家，发现隐患3860处，已整改3720处。
对重大隐患实行“挂牌督办”[[half-width-punct:,=>，]]确保整改到位。`,
  },
  {
    title: '县文旅局打造全域旅游品牌',
    body: `县文旅局围绕“山水清源”品牌，推出精品线路8条。
今年国庆期间，全县接待游客[[full-width-alnum:２６．８=>26.8]]万人次，实现旅游收入1.6亿元。`,
  },
  {
    title: '县自然资源局推进耕地保护',
    body: `县自然资源局落实耕地保护“田长制”，设立县、镇、村三级田长1360名。
今年以来，整治违法占用耕地问题[[unmatched-mark:“=>]]86宗，恢复耕地420亩。`,
  },
  {
    title: '县交通运输局推进“四好农村路”建设',
    body: `县交通运输局今年新改建农村公路128公里，完成投资2.3亿元。
全县建制村通客车率达100%，[[date-form:2026.6=>2026年6月]]被评为省级“四好农村路”示范县。`,
  },
  {
    title: '县水利局做好冬春水利建设',
    body: `县水利局计划实施水利项目26个，其中病险水库除险加固6座。
该局[[confused-word:作好=>做好]]项目前期准备，确保年底前全面开工。`,
  },
  {
    title: '县商务局促进消费回补',
    body: `县商务局联合金融机构发放消费券800万元，带动消费2.6亿元。
[[date-hao:11月11号=>11月11日]]当天，全县重点商超销售额同比增长23.5%。`,
  },
  {
    title: '县民政局提升社会救助水平',
    body: `县民政局将城乡低保标准分别提高到每人每月860元和680元。
今年以来，累计发放各类救助资金[[full-width-alnum:９８００=>9800]]万元，惠及困难群众2.3万人。`,
  },
  {
    title: '县司法局深化法治乡村建设',
    body: `县司法局培育“法律明白人”1360名，建成民主法治示范村26个。
该局[[confused-word:制订=>制定]]法规宣传计划，开展送法下乡活动160场。`,
  },
  {
    title: '县生态环境局推进大气污染防治',
    body: `[[month-fen:1—11月份=>1—11月]]，全县空气质量优良天数比例达到91.6%，PM2.5平均浓度下降8.2%。
县生态环境局开展工地扬尘专项整治，检查工地[[range-hyphen:3-5=>3—5]]次/月。`,
  },
  {
    title: '县林业局推进国土绿化',
    body: `县林业局今年完成植树造林2.6万亩，森林覆盖率达到62.3%。
该局严格落实林长制[[ellipsis-form:。。。=>……]]`,
  },
  {
    title: '县统计局开展经济普查',
    body: `县统计局组织普查员680名，对全县1.2万个单位开展第五次全国经济普查[[half-width-punct:.=>。]]
普查数据将于[[date-form:2026/12/31=>2026年12月31日]]前完成审核。`,
  },
  {
    title: '县委办督查落实重点工作',
    body: `县委办、县政府办联合开展重点工作督查，共督查事项126项，已办结118项。
对进度滞后的8项工作，下发督办通知，明确[[dun-approx-number:三、四=>三四]]天内报送整改情况。`,
  },
  {
    title: '县融媒体中心提升传播力',
    body: `县融媒体中心今年推出原创稿件3600余篇，“清源发布”公众号粉丝突破25万。
中心围绕学习贯彻[[official-wording:二十大=>党的二十大]]精神，推出系列专题报道。`,
  },
  {
    title: '县医保局推进医保支付方式改革',
    body: `县医保局全面推行按病种分值付费，覆盖全县28家定点医疗机构。
改革后，住院患者次均费用下降6.8%[[half-width-punct:,=>，]]群众就医负担进一步减轻。`,
  },
  {
    title: '县税务局优化纳税服务',
    body: `县税务局推行“非接触式”办税，网上办税率达到98.5%。
今年以来，为企业办理退税减税[[full-width-alnum:３．２=>3.2]]亿元，惠及市场主体1.8万户。`,
  },
];

export interface Planted {
  rule: RuleId;
  /** Where the wrong text sits in the draft as received: paragraph (null for title), start, end. */
  paragraph: number | null;
  start: number;
  end: number;
}

const MARK = /\[\[([a-z-]+):(.*?)=>(.*?)\]\]/g;

/** The draft as received (wrong forms), the correct text, and where each mistake was planted. */
export function corpusVersions(draft: { title: string; body: string }): { received: string[]; correct: string[]; planted: Planted[] } {
  const planted: Planted[] = [];
  const received: string[] = [];
  const correct: string[] = [];
  draft.body.split('\n').forEach((line, paragraph) => {
    let rec = '';
    let last = 0;
    for (const m of line.matchAll(MARK)) {
      rec += line.slice(last, m.index);
      planted.push({ rule: m[1] as RuleId, paragraph, start: rec.length, end: rec.length + Math.max(1, m[2]!.length) });
      rec += m[2];
      last = m.index + m[0].length;
    }
    received.push(rec + line.slice(last));
    correct.push(line.replace(MARK, (_all, _rule, _wrong, right: string) => right));
  });
  return { received, correct, planted };
}

/**
 * A fictional county for `bulletin demo`: 清源县, its units and a week of information items of
 * every category, written the way county offices write them (headings, figures, quotations).
 */
import type { OpInput } from '../api/contract';

export const DEMO_SERIES: OpInput<'seriesAdd'> = {
  name: '清源县政务信息',
  org: '清源县人民政府办公室',
  firstNumber: 41,
  firstTotal: 1286,
};

export const DEMO_PRINT: NonNullable<OpInput<'seriesUpdate'>['print']> = {
  sensitivityMark: 'internal',
  distribution: {
    to: ['市政府办公室'],
    cc: ['县委办公室', '县人大常委会办公室', '县政协办公室'],
    down: ['各镇人民政府', '各街道办事处', '县直各单位'],
  },
  reviewer: '李明华',
  editor: '王晓燕',
  copies: 60,
};

export const DEMO_SIGNER = '张建国';

export const DEMO_UNITS = [
  '城关镇',
  '清河镇',
  '石桥镇',
  '白沙镇',
  '柳溪镇',
  '东城街道',
  '西城街道',
  '县发展和改革局',
  '县农业农村局',
  '县教育局',
  '县卫生健康局',
  '县住房和城乡建设局',
] as const;

/** How the county writes some of them for short (in file names, in talk). */
export const DEMO_SHORT_NAMES: Partial<Record<(typeof DEMO_UNITS)[number], string>> = {
  县发展和改革局: '县发改局',
  县住房和城乡建设局: '县住建局',
  县卫生健康局: '县卫健局',
};

type DemoArticle = OpInput<'articleAdd'> & { inIssue: boolean };

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: '城关镇“三个聚焦”推进老旧小区改造 惠及居民4800余户',
    unit: '城关镇',
    category: 'practice',
    inIssue: true,
    body: [
      '今年以来，城关镇把老旧小区改造作为重要民生工程，聚焦群众“急难愁盼”，累计投入资金1.52亿元，完成改造小区36个、惠及居民4826户，群众满意率达98.6%。',
      '一、聚焦规划先行，改什么由群众定',
      '镇里组织社区干部、楼栋长和设计人员逐楼入户，累计发放调查问卷5200余份，梳理出加装电梯、管网更新、停车难等7类132项需求，形成“一小区一方案”。',
      '二、聚焦资金统筹，钱从哪里来有保障',
      '（一）争取上级资金。成功申报中央预算内投资和专项债券资金9800万元。',
      '（二）引导社会参与。通过“居民出一点、企业投一点、政府补一点”方式，筹集社会资金2100万元。',
      '三、聚焦长效管理，改好以后管得住',
      '改造完成的小区全部引入物业服务或实行“红色物业”托管，建立“小区议事会”36个，做到“改造一个、管好一个、群众满意一个”。',
    ].join('\n'),
  },
  {
    title: '我县前三季度主要经济指标稳中有进',
    unit: '县发展和改革局',
    category: 'news',
    inIssue: true,
    body: [
      '据县统计部门数据，前三季度全县实现地区生产总值186.4亿元，同比增长5.8%，高于全市平均水平0.6个百分点。',
      '其中，规模以上工业增加值增长7.2%；固定资产投资增长9.1%，项目投资占比达到67.3%；社会消费品零售总额58.7亿元，增长6.4%。',
      '下一步，县发改局将紧盯全年目标，加快38个重点项目建设，确保四季度“开门红”。',
    ].join('\n'),
  },
  {
    title: '清河镇农村集体经济收入增长面临的困难及建议',
    unit: '清河镇',
    category: 'problem',
    inIssue: true,
    body: [
      '清河镇辖16个行政村，2025年村级集体经济收入全部超过10万元，但在进一步增收中遇到一些困难。',
      '一、存在的主要问题',
      '（一）增收渠道单一。全镇村集体收入中，资产租赁收入占比达71%，经营性收入不足两成。',
      '（二）专业人才缺乏。村“两委”成员中具有经营管理经验的仅占12%。',
      '（三）政策落地有堵点。部分村反映，集体建设用地入市程序多、周期长，平均办理时间超过8个月。',
      '二、几点建议',
      '1.建议县级层面设立村级集体经济发展引导资金，对发展物业经济、服务经济的村给予以奖代补。',
      '2.建议组织部门开展“强村带头人”专题培训，每年培训不少于200人次。',
      '3.建议自然资源部门简化集体建设用地入市流程，实行“一窗受理、并联审批”。',
    ].join('\n'),
  },
  {
    title: '关于我县义务教育阶段学位供需情况的调研报告',
    unit: '县教育局',
    category: 'research',
    inIssue: true,
    body: [
      '为掌握全县义务教育学位供需形势，县教育局近期组织专题调研，走访学校27所，召开座谈会9场。现将有关情况报告如下。',
      '一、基本情况',
      '全县现有义务教育学校58所，在校学生4.63万人。受城镇化推进影响，城区学校平均班额达到52人，而农村学校平均班额仅为23人。',
      '二、主要特点',
      '（一）城区学位持续紧张。预计2027年城区小学学位缺口约1800个。',
      '（二）农村生源持续减少。近三年农村小学在校生年均减少6.8%。',
      '三、对策建议',
      '（一）加快城区学校建设。建议将东城、西城两所新建小学纳入明年重点项目。',
      '（二）推进城乡教育共同体。以“城区名校＋农村学校”方式组建教育集团8个，推动优质资源共享。',
      '（1）统一教学管理。（2）统一教师调配。（3）统一质量评价。',
    ].join('\n'),
  },
  {
    title: '县卫健局督查落实“一老一小”服务项目 整改问题21个',
    unit: '县卫生健康局',
    category: 'followup',
    inIssue: true,
    body: [
      '按照县政府常务会议部署，县卫健局于10月中旬对全县“一老一小”服务项目开展专项督查，共检查养老服务中心12个、托育机构17家。',
      '督查发现消防通道堵塞、从业人员健康证过期等问题21个，已全部建立台账、明确时限，目前已整改完成18个，剩余3个将于11月底前完成。',
      '县卫健局负责人表示，将建立“回头看”机制，确保问题“清仓见底”。',
    ].join('\n'),
  },
  {
    title: '东城街道推行“街巷长制”提升基层治理效能',
    unit: '东城街道',
    category: 'practice',
    inIssue: false,
    body: [
      '东城街道将辖区划分为64条街巷，每条街巷明确一名街巷长，实行“日巡、周查、月评”，今年以来解决群众反映问题1260余件。',
    ].join('\n'),
  },
];

/** The demo issue is dated so that its number reads as the section's 41st issue of this year. */
export const DEMO_DATE = '2026-11-21';

/**
 * Drafts received this month and not yet edited (已收), so the register and the 工作台's month
 * show work in hand: days before the demo's day, never before the month's first.
 */
export const DEMO_PENDING_DRAFTS: { title: string; unit: (typeof DEMO_UNITS)[number]; daysAgo: number; body: string }[] = [
  {
    title: '城关镇开展冬季供暖入户走访 解决群众诉求37件',
    unit: '城关镇',
    daysAgo: 2,
    body: '入冬以来，城关镇组织社区干部和供热企业开展入户走访，覆盖小区21个、居民3100余户，现场解决管道跑冒滴漏、室温不达标等诉求37件。',
  },
  {
    title: '清河镇“订单农业”带动村集体增收',
    unit: '清河镇',
    daysAgo: 1,
    body: '清河镇与县内3家农产品加工企业签订蔬菜收购订单，种植面积2600亩，预计带动村集体增收86万元、农户户均增收4200元。',
  },
  {
    title: '县教育局推进课后服务全覆盖',
    unit: '县教育局',
    daysAgo: 0,
    body: '全县58所义务教育学校全部开展课后服务，学生参与率达92.3%，开设科技、体育、艺术等特色课程410门。',
  },
];

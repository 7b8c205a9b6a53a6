/**
 * A generated corpus of issues for the layout fidelity test and the screenshots script: from a
 * seed, 1–12 items with every heading level, long and short titles, Latin and figures, long
 * office and series names, Chinese dates, new page per item, long 报/送/发 lists. Nothing stored.
 */
import type { Paragraph } from '../../src-main/api/text';
import type { IssueDocArticle, IssueDocModel } from '../../src-main/export/model';
import { settings } from './docx-models';

/** Common words of county-government writing: no title line may break inside one of them. */
export const COMMON_WORDS = `
老旧小区 集体经济 乡村振兴 营商环境 高质量发展 高标准农田 人居环境 一网通办 基层治理 社会治理
党建引领 招商引资 项目建设 重点项目 民生实事 民生工程 安全生产 生态环境 环境保护 污染防治
秸秆禁烧 森林防火 防汛抗旱 应急管理 政务服务 政务公开 政务信息 数字政府 智慧农业 数字乡村
乡村治理 美丽乡村 和美乡村 宜居宜业 产业振兴 人才振兴 文化振兴 生态振兴 组织振兴 防止返贫
动态监测 农民增收 特色产业 现代农业 设施农业 粮食安全 耕地保护 粮食生产 秋粮收购 农业农村
农村公路 户厕改造 厕所革命 垃圾分类 污水处理 城乡融合 城市更新 棚户区改造 保障性住房 背街小巷
城市管理 文明城市 文明创建 志愿服务 一老一小 养老服务 托育服务 医疗卫生 基层医疗 家庭医生
医疗保障 医保基金 社会保障 就业创业 高校毕业生 农民工 返乡创业 技能培训 职业技能 义务教育
优质均衡 学前教育 职业教育 校园安全 食品安全 药品安全 市场监管 消费维权 信访维稳 矛盾纠纷
排查化解 扫黑除恶 平安建设 法治建设 依法行政 普法宣传 廉政建设 作风建设 干部队伍 党风廉政
主题教育 基层党建 党员干部 第一书记 驻村工作队 工作专班 专项行动 百日攻坚 攻坚行动 督查检查
跟踪问效 真抓实干 多措并举 扎实推进 持续推进 全力推进 加快推进 稳步推进 统筹推进 有序推进
取得成效 初见成效 成效显著 提质增效 提档升级 转型升级 降本增效 减税降费 助企纾困 惠企政策
中小企业 民营企业 规上企业 工业企业 工业经济 园区建设 产业园区 招才引智 科技创新 创新驱动
新质生产力 数字经济 电子商务 直播带货 文旅融合 全域旅游 乡村旅游 消费市场 固定资产投资 财政收入
专项债券 债务风险 金融服务 普惠金融 小微企业 交通运输 综合交通 水利工程 水利设施 农田水利
饮水安全 农村饮水 供水保障 电网改造 清洁取暖 节能减排 绿色发展 生态文明 国土空间 自然资源
土地整治 违法用地 统计调查 经济普查 便民服务 办事大厅 跨省通办 政务热线 接诉即办 民生诉求
群众满意度 获得感 幸福感 安全感 满意率 同比增长 环比增长 增长率 完成率 覆盖率
`
  .split(/\s+/)
  .filter(Boolean);

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['城关镇', '河口街道', '县发改局', '县农业农村局', '县政务服务中心', '县住房和城乡建设局', '县人力资源和社会保障局', '青石岭乡'];
const FIGURES = ['1.5亿元', '50%', '2026年', '12.3%', '2.8万亩', '46.5公里', '1200余户', '3000元', '99.2%', '58个'];
const LATIN = ['5G', 'GDP', 'PM2.5', 'APP', 'ETC', 'CPI'];
const VERBS = ['推进', '加快', '强化', '完善', '做好', '抓实', '深化', '落实', '聚焦', '打造', '实施', '开展'];
const LINKS = ['，', '，', '，', '、', '；'];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface CorpusIssue {
  model: IssueDocModel;
  /** Headings that stand alone (no run-on body text): none may end a page. */
  headings: string[];
}

export function corpus(seed: number, count: number): CorpusIssue[] {
  const r = rng(seed);
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  const word = () => pick(COMMON_WORDS);
  const phrase = () => {
    const x = r();
    if (x < 0.12) return pick(FIGURES);
    if (x < 0.18) return pick(LATIN);
    if (x < 0.24) return `“${word()}”`;
    if (x < 0.45) return pick(VERBS) + word();
    return word();
  };
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(r() * (max - min + 1));
    let s = '';
    for (let i = 0; i < n; i++) s += phrase() + (i < n - 1 && r() < 0.35 ? pick(LINKS) : '');
    return `${s}。`;
  };
  const title = () => {
    const long = r() < 0.5;
    const parts = long ? 3 + Math.floor(r() * 4) : 1 + Math.floor(r() * 2);
    let t = pick(UNITS).replace(/^县/, r() < 0.5 ? '县' : '');
    for (let i = 0; i < parts; i++) t += (i > 0 && r() < 0.25 ? ' ' : '') + pick(VERBS) + word() + (r() < 0.3 ? phrase() : '');
    return t;
  };
  const issues: CorpusIssue[] = [];
  for (let k = 0; k < count; k++) {
    const headings: string[] = [];
    const items = 1 + Math.floor(r() * 12);
    const articles: IssueDocArticle[] = [];
    for (let i = 0; i < items; i++) {
      const paragraphs: Paragraph[] = [];
      const n = 1 + Math.floor(r() * 8);
      let h1 = 0;
      for (let j = 0; j < n; j++) {
        const x = r();
        if (x < 0.15) {
          const text = `${CN[h1++ % 10]}、${pick(VERBS)}${word()}`;
          const runOn = r() < 0.4;
          paragraphs.push({ level: 1, text: runOn ? `${text}。${sentence(3, 10)}` : text });
          if (!runOn) headings.push(text);
        } else if (x < 0.25) {
          const text = `（${CN[j % 10]}）${pick(VERBS)}${word()}`;
          paragraphs.push({ level: 2, text });
          headings.push(text);
        } else if (x < 0.32) {
          paragraphs.push({ level: 3, text: `${1 + (j % 9)}.${pick(VERBS)}${word()}。${sentence(2, 8)}` });
        } else if (x < 0.37) {
          paragraphs.push({ level: 4, text: `（${1 + (j % 9)}）${sentence(2, 6)}` });
        } else {
          paragraphs.push({ level: 0, text: sentence(3, 40) });
        }
      }
      // A heading always has text after it, as in any real item.
      if (paragraphs[paragraphs.length - 1]?.level) paragraphs.push({ level: 0, text: sentence(3, 20) });
      articles.push({ title: title(), paragraphs, source: r() < 0.85 ? pick(UNITS) : null });
    }
    const longList = (base: string[]) => (r() < 0.4 ? [...base, ...UNITS.map((u) => `${u}主要负责同志`)] : base);
    const model: IssueDocModel = {
      settings: settings({
        mastheadName: pick(['城关县政务信息', '清源县政务信息', '城关县人民政府办公室政务信息快报', '中共清源县委办公室清源县人民政府办公室工作动态']),
        org: pick(['城关县人民政府办公室', '中共城关县委办公室 城关县人民政府办公室', '清源县人民政府办公室信息科']),
        dateStyle: r() < 0.4 ? 'chinese' : 'arabic',
        contentsHeading: pick(['本期要目', '目录', 'none'] as const),
        newPagePerItem: r() < 0.25,
        sensitivityMark: r() < 0.3 ? '内部资料\u3000注意保存' : '',
        distribution: {
          to: longList(['市政府办公室']),
          cc: longList(['县委办公室', '县人大常委会主任、副主任', '县政协办公室']),
          down: longList(['各镇人民政府', '各街道办事处', '县直各单位']),
        },
        copies: r() < 0.8 ? 60 : 0,
      }),
      number: r() < 0.8 ? 1 + Math.floor(r() * 60) : null,
      totalNumber: 2000 + k,
      supplement: false,
      date: `2026-${1 + Math.floor(r() * 12)}-${1 + Math.floor(r() * 28)}`,
      signedBy: '张某某',
      extraRecipients: [],
      copySerial: null,
      articles,
    };
    issues.push({ model, headings });
  }
  return issues;
}

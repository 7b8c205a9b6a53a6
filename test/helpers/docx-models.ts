/**
 * Issue models built by hand for the Word renderer's tests: realistic county bulletin text, so
 * that what the tests look at is what an office would print.
 */
import type { Paragraph } from '../../src-main/api/text';
import type { IssueDocArticle, IssueDocModel, PrintSettings } from '../../src-main/export/model';

export function settings(over: Partial<PrintSettings> = {}): PrintSettings {
  return {
    mastheadName: '城关县政务信息',
    org: '城关县人民政府办公室',
    sensitivityMark: '',
    showTotal: true,
    dateStyle: 'arabic',
    contentsHeading: '本期要目',
    newPagePerItem: false,
    distribution: {
      to: ['市政府办公室'],
      cc: ['县委办公室', '县人大常委会办公室', '县政协办公室'],
      down: ['各镇人民政府', '各街道办事处', '县直各单位'],
    },
    reviewer: '李某某',
    editor: '王某某',
    copies: 60,
    chineseQuotes: true,
    ...over,
  };
}

const p = (text: string, level: Paragraph['level'] = 0): Paragraph => ({ level, text });

const SENTENCES = [
  '今年以来，全镇坚持把项目建设作为推动高质量发展的“主引擎”，累计完成固定资产投资1.5亿元，同比增长12.3%。',
  '围绕“百日攻坚”行动，镇党委、政府成立工作专班，实行“一个项目、一名领导、一套班子、一抓到底”的推进机制。',
  '截至10月底，全镇新建高标准农田2.8万亩，改造提升农村公路46.5公里，完成农村户厕改造1200余户。',
  '下一步，将持续优化营商环境，强化要素保障，确保全年各项目标任务圆满完成。',
  '县发改局牵头建立重点项目“周调度、月通报、季观摩”制度，及时协调解决用地、资金、审批等方面问题37个。',
  '通过线上线下同步发力，全县累计办理政务服务事项8.6万件，群众满意率达到99.2%，“一网通办”率提升至95%以上。',
  '同时，积极探索“党建+网格+服务”治理模式，将全镇划分为58个网格，配备专兼职网格员136名。',
  '各村结合实际，因地制宜发展特色产业，形成了“一村一品、一镇一业”的发展格局，带动农户户均增收3000余元。',
];

function sentences(from: number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += SENTENCES[(from + i) % SENTENCES.length];
  return out;
}

/** An item with every heading level, figures like 1.5亿元 and “quoted” phrases. */
function fullArticle(i: number): IssueDocArticle {
  return {
    title: [
      '城关镇多措并举推进重点项目建设取得明显成效',
      '县发改局：全年争取中央预算内投资1.5亿元 支持“5G+智慧农业”等重点项目建设',
      '县政务服务中心“一网通办”改革见实效',
      '河口街道探索“党建+网格+服务”基层治理新模式',
      '县农业农村局扎实推进高标准农田建设',
      '县交通运输局加快农村公路提档升级 助力乡村振兴',
      '县卫健局多举措提升基层医疗卫生服务能力',
      '县教体局推动城乡义务教育优质均衡发展',
    ][i % 8] ?? '',
    paragraphs: [
      p(sentences(i, 2)),
      p(`一、强化组织领导。${sentences(i + 1, 1)}`, 1),
      p(`（一）健全工作机制。${sentences(i + 2, 1)}`, 2),
      p('1.明确责任分工。', 3),
      p(sentences(i + 3, 2)),
      p('（1）建立台账。对照年度目标，逐项细化任务、明确时限。', 4),
      p('二、狠抓工作落实', 1),
      p(sentences(i + 4, 2)),
    ],
    source: ['城关镇', '县发改局', '县政务服务中心', '河口街道', '县农业农村局', '县交通运输局', '县卫健局', '县教体局'][i % 8] ?? null,
  };
}

/** The 8-item issue, signed and numbered, with every part of the colophon. */
export function signedIssue(over: Partial<IssueDocModel> = {}): IssueDocModel {
  return {
    settings: settings(),
    number: 12,
    totalNumber: 2045,
    supplement: false,
    date: '2026-11-21',
    signedBy: '张某某',
    extraRecipients: ['县委巡察办'],
    copySerial: null,
    articles: Array.from({ length: 8 }, (_, i) => fullArticle(i)),
    ...over,
  };
}

/** A draft in review: no number yet, one item, a sensitivity mark. */
export function previewIssue(): IssueDocModel {
  return {
    settings: settings({ sensitivityMark: '内部资料\u3000注意保存', copies: 0 }),
    number: null,
    totalNumber: null,
    supplement: false,
    date: '2026-11-21',
    signedBy: null,
    extraRecipients: [],
    copySerial: null,
    articles: [fullArticle(0)],
  };
}

export function supplementIssue(): IssueDocModel {
  return {
    ...signedIssue(),
    settings: settings({ showTotal: false }),
    number: 1,
    totalNumber: null,
    supplement: true,
    articles: [fullArticle(2), fullArticle(3)],
    extraRecipients: [],
  };
}

export function chineseDateIssue(): IssueDocModel {
  return { ...signedIssue(), settings: settings({ dateStyle: 'chinese', contentsHeading: '目录' }), articles: [fullArticle(5), fullArticle(6)] };
}

/** Text that breaks naive writers: XML-invalid controls, a lone surrogate, emoji, markup characters, a huge word. */
export function hostileIssue(): IssueDocModel {
  const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
  const nasty = `控制字符${controls}孤立代理\ud800表情😀标记<>&"'\uFFFE\uFFFF结束`;
  return {
    settings: settings({
      mastheadName: `城关县${controls}政务信息<&>`,
      org: `城关县\u0007人民政府办公室"'`,
      sensitivityMark: `内部\u0000资料`,
      distribution: { to: [nasty], cc: ['<b>县委</b>'], down: [] },
      reviewer: '李\ud800某',
      editor: '王😀',
    }),
    number: 3,
    totalNumber: 99,
    supplement: false,
    date: '2026-01-05',
    signedBy: '张&某',
    extraRecipients: ['</w:t>'],
    copySerial: '000123\u0001',
    articles: [
      {
        title: `标题${nasty}`,
        paragraphs: [
          p(nasty),
          p('x'.repeat(5000)),
          p('一、制表符\t换行\n回车\r\n都变成空格', 1),
          p(']]><![CDATA[<w:p/>'),
        ],
        source: `来源${controls}`,
      },
      { title: 'A'.repeat(300), paragraphs: [p('长'.repeat(3000))], source: null },
    ],
  };
}

/**
 * Three pages in LibreOffice, counted in grid lines of 22 a page: page 1 holds the masthead and
 * contents (13 lines) and the first 7 lines of item 1; page 2 the rest of item 1 and most of
 * item 2 (22 lines, a full page); page 3 the last 7 lines of item 2, item 3 (7 lines with its
 * blank line, title and source) and the 6-line colophon, one line short of full.
 */
export function threePageIssue(): IssueDocModel {
  const body = (n: number) => Array.from({ length: n }, (_, i) => p(sentences(i, 2)));
  return {
    ...signedIssue(),
    articles: [
      { title: '城关镇多措并举推进重点项目建设取得明显成效', paragraphs: body(4), source: '城关镇' },
      { title: '县政务服务中心“一网通办”改革见实效', paragraphs: body(3), source: '县政务服务中心' },
      { title: '县农业农村局扎实推进高标准农田建设', paragraphs: body(1), source: '县农业农村局' },
    ],
  };
}

/**
 * The three-page issue with two more body paragraphs in its last item: page 3 is too full for
 * the colophon, which must then move to a page of its own rather than cover the text.
 */
export function overflowIssue(): IssueDocModel {
  const model = threePageIssue();
  const last = model.articles[2];
  if (last) last.paragraphs = [...last.paragraphs, p(sentences(3, 2)), p(sentences(5, 1))];
  return model;
}

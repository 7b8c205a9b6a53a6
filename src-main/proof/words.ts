/**
 * Word rules (editing practice): commonly confused pairs where the context says which is meant,
 * common miswritten words, and characters typed twice. 的地得 are not judged.
 */
import { matches, type RawFinding, type Severity, type StringRule } from './types';

interface WordRule {
  /** What to look for; group 1, if any, is the span the finding covers. */
  re: RegExp;
  severity: Severity;
  /** The replacement of the span when it is certain, else none. */
  fix?: string;
  message: string;
}

/** Pairs where the context decides: each entry fires only in a context where one is certainly meant. */
const CONFUSED: readonly WordRule[] = [
  {
    re: /(截止)(?=到|至|\d|[一二三四五六七八九十]+月|目前|今年|去年|当前|本月|上月|年底|年末|月底|发稿|上半年|前三季度|\d{4}年)/g,
    severity: '建议',
    fix: '截至',
    message: '“截至”表示到某一时间为止，后面接时间（截至10月底）；“截止”表示停止，用在时间之后（10月底截止）、“截止日期”。这里后面是时间，应为“截至”。',
  },
  {
    re: /(其它)/g,
    severity: '建议',
    fix: '其他',
    message: '“其他”可指人也可指事物，规范用法统一写作“其他”；“其它”是旧用法（《现代汉语词典》第7版、国家语委规范）。',
  },
  {
    re: /(做出)(?=[^，。；！？、]{0,6}?(?:决定|决策|部署|贡献|批示|指示|规定|安排|承诺|回应|答复|解释|说明|表率|努力|判断|评价|结论|调整|处理|处罚))/g,
    severity: '建议',
    fix: '作出',
    message: '“作出”用于抽象的决定、部署、贡献、批示等（公文惯用“作出”）；“做出”用于具体的东西（做出样品）。',
  },
  {
    re: /(作好)/g,
    severity: '建议',
    fix: '做好',
    message: '“做”用于具体的工作、事情（做好工作、做实事）；“作”多用于抽象义和书面语（作出决定、作为）。这里应为“做好”。',
  },
  {
    re: /(制订)(?=了?(?:法律|法规|条例|政策|规章|办法|标准))/g,
    severity: '建议',
    fix: '制定',
    message: '“制定”指定出法律、法规、政策、标准等（有权机关确定）；“制订”指创制、拟订计划、方案。法律法规政策用“制定”。',
  },
  {
    re: /(起用)(?=了?(?:新|系统|平台|印章|公章|设备|场馆|大楼|机制|程序|软件))/g,
    severity: '建议',
    fix: '启用',
    message: '“启用”指开始使用（启用新系统、启用印章）；“起用”指任用人（起用年轻干部）。这里说的是物，应为“启用”。',
  },
  {
    re: /(启用)(?=了?(?:年轻|优秀|干部|人才|一批|老同志))/g,
    severity: '建议',
    fix: '起用',
    message: '“起用”指任用人（起用年轻干部）；“启用”指开始使用物品、设施。这里说的是人，应为“起用”。',
  },
  {
    re: /(以至)(?=于?(?:造成|出现|发生|引发|导致|酿成))/g,
    severity: '建议',
    fix: '以致',
    message: '“以致”引出不好的结果（以致造成损失）；“以至”表示程度、范围的延伸（从县到乡以至村）。这里引出的是后果，应为“以致”。',
  },
];

/** Words miswritten often enough to be certain: always wrong, so 错误 with the fix. */
const TYPOS: ReadonlyArray<[string, string]> = [
  ['布署', '部署'],
  ['按排', '安排'],
  ['既使', '即使'],
  ['再接再励', '再接再厉'],
  ['一如继往', '一如既往'],
  ['迫不急待', '迫不及待'],
  ['默守成规', '墨守成规'],
  ['脉博', '脉搏'],
  ['坚苦奋斗', '艰苦奋斗'],
  ['艰巨卓绝', '艰苦卓绝'],
  ['凭添', '平添'],
  ['直接了当', '直截了当'],
  ['穿流不息', '川流不息'],
  ['决择', '抉择'],
  ['气慨', '气概'],
  ['辩别', '辨别'],
  ['辨论', '辩论'],
  ['震憾', '震撼'],
  ['松驰', '松弛'],
  ['侯选人', '候选人'],
  ['融汇贯通', '融会贯通'],
  ['发韧', '发轫'],
];

const confusedWords: StringRule = (text) => {
  const out: RawFinding[] = [];
  for (const w of CONFUSED) {
    for (const m of matches(w.re, text)) {
      const span = m[1] ?? m[0];
      const start = m.index + m[0].indexOf(span);
      out.push({ rule: 'confused-word', severity: w.severity, message: w.message, start, end: start + span.length, text: span, ...(w.fix ? { fix: w.fix } : {}) });
    }
  }
  return out;
};

const typoWords: StringRule = (text) => {
  const out: RawFinding[] = [];
  for (const [wrong, right] of TYPOS) {
    if (!right) continue;
    for (let at = text.indexOf(wrong); at >= 0; at = text.indexOf(wrong, at + wrong.length)) {
      out.push({
        rule: 'typo-word',
        severity: '错误',
        message: `“${wrong}”是常见错别字，应为“${right}”。`,
        start: at,
        end: at + wrong.length,
        text: wrong,
        fix: right,
      });
    }
  }
  return out;
};

/**
 * Characters typed twice: 的的, 了了, 和和 … with the real words that double them left alone
 * (目的的实现, 的的确确, 为了了解, 不了了之, 现在在). Pairs like 和和 (温和和理性),
 * 与与 (参与与配合) and 把把 (一把把钥匙) double too often in correct text to be judged.
 */
const DOUBLED: ReadonlyArray<[string, RegExp]> = [
  ['的', /(?<![目标])的的(?!确)/g],
  ['了', /(?<!不)了了(?![解结却然如之])/g],
  ['在', /(?<![现存所实内外自正])在在/g],
];

const doubledChars: StringRule = (text) => {
  const out: RawFinding[] = [];
  for (const [ch, re] of DOUBLED) {
    for (const m of matches(re, text)) {
      out.push({
        rule: 'doubled-char',
        severity: '错误',
        message: `“${ch}”字重复了，多打了一个“${ch}”。`,
        start: m.index,
        end: m.index + 2,
        text: m[0],
        fix: ch,
      });
    }
  }
  return out;
};

export const wordRules: readonly StringRule[] = [confusedWords, typoWords, doubledChars];

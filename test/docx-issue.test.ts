/**
 * The Word file of an issue, read back: page set-up, fonts, colours, masthead, colophon, page
 * numbers and text, checked in the package's XML and through mammoth. What it looks like is
 * checked in docx-libreoffice.test.ts.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  balanceTitle,
  formatDate,
  mastheadNameSize,
  renderArticleDocx,
  renderIssueDocx,
} from '../src-main/export/docx-issue';
import { LAYOUT_PROFILE } from '../src-main/export/layout-profile';
import { measureText } from '../src-main/export/metrics';
import { mastheadFit, officeDateFit } from '../src-main/export/front-fit';
import type { IssueDocModel } from '../src-main/export/model';
import {
  chineseDateIssue,
  hostileIssue,
  previewIssue,
  signedIssue,
  supplementIssue,
} from './helpers/docx-models';

interface Unpacked {
  buffer: Buffer;
  files: Map<string, string>;
  document: string;
  text: string;
}

async function unpack(buffer: Buffer): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(buffer);
  const files = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (file && /\.(xml|rels)$/.test(name)) files.set(name, await file.async('string'));
  }
  const { value } = await mammoth.extractRawText({ buffer });
  return { buffer, files, document: files.get('word/document.xml') ?? '', text: value };
}

async function render(model: IssueDocModel): Promise<Unpacked> {
  return unpack(await renderIssueDocx(model));
}

/** Attributes of every `<tag …>` in the XML, as plain objects. */
function attrsOf(xml: string, tag: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}((?:\\s+[\\w:]+="[^"]*")*)\\s*/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1] ?? ''] = a[2] ?? '';
    out.push(attrs);
  }
  return out;
}

/** Every run (`<w:r>…</w:r>`) of the part. */
function runsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1] ?? '');
}

/** The run whose text contains `text`. */
function runWith(xml: string, text: string): string {
  const run = runsOf(xml).find((r) => r.includes(text));
  if (!run) throw new Error(`no run contains ${text}`);
  return run;
}

function eastAsiaOf(run: string): string | undefined {
  return attrsOf(run, 'w:rFonts')[0]?.['w:eastAsia'];
}

/** Text with the layout's spaces removed, for matching Chinese across run and line boundaries. */
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

describe('8-item signed issue', () => {
  let doc: Unpacked;
  beforeAll(async () => {
    doc = await render(signedIssue());
  });

  it('is an A4 page with the GB/T 9704 margins and a 579-twip line grid', () => {
    const pgSz = attrsOf(doc.document, 'w:pgSz')[0];
    expect(pgSz?.['w:w']).toBe('11906');
    expect(pgSz?.['w:h']).toBe('16838');
    const pgMar = attrsOf(doc.document, 'w:pgMar')[0];
    expect([pgMar?.['w:top'], pgMar?.['w:bottom'], pgMar?.['w:left'], pgMar?.['w:right']]).toEqual([
      '2098',
      '1984',
      '1588',
      '1474',
    ]);
    const grid = attrsOf(doc.document, 'w:docGrid')[0];
    expect(grid?.['w:linePitch']).toBe('579');
    expect(['lines', 'linesAndChars']).toContain(grid?.['w:type']);
  });

  it('sets body paragraphs at exactly 579 twips, indented two characters', () => {
    const para = [...doc.document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)]
      .map((m) => m[1] ?? '')
      .find((p) => p.includes('今年以来'));
    expect(para).toBeDefined();
    const spacing = attrsOf(para ?? '', 'w:spacing')[0];
    expect(spacing?.['w:line']).toBe('579');
    expect(spacing?.['w:lineRule']).toBe('exact');
    const ind = attrsOf(para ?? '', 'w:ind')[0];
    expect(ind?.['w:firstLineChars']).toBe('200');
    expect(ind?.['w:firstLine']).toBe('640');
  });

  it('names both scripts on every run and never uses a theme font', () => {
    const runs = runsOf(doc.document);
    expect(runs.length).toBeGreaterThan(100);
    for (const r of runs) {
      const fonts = attrsOf(r, 'w:rFonts')[0];
      expect(fonts, r).toBeDefined();
      expect(fonts?.['w:eastAsia']).toBeTruthy();
      expect(fonts?.['w:ascii']).toBeTruthy();
      expect(fonts?.['w:hAnsi']).toBeTruthy();
    }
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/footer1.xml', 'word/footer2.xml']) {
      expect(doc.files.get(part) ?? '', part).not.toMatch(/(ascii|hAnsi|eastAsia|cs)Theme=/);
    }
    // The document defaults name the body fonts too, so nothing falls back to the theme.
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(doc.files.get('word/styles.xml') ?? '')?.[1] ?? '';
    expect(attrsOf(defaults, 'w:rFonts')[0]).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:ascii': 'Times New Roman' });
  });

  it('uses the GB/T fonts for body, title and each heading level', () => {
    const d = doc.document;
    expect(eastAsiaOf(runWith(d, '今年以来'))).toBe('仿宋_GB2312');
    expect(attrsOf(runWith(d, '今年以来'), 'w:rFonts')[0]?.['w:ascii']).toBe('Times New Roman');
    expect(attrsOf(runWith(d, '今年以来'), 'w:spacing')[0]?.['w:val']).toBe('-5');
    // The title as an item heading (the contents list has the same words in 楷体).
    const titleRuns = runsOf(d).filter((r) => r.includes('县政务服务中心“一网通办”改革见实效'));
    expect(titleRuns.map(eastAsiaOf)).toEqual(['楷体_GB2312', '方正小标宋简体']);
    expect(titleRuns[1]).toContain('<w:sz w:val="44"/>');
    expect(eastAsiaOf(runWith(d, '一、强化组织领导。'))).toBe('黑体');
    expect(eastAsiaOf(runWith(d, '（一）健全工作机制。'))).toBe('楷体_GB2312');
    const h3 = runWith(d, '1.明确责任分工。');
    expect(eastAsiaOf(h3)).toBe('仿宋_GB2312');
    expect(h3).toMatch(/<w:b\/>|<w:b w:val="(true|1)"\/>/);
    expect(eastAsiaOf(runWith(d, '（1）建立台账'))).toBe('仿宋_GB2312');
    // A heading that runs on into text keeps the heading face only for its first sentence.
    expect(eastAsiaOf(runWith(d, '围绕“百日攻坚”行动，镇党委'))).toBe('仿宋_GB2312');
    const source = runWith(d, '（城关镇 供稿）');
    expect(eastAsiaOf(source)).toBe('楷体_GB2312');
    // Quotes and figures: the curly quotes stay in the Chinese face (hAnsi), digits in Times New Roman.
    const quoted = runWith(d, '“主引擎”');
    expect(attrsOf(quoted, 'w:rFonts')[0]?.['w:hAnsi']).toBe('仿宋_GB2312');
    expect(doc.text).toContain('1.5亿元');
    expect(doc.text).toContain('“百日攻坚”');
  });

  it('prints the masthead: red name, issue number, office and date, red rule', () => {
    const name = runWith(doc.document, '城关县政务信息');
    expect(eastAsiaOf(name)).toBe('方正小标宋简体');
    expect(name).toContain(`<w:color w:val="${LAYOUT_PROFILE.colors.red}"/>`);
    expect(name).toContain('<w:sz w:val="84"/>');
    expect(doc.text).toContain('第12期（总第2045期）');
    expect(doc.text).toMatch(/城关县人民政府办公室编\t2026年11月21日/);
    const orgLine = [...doc.document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)]
      .map((m) => m[1] ?? '')
      .find((p) => p.includes('城关县人民政府办公室编'));
    const rule = attrsOf(/<w:pBdr>([\s\S]*?)<\/w:pBdr>/.exec(orgLine ?? '')?.[1] ?? '', 'w:bottom')[0];
    expect(rule).toMatchObject({ 'w:val': 'single', 'w:color': LAYOUT_PROFILE.colors.red, 'w:sz': '18' });
    const tab = attrsOf(orgLine ?? '', 'w:tab')[0];
    expect(tab).toMatchObject({ 'w:val': 'right', 'w:pos': '8844' });
  });

  it('lists the contents, then every item in order with its source line', () => {
    const model = signedIssue();
    const text = doc.text;
    const contentsAt = text.indexOf('本期要目');
    expect(contentsAt).toBeGreaterThan(text.indexOf('2026年11月21日'));
    // Contents entries and titles are broken into lines; mammoth drops the breaks (and a space a break replaced).
    const flat = squash(text);
    let at = flat.indexOf('本期要目');
    for (const a of model.articles) {
      const found = flat.indexOf(squash(a.title), at);
      expect(found, a.title).toBeGreaterThan(at);
      at = found;
    }
    for (const a of model.articles) {
      const found = flat.indexOf(squash(a.title), at);
      expect(found, a.title).toBeGreaterThan(at);
      const source = flat.indexOf(`（${a.source}供稿）`, found);
      expect(source).toBeGreaterThan(found);
      at = source;
    }
  });

  it('writes the colophon: 报/送/发 with hanging indents, people line, print run, ruled table at the page foot', () => {
    const t = doc.text;
    for (const line of [
      '报：市政府办公室。',
      '送：县委办公室，县人大常委会办公室，县政协办公室。',
      '发：各镇人民政府，各街道办事处，县直各单位。',
      '本期增发：县委巡察办。',
      '（共印60份）',
    ]) {
      expect(t).toContain(line);
    }
    expect(t).toMatch(/签发：张某某\u3000+审核：李某某\u3000+编辑：王某某/);
    expect(t.indexOf('报：')).toBeGreaterThan(t.lastIndexOf('供稿）'));

    const table = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(doc.document)?.[1] ?? '';
    expect(attrsOf(table, 'w:tblpPr')[0]).toMatchObject({ 'w:vertAnchor': 'margin', 'w:tblpYSpec': 'bottom' });
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(table)?.[1] ?? '';
    expect(attrsOf(borders, 'w:top')[0]?.['w:sz']).toBe('8');
    expect(attrsOf(borders, 'w:bottom')[0]?.['w:sz']).toBe('8');
    expect(attrsOf(borders, 'w:insideH')[0]?.['w:sz']).toBe('6');
    // 报： is two characters of 14 pt: wrapped recipients start 560 twips in, after one character of inset.
    const bao = [...table.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1] ?? '').find((p) => p.includes('报：'));
    expect(attrsOf(bao ?? '', 'w:ind')[0]).toMatchObject({ 'w:left': '840', 'w:hanging': '560', 'w:right': '280' });
    expect(eastAsiaOf(runWith(table, '报：'))).toBe('仿宋_GB2312');
    expect(runWith(table, '报：')).toContain('<w:sz w:val="28"/>');
    // The colophon comes after the last item: nothing of an item follows it.
    expect(doc.document.indexOf('<w:tbl>')).toBeGreaterThan(doc.document.lastIndexOf('供稿）'));
  });

  it('numbers pages — N — in 宋体, odd right and even left, with w:evenAndOddHeaders', () => {
    const refs = attrsOf(doc.document, 'w:footerReference');
    const types = refs.map((r) => r['w:type']).sort();
    expect(types).toEqual(['default', 'even']);
    const rels = doc.files.get('word/_rels/document.xml.rels') ?? '';
    const target = (type: string) => {
      const id = refs.find((r) => r['w:type'] === type)?.['r:id'];
      const rel = attrsOf(rels, 'Relationship').find((r) => r.Id === id);
      return doc.files.get(`word/${rel?.Target ?? ''}`) ?? '';
    };
    const odd = target('default');
    const even = target('even');
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|<w:fldSimple w:instr="\s*PAGE/);
      expect(footer).toContain('— ');
      expect(footer).toContain(' —');
      expect(eastAsiaOf(runsOf(footer)[0] ?? '')).toBe('宋体');
      expect(runsOf(footer)[0]).toContain('<w:sz w:val="28"/>');
    }
    expect(attrsOf(odd, 'w:jc')[0]?.['w:val']).toBe('right');
    expect(attrsOf(odd, 'w:ind')[0]?.['w:right']).toBe('280');
    expect(attrsOf(even, 'w:jc')[0]?.['w:val']).toBe('left');
    expect(attrsOf(even, 'w:ind')[0]?.['w:left']).toBe('280');
    const settings = doc.files.get('word/settings.xml') ?? '';
    const eo = attrsOf(settings, 'w:evenAndOddHeaders')[0];
    expect(eo).toBeDefined();
    expect(['true', '1', 'on', undefined]).toContain(eo?.['w:val']);
  });

  it('carries fixed document properties', () => {
    const core = doc.files.get('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:creator>政务信息编印台</dc:creator>');
    expect(core).toContain('<dc:title>城关县政务信息 第12期（总第2045期）</dc:title>');
    expect(core).toContain('>2026-11-21T00:00:00Z</dcterms:created>');
    expect(core).toContain('>2026-11-21T00:00:00Z</dcterms:modified>');
  });
});

describe('determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes for the same model, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-21T08:00:00Z'));
    const a = await renderIssueDocx(signedIssue());
    vi.setSystemTime(new Date('2031-03-04T17:59:59Z'));
    const b = await renderIssueDocx(signedIssue());
    vi.useRealTimers();
    const c = await renderIssueDocx(signedIssue());
    const sha = (x: Buffer) => createHash('sha256').update(x).digest('hex');
    expect(sha(b)).toBe(sha(a));
    expect(sha(c)).toBe(sha(a));
    expect(Buffer.compare(a, c)).toBe(0);
  });

  // How fast it renders is measured by `npm run bench` (Word output), beside its goal.
});

describe('preview, supplement, Chinese date', () => {
  it('prints 第　期 with a full-width space and a red bold 送审稿 on a preview', async () => {
    const doc = await render(previewIssue());
    expect(doc.text).toContain('第\u3000期（总第\u3000期）');
    const mark = runWith(doc.document, '送审稿');
    expect(mark).toContain(`<w:color w:val="${LAYOUT_PROFILE.colors.red}"/>`);
    expect(mark).toMatch(/<w:b\/>|<w:b w:val="(true|1)"\/>/);
    expect(doc.text).toContain('内部资料\u3000注意保存');
    expect(eastAsiaOf(runWith(doc.document, '内部资料'))).toBe('黑体');
    // One item: no contents list. Not signed: no 签发. No print run.
    expect(doc.text).not.toContain('本期要目');
    expect(doc.text).not.toContain('签发：');
    expect(doc.text).toContain('审核：李某某');
    expect(doc.text).not.toContain('共印');
  });

  it('prints 增刊第1期 for a supplement, without a running number when the series shows none', async () => {
    const doc = await render(supplementIssue());
    expect(doc.text).toContain('增刊第1期');
    expect(doc.text).not.toContain('总第');
  });

  it('writes the date in Chinese digits and uses the 目录 heading when the series says so', async () => {
    const doc = await render(chineseDateIssue());
    expect(doc.text).toContain('二〇二六年十一月二十一日');
    expect(doc.text).toContain('目录');
    expect(formatDate('2026-01-05', 'chinese')).toBe('二〇二六年一月五日');
    expect(formatDate('2030-10-30', 'chinese')).toBe('二〇三〇年十月三十日');
    expect(formatDate('2026-12-31', 'arabic')).toBe('2026年12月31日');
  });

  it('leaves out 报/送/发 lines that are not set', async () => {
    const model = signedIssue({ extraRecipients: [] });
    model.settings.distribution = { to: [], cc: ['县委办公室'], down: [] };
    const doc = await render(model);
    expect(doc.text).toContain('送：县委办公室。');
    expect(doc.text).not.toMatch(/(^|\n)报：/);
    expect(doc.text).not.toMatch(/(^|\n)发：/);
    expect(doc.text).not.toContain('本期增发');
  });

  it('starts each item on a new page when the series says so', async () => {
    const model = signedIssue();
    model.settings.newPagePerItem = true;
    const doc = await render(model);
    expect((doc.document.match(/<w:pageBreakBefore\/>/g) ?? []).length).toBe(model.articles.length - 1);
  });
});

describe('hostile text', () => {
  it('drops XML-invalid characters and keeps everything else, and the file still reads', async () => {
    const doc = await render(hostileIssue());
    for (const [name, xml] of doc.files) {
      // eslint-disable-next-line no-control-regex
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(xml, name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(doc.text).toContain('表情😀标记<>&"\'结束');
    expect(doc.text).toContain('城关县 政务信息<&>');
    expect(doc.text).toContain('</w:t>');
    expect(doc.text).toContain(']]><![CDATA[<w:p/>');
    // a long Latin run prints with zero-width break points between its characters (latin-breaks.ts)
    expect(doc.text).not.toContain('x'.repeat(20));
    expect(doc.text.replace(/\u200B/g, '')).toContain('x'.repeat(5000));
    expect(doc.text).toContain('制表符 换行 回车 都变成空格');
    expect(doc.text).toContain('000123');
  });
});

describe('single item', () => {
  it('renders title, body, source and the sender/contact foot', async () => {
    const article = signedIssue().articles[1];
    if (!article) throw new Error('fixture has no second item');
    const doc = await unpack(await renderArticleDocx(article, { sender: '县发改局', contact: '赵某某 0000-1234567' }));
    expect(squash(doc.text)).toContain(squash(article.title));
    expect(doc.text).toContain('（县发改局 供稿）');
    expect(doc.text).toMatch(/报送单位：县发改局\u3000+联系人：赵某某 0000-1234567/);
    expect(attrsOf(doc.document, 'w:pgSz')[0]?.['w:w']).toBe('11906');
    expect(doc.text).not.toContain('城关县政务信息');
  });
});

describe('balanceTitle', () => {
  const font = LAYOUT_PROFILE.fonts.title;
  const em = font.size * 10;
  const titles = [
    '城关镇多措并举推进农村人居环境整治取得明显成效',
    '县发改局：全年争取中央预算内投资1.5亿元 支持“5G+智慧农业”等重点项目建设',
    '我县“5G+智慧农业”示范基地建成投用，带动周边农户年均增收3000元以上，群众满意度达到98.5%',
    '关于进一步加强和改进全县政务信息工作的若干意见（征求意见稿）——在全县政务信息工作会议上的讲话摘要',
    '全县新建高标准农田2.8万亩改造提升农村公路46.5公里完成农村户厕改造1200余户',
    'COVID-19 疫情防控常态化条件下全县GDP同比增长6.5%',
    '城关镇推进老旧小区改造 集体经济收入增长50%',
  ];

  it('keeps a title that fits on one line', () => {
    expect(balanceTitle('县政务服务中心“一网通办”改革见实效', font, 20 * em)).toEqual(['县政务服务中心“一网通办”改革见实效']);
    expect(balanceTitle('', font, 20 * em)).toEqual([]);
  });

  it('makes each line no shorter than the one below, within the measure, never splitting Latin, figures or words', () => {
    for (const title of titles) {
      for (let cpl = 10; cpl <= 24; cpl++) {
        const width = cpl * em;
        const lines = balanceTitle(title, font, width);
        const label = `${title} @${cpl}: ${lines.join(' | ')}`;
        expect(squash(lines.join('')), label).toBe(squash(title));
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i] ?? '';
          expect(measureText(line, font), label).toBeLessThanOrEqual(width + 0.01);
          if (i + 1 < lines.length) {
            const next = lines[i + 1] ?? '';
            expect(/[A-Za-z0-9.%+]$/.test(line) && /^[A-Za-z0-9.%+]/.test(next), label).toBe(false);
            expect(/^[，。、；：？！）》”%]/.test(next), label).toBe(false);
            expect(/[（《“]$/.test(line), label).toBe(false);
            for (const w of ['老旧小区', '集体经济', '高标准农田', '1.5亿元', '50%', '2.8万亩', '46.5公里']) {
              const joined = line + next;
              const at = joined.indexOf(w);
              expect(at >= 0 && at < line.length && at + w.length > line.length, `${label} splits ${w}`).toBe(false);
            }
          }
        }
      }
    }
  });

  it('lays out a trapezoid: upper lines not shorter than lower ones when the words allow', () => {
    for (const title of titles) {
      const lines = balanceTitle(title, font, 20 * em);
      for (let i = 0; i + 1 < lines.length; i++) {
        expect(measureText(lines[i] ?? '', font), lines.join(' | ')).toBeGreaterThanOrEqual(measureText(lines[i + 1] ?? '', font) - 0.01);
      }
    }
  });

  it('keeps a figure with its unit and a quoted phrase whole', () => {
    for (let cpl = 10; cpl <= 24; cpl++) {
      const lines = balanceTitle('县发改局：全年争取中央预算内投资1.5亿元 支持“一老一小”重点项目建设', font, cpl * em);
      expect(lines.some((l) => l.includes('1.5亿元')), lines.join('|')).toBe(true);
      expect(lines.some((l) => l.includes('“一老一小”')), lines.join('|')).toBe(true);
    }
  });

  it('balances two lines as evenly as whole words allow', () => {
    const lines = balanceTitle('县交通运输局加快农村公路建设助力乡村振兴发展', font, 20 * em);
    expect(lines.length).toBe(2);
    expect(Math.abs([...(lines[0] ?? '')].length - [...(lines[1] ?? '')].length)).toBeLessThanOrEqual(2);
    // Whole compounds (重点项目建设) rather than even halves.
    expect(balanceTitle('城关镇多措并举推进重点项目建设取得明显成效', font, 20 * em)).toEqual(['城关镇多措并举推进重点项目建设', '取得明显成效']);
    // 农村人居环境 is one word: the break goes after it, the upper line the longer.
    expect(balanceTitle('城关镇多措并举推进农村人居环境整治取得明显成效', font, 20 * em)).toEqual([
      '城关镇多措并举推进农村人居环境',
      '整治取得明显成效',
    ]);
  });
});

describe('masthead name', () => {
  const width = LAYOUT_PROFILE.page.width - LAYOUT_PROFILE.margins.left - LAYOUT_PROFILE.margins.right;
  it('is 初号 when it fits and shrinks a long name onto one line, down to the floor', () => {
    expect(mastheadNameSize('城关县政务信息', LAYOUT_PROFILE)).toBe(84);
    const long = '城关县人民政府办公室政务信息快报';
    const size = mastheadNameSize(long, LAYOUT_PROFILE);
    expect(size).toBeLessThan(72);
    expect(size).toBeGreaterThanOrEqual(LAYOUT_PROFILE.masthead.minNameSize);
    expect([...long].length * size * 10).toBeLessThanOrEqual(width);
    expect(mastheadFit(long, LAYOUT_PROFILE).lines).toEqual([long]);
  });

  it('wraps a name too long for the floor size into two balanced lines', () => {
    const name = '中共清源县委办公室清源县人民政府办公室工作动态';
    const fit = mastheadFit(name, LAYOUT_PROFILE);
    expect(fit.lines.length).toBe(2);
    expect(fit.lines.join('')).toBe(name);
    expect(fit.size).toBeGreaterThanOrEqual(LAYOUT_PROFILE.masthead.minNameSize);
    for (const l of fit.lines) expect(measureText(l, LAYOUT_PROFILE.fonts.mastheadName, fit.size)).toBeLessThanOrEqual(width);
  });
});

describe('office/date line', () => {
  it('shrinks a long office name, or gives the date its own line, so it never wraps', () => {
    const short = officeDateFit('城关县人民政府办公室编', formatDate('2026-11-30', 'chinese'), LAYOUT_PROFILE);
    expect(short).toEqual({ orgSize: LAYOUT_PROFILE.fonts.orgDateLine.size, dateOwnLine: false });
    const long = officeDateFit('中共城关县委办公室 城关县人民政府办公室编', formatDate('2026-11-30', 'chinese'), LAYOUT_PROFILE);
    expect(long.dateOwnLine || long.orgSize < LAYOUT_PROFILE.fonts.orgDateLine.size).toBe(true);
    expect(long.orgSize).toBeGreaterThanOrEqual(LAYOUT_PROFILE.masthead.minOrgSize);
  });
});

/**
 * What a circular (通报) says, independent of Word or Excel: its title, the sentences built from
 * the figures, and the rows. Both renderers and the tests read the same text from here.
 */
import type { ScoreEvent, ScoreTotals, UnitScore } from './compute';

export interface CircularModel {
  /** 关于2026年第三季度全县政务信息报送情况的通报 */
  title: string;
  /** 2026年第三季度 */
  label: string;
  from: string;
  to: string;
  /** The last day the figures cover: the period's end, or today while the period is not over. */
  asOf: string;
  /** The issuing office, e.g. 城关县人民政府办公室. */
  org: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  rows: UnitScore[];
  totals: ScoreTotals;
  silentUnits: string[];
  criticised: string[];
  notAdvanced: string[];
  /** The deduction lines of the rules in force on the period's last day. */
  thresholds: { notAdvanced: number; criticised: number };
  /** Units late or missing on commissions this year at least `commissionFlagAt` times (issue 16). */
  commissionFlagged?: string[];
  commissionFlagAt?: number;
  events: ScoreEvent[];
}

export function circularTitle(label: string): string {
  return `关于${label}全县政务信息报送情况的通报`;
}

/** 0.2345 → 23.5%; no drafts → 0%. */
export function percent(rate: number | null): string {
  return `${rate === null ? '0' : (Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

function dayText(date: string, withYear: boolean): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${withYear ? `${y}年` : ''}${m}月${d}日`;
}

export const ADDRESSEE = '各镇人民政府、街道办事处，县直各单位：';

export function openingText(m: CircularModel): string {
  const t = m.totals;
  const over = m.asOf >= m.to;
  // Drafts registered without a unit are in the total; say how many, as the table's last row does.
  const orphan = m.rows.find((r) => r.noUnit)?.sent ?? 0;
  const until = dayText(m.asOf, m.from.slice(0, 4) !== m.asOf.slice(0, 4));
  // A named period gets its dates in brackets; a custom one already reads as dates, unless it
  // is not over yet and its end is still to come.
  const when = over && m.label.includes('至') ? m.label : `${m.label}（${dayText(m.from, false)}至${until}）`;
  return (
    `${when}，全县${t.units}个单位共报送政务信息${t.sent}篇${orphan ? `（其中未填单位${orphan}篇）` : ''}，被各级刊物采用${t.adoptedItems}篇、${t.adoptions}篇次，` +
    `采用率${percent(t.adoptionRate)}。其中，县级采用${t.adoptedCounty}篇次，市级采用${t.adoptedCity}篇次，` +
    `省级采用${t.adoptedProvince}篇次；获得领导批示${t.instructions}次。现将有关情况通报如下。`
  );
}

export const TABLE_INTRO = '各单位报送、采用、批示及得分情况如下表（最终得分为得分减扣分，按最终得分排名，相同的名次并列；奖励金额单位为元）。';

export function silentText(m: CircularModel): string {
  if (!m.silentUnits.length) return `${m.label}，各单位均报送了政务信息。`;
  return (
    `${m.label}，以下${m.silentUnits.length}个单位未报送任何信息：${m.silentUnits.join('、')}。` +
    '请上述单位高度重视，明确专人负责，切实做好信息报送工作。'
  );
}

export function deductionText(m: CircularModel): string {
  const year = m.to.slice(0, 4);
  const until = `截至${dayText(m.asOf, true)}`;
  const onlyNotAdvanced = m.notAdvanced.filter((u) => !m.criticised.includes(u));
  const parts: string[] = [];
  if (m.criticised.length) {
    parts.push(`${year}年度累计扣分达到${m.thresholds.criticised}分、予以通报批评的单位：${m.criticised.join('、')}`);
  }
  if (onlyNotAdvanced.length) {
    parts.push(`累计扣分达到${m.thresholds.notAdvanced}分、取消年度先进单位评选资格的单位：${onlyNotAdvanced.join('、')}`);
  }
  const flagged = m.commissionFlagged?.length ? `${year}年约稿迟报或未报达到${m.commissionFlagAt ?? 2}次、予以通报的单位：${m.commissionFlagged.join('、')}。` : '';
  if (!parts.length) return `${until}，没有单位${year}年度累计扣分达到${m.thresholds.notAdvanced}分。${flagged}`;
  const note = m.criticised.length ? '通报批评的单位同时取消年度先进单位评选资格。' : '';
  return `${until}，${parts.join('；')}。${note}${flagged}`;
}

export const CLOSING =
  '希望各单位进一步提高认识，把握信息工作重点，多报送反映全局性、倾向性、苗头性问题的信息和有分析、有建议的调研信息，' +
  '按时完成约稿任务，不断提升政务信息工作水平。';

/** The table as the Word file prints it: header, one row per unit, totals. */
export const TABLE_HEADER = ['排名', '单位', '报送', '县级采用', '市级采用', '省级采用', '批示', '得分', '扣分', '最终得分', '奖励金额'] as const;

/** The rank as printed: the 未填单位 row has none. */
export const rankText = (r: UnitScore) => (r.rank === null ? '—' : String(r.rank));

export function tableRow(r: UnitScore): string[] {
  const instructions = r.instructionsCounty + r.instructionsCity + r.instructionsProvince;
  return [rankText(r), r.unit, r.sent, r.adoptedCounty, r.adoptedCity, r.adoptedProvince, instructions, r.points, r.deductions, r.net, r.reward].map(String);
}

/**
 * The table's last row adds up the rows above it, so it always checks by hand; the opening
 * paragraph counts a combined item once, which is why its adoption figures can be lower.
 */
export function totalsRow(rows: readonly UnitScore[]): string[] {
  const zero = TABLE_HEADER.map(() => 0);
  const sums = rows.reduce((acc, r) => tableRow(r).map((v, i) => (i < 2 ? 0 : (acc[i] ?? 0) + Number(v))), zero);
  return ['合计', '', ...sums.slice(2).map(String)];
}

/**
 * The year's figures in words, as a 工作总结 quotes them ("全年编发《政务信息》48期、《情况反映》9期，
 * 刊发信息192条、约31.5万字……"): one sentence per block, ready to paste. Pure functions, shared
 * by the Word report, the workbook and the 统计 page.
 */
import type { YearStats } from '../api/ops/stats';
import { LEVEL_LABELS } from '../scoring/rules';

/** 0.125 → 12.5%; null → —. */
export function percent(r: number | null): string {
  return r === null ? '—' : `${(r * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** 315,230 → 31.5万; under ten thousand the number itself. */
export function wan(n: number): string {
  if (n < 10_000) return String(n);
  return `${(n / 10_000).toFixed(1).replace(/\.0$/, '')}万`;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二: the numbering of the report's headings. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}

type Figures = Omit<YearStats, 'sections' | 'sentences'>;

/** 全年 for a calendar year, the period's own words otherwise. */
export function lead(s: Pick<YearStats, 'year' | 'label'>): string {
  return s.year !== null ? '全年' : `${s.label}`;
}

function issuesSentence(s: Figures): string {
  const printed = s.series.filter((x) => x.signed + x.supplements > 0);
  if (!printed.length) return `${lead(s)}未签发刊物。`;
  const parts = printed.map((x) => `《${x.series}》${x.signed}期${x.supplements ? `（另出增刊${x.supplements}期）` : ''}`);
  const voided = s.issues.voided ? `；作废${s.issues.voided}期，期号保留不再使用` : '';
  return `${lead(s)}编发${parts.join('、')}，刊发信息${s.issues.items}条、${s.issues.chars < 10_000 ? '' : '约'}${wan(s.issues.chars)}字${voided}。`;
}

function receivedSentence(s: Figures): string {
  const sending = s.units.filter((u) => !u.noUnit && u.sent > 0);
  const top = [...sending].sort((a, b) => b.sent - a.sent || a.unit.localeCompare(b.unit, 'zh')).slice(0, 3);
  const most = top.length ? `，报送较多的是${top.map((u) => `${u.unit}（${u.sent}篇）`).join('、')}` : '';
  const silent = s.silentUnits.length ? `；${s.silentUnits.length}个单位未报送信息` : '';
  return `共收到${sending.length}个单位报送的信息${s.received}篇${most}${silent}。`;
}

function upwardSentence(s: Figures): string {
  const city = s.levels.find((l) => l.level === 'city')!;
  const province = s.levels.find((l) => l.level === 'province')!;
  const county = s.levels.find((l) => l.level === 'county')!;
  const sent = s.upward.items ? `向上级报送信息${s.upward.items}条（上报包${s.upward.packets}个），` : '';
  return `${sent}被${LEVEL_LABELS.city}采用${city.adoptions}篇次、${LEVEL_LABELS.province}采用${province.adoptions}篇次，县级刊物采用${county.adoptions}篇次；全部采用${s.totals.adoptions}篇次、${s.totals.adoptedItems}条，采用率${percent(s.totals.adoptionRate)}。`;
}

function instructionSentence(s: Figures): string {
  if (!s.instructions.total) return `${lead(s)}未登记领导批示。`;
  const by = s.levels.filter((l) => l.instructions > 0).map((l) => `${LEVEL_LABELS[l.level]}领导批示${l.instructions}次`);
  const rate = s.instructions.rate === null ? '' : `，批示率${percent(s.instructions.rate)}（获批示信息${s.instructions.items}条÷上报信息${s.upward.items}条）`;
  return `获得领导批示${s.instructions.total}次，其中${by.join('、')}${rate}。`;
}

function commissionSentence(s: Figures): string | null {
  const c = s.commissions;
  if (!c.commissions) return null;
  const pending = c.pending ? `、尚未到期${c.pending}个` : '';
  return `发出约稿${c.commissions}次、涉及${c.asked}个单位次，按时报送${c.onTime}个、迟报${c.late}个、未报${c.missing}个${pending}。`;
}

function deductionSentence(s: Figures): string | null {
  const d = s.deductions;
  if (!d.points) return null;
  const parts = [
    d.targetMissedPoints ? `未完成月度任务扣${d.targetMissedPoints}分` : '',
    d.commissionPoints ? `约稿迟报、未报扣${d.commissionPoints}分` : '',
    d.manualCount ? `其他扣分${d.manualCount}次共${d.manualPoints}分` : '',
  ].filter(Boolean);
  const flags = [
    s.criticised.length ? `${s.criticised.join('、')}年度累计扣分达到通报批评线` : '',
    s.notAdvanced.length ? `${s.notAdvanced.join('、')}取消评先资格` : '',
  ].filter(Boolean);
  return `${lead(s)}共扣分${d.points}分${parts.length ? `，其中${parts.join('、')}` : ''}${flags.length ? `；${flags.join('，')}` : ''}。`;
}

function rankingSentence(s: Figures): string | null {
  const ranked = s.units.filter((u) => u.rank !== null && (u.net !== 0 || u.sent > 0));
  if (!ranked.length) return null;
  const top = ranked.slice(0, 5).map((u) => `${u.unit}（${u.net}分）`);
  return `考核积分排名前${top.length}位的单位是：${top.join('、')}。`;
}

export function yearSentences(s: Figures): string[] {
  return [issuesSentence(s), receivedSentence(s), upwardSentence(s), instructionSentence(s), commissionSentence(s), deductionSentence(s), rankingSentence(s)].filter(
    (x): x is string => x !== null,
  );
}

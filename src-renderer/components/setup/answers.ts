/**
 * The wizard's form, as the user typed it, and the draft the API keeps between visits. The draft
 * comes back as the API cleaned it (lists as arrays, the mark as its text), so reading it maps
 * those back onto the fields.
 */
import type { SetupDraft, SetupState } from '../../../src-main/api/ops/setup';
import type { OpInput } from '../../../src-main/api/contract';
import type { Classification } from '../../../src-main/api/schemas';

export interface Answers {
  office: string;
  shortName: string;
  contactPerson: string;
  phone: string;
  seriesName: string;
  masthead: string;
  firstNumber: number | string;
  firstTotal: number | string;
  continuous: boolean;
  maxClassification: Classification;
  mark: 'internal' | 'none';
  to: string;
  cc: string;
  down: string;
  unitsText: string;
  sample: boolean;
}

const listText = (v: unknown) => (Array.isArray(v) ? v.join('，') : typeof v === 'string' ? v : '');
const num = (v: unknown, fallback: number | string) => (typeof v === 'number' ? v : fallback);

export function fromState(state: SetupState): { answers: Answers; step: number } {
  const d = state.draft ?? {};
  const sender = { ...state.sender, ...(d.sender ?? {}) };
  const sr = d.series ?? {};
  const print = sr.print ?? {};
  const dist = (print.distribution ?? {}) as Record<string, unknown>;
  const mark = typeof print.sensitivityMark === 'string' && print.sensitivityMark !== '' && print.sensitivityMark !== 'none' ? 'internal' : print.sensitivityMark === undefined ? 'internal' : 'none';
  return {
    step: d.step ?? 0,
    answers: {
      office: sender.office ?? '',
      shortName: sender.shortName ?? '',
      contactPerson: sender.contactPerson ?? '',
      phone: sender.phone ?? '',
      seriesName: sr.name ?? '',
      masthead: print.mastheadName ?? '',
      firstNumber: num(sr.firstNumber, 1),
      firstTotal: num(sr.firstTotal, 1),
      continuous: sr.continuous ?? false,
      maxClassification: sr.maxClassification ?? 'internal',
      mark,
      to: listText(dist.to),
      cc: listText(dist.cc),
      down: listText(dist.down),
      unitsText: d.unitsText ?? '',
      sample: d.sample ?? false,
    },
  };
}

const positive = (v: number | string) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined);

function seriesOf(a: Answers) {
  return {
    name: a.seriesName,
    continuous: a.continuous,
    maxClassification: a.maxClassification,
    print: {
      mastheadName: a.masthead,
      sensitivityMark: a.mark,
      distribution: { to: a.to, cc: a.cc, down: a.down } as unknown as { to: string[]; cc: string[]; down: string[] },
    },
  };
}

export function toDraft(a: Answers, step: number): SetupDraft {
  const firstNumber = positive(a.firstNumber);
  const firstTotal = positive(a.firstTotal);
  return {
    step,
    sender: { office: a.office, shortName: a.shortName, contactPerson: a.contactPerson, phone: a.phone },
    series: { ...seriesOf(a), ...(firstNumber ? { firstNumber } : {}), ...(firstTotal ? { firstTotal } : {}) },
    unitsText: a.unitsText,
    sample: a.sample,
  };
}

export function toComplete(a: Answers): OpInput<'setupComplete'> {
  return {
    sender: { office: a.office, shortName: a.shortName, contactPerson: a.contactPerson, phone: a.phone },
    series: { ...seriesOf(a), firstNumber: Number(a.firstNumber), firstTotal: Number(a.firstTotal) },
    unitsText: a.unitsText,
    sample: a.sample,
  };
}

/** What a step needs before the next one makes sense; null when it may go on. */
export function stepGap(step: number, a: Answers): string | null {
  if (step === 0 && !a.office.trim()) return '请填写本单位全称。';
  if (step === 2) {
    if (!a.seriesName.trim()) return '请填写刊物名称。';
    if (!positive(a.firstNumber) || !positive(a.firstTotal)) return '请填写第一期的期号和总期号（正整数）。';
  }
  return null;
}

/** The retention rule, on fake dates: which automatic copies stay and which go. */
import { describe, expect, it } from 'vitest';
import type { BackupReason } from '../src-main/store/backup-names';
import { chooseKept, type Dated } from '../src-main/backup/retention';

const b = (reason: BackupReason, y: number, m: number, d: number, h = 9): Dated => ({
  name: `${reason}-${y}-${m}-${d}-${h}`,
  reason,
  at: new Date(y, m - 1, d, h, 0, 0),
});
const days = (from: Date, n: number, reason: BackupReason = 'daily'): Dated[] =>
  Array.from({ length: n }, (_, i) => b(reason, from.getFullYear(), from.getMonth() + 1, from.getDate() + i));
const label = (x: Dated) => `${x.at.getFullYear()}-${x.at.getMonth() + 1}-${x.at.getDate()}`;
const kept = (all: Dated[]) => chooseKept(all).keep.map(label).sort();

describe('retention: 7 daily, 4 weekly, 12 monthly', () => {
  it('a year of daily copies keeps the last 7 days, the newest of 4 weeks and of 12 months', () => {
    // 2026-01-01 … 2026-12-31
    const all = days(new Date(2026, 0, 1), 365);
    const { keep, remove } = chooseKept(all);
    expect(keep.length + remove.length).toBe(365);
    const k = new Set(keep.map(label));
    // the last seven days
    for (let d = 25; d <= 31; d++) expect(k.has(`2026-12-${d}`)).toBe(true);
    // 2026-12-31 is a Thursday: the weeks are those starting Mon 28, 21, 14 and 7 December,
    // whose newest copies are the 31st (a day already), the 27th (a day), the 20th and the 13th.
    for (const s of ['2026-12-20', '2026-12-13']) expect(k.has(s)).toBe(true);
    expect(k.has('2026-12-6')).toBe(false); // a fifth week back is not kept…
    expect(k.has('2026-11-30')).toBe(true); // …but the last day of November is kept as a month
    // the newest copy of each month, January to November
    for (const last of ['2026-1-31', '2026-2-28', '2026-3-31', '2026-4-30', '2026-5-31', '2026-6-30', '2026-7-31', '2026-8-31', '2026-9-30', '2026-10-31']) {
      expect(k.has(last)).toBe(true);
    }
    expect(k.has('2026-11-29')).toBe(false);
    expect(keep.length).toBe(7 + 2 + 11);
  });

  it('counts days that have a copy: three weeks with the PC switched off expire nothing recent', () => {
    const before = days(new Date(2026, 6, 1), 10); // 1–10 July
    const after = days(new Date(2026, 7, 1), 2); // back on 1–2 August
    const k = kept([...before, ...after]);
    // seven days with a copy, then the newest of the week before (1–5 July); 1–4 July go
    expect(k).toEqual(['2026-8-1', '2026-8-2', '2026-7-10', '2026-7-9', '2026-7-8', '2026-7-7', '2026-7-6', '2026-7-5'].sort());
  });

  it('keeps only the newest copy of a day when the app started several times', () => {
    const all = [b('daily', 2026, 3, 2, 8), b('daily', 2026, 3, 2, 14), b('daily', 2026, 3, 2, 19)];
    const { keep, remove } = chooseKept(all);
    expect(keep.map((x) => x.at.getHours())).toEqual([19]);
    expect(remove.map((x) => x.at.getHours()).sort()).toEqual([14, 8]);
  });

  it('treats a week across the new year as one week', () => {
    // 1 December 2026 … 5 January 2027 (a Tuesday). Mon 28 Dec – Sun 3 Jan is one week, so
    // its 28th and 29th go while the 3rd stays (as a day, and as that week's newest).
    const all = days(new Date(2026, 11, 1), 36);
    expect(kept(all)).toEqual(['2027-1-5', '2027-1-4', '2027-1-3', '2027-1-2', '2027-1-1', '2026-12-31', '2026-12-30', '2026-12-27', '2026-12-20'].sort());
  });

  it('never removes manual, before-migration or before-restore copies, however old or many', () => {
    const special = [
      ...days(new Date(2019, 0, 1), 30, 'manual'),
      ...days(new Date(2019, 0, 1), 20, 'before-migration'),
      ...days(new Date(2020, 5, 1), 20, 'before-restore'),
    ];
    const all = [...special, ...days(new Date(2026, 0, 1), 200)];
    const { keep, remove } = chooseKept(all);
    expect(remove.every((x) => x.reason === 'daily')).toBe(true);
    for (const s of special) expect(keep).toContain(s);
  });

  it('keeps everything while there are fewer copies than the rule allows', () => {
    const all = days(new Date(2026, 0, 1), 5);
    expect(chooseKept(all).remove).toEqual([]);
    expect(chooseKept([]).keep).toEqual([]);
  });
});

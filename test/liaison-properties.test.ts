/**
 * Invariants of issue 16 parts 4–5, over random input (fast-check):
 * - a later report by the unit never proposes a smaller deduction, and a report within every
 *   reached level's limit proposes none;
 * - whatever sequence of officers added and ended, a unit's terms never overlap, and every
 *   refused step leaves the database as it was.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, LEVELS, type Level } from '../src-main/scoring/rules';
import { addMinutes, checkUrgent } from '../src-main/scoring/urgent-lateness';
import { ApiError } from '../src-main/api/errors';
import { openTestDb, snapshotAll, type TestDb } from './helpers/db';

const EVENT = '2026-08-12T09:00';

describe('urgent lateness', () => {
  it('is monotonic in the unit’s delay and silent within the limits', () => {
    fc.assert(
      fc.property(
        fc.record({ county: fc.integer({ min: 1, max: 300 }), city: fc.integer({ min: 1, max: 300 }), province: fc.integer({ min: 1, max: 300 }) }),
        fc.subarray(['city', 'province'] as Level[]),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        (limits, upward, a, b) => {
          const rules = { ...DEFAULT_RULES, urgentLimits: limits };
          const at = (d: number) => checkUrgent(rules, { what: '事件', eventTime: EVENT, unitReportedAt: addMinutes(EVENT, d), upward: upward.map((level) => ({ level, reportedAt: addMinutes(EVENT, 1) })) });
          const [early, late] = [Math.min(a, b), Math.max(a, b)];
          expect(at(late).proposal?.points ?? 0).toBeGreaterThanOrEqual(at(early).proposal?.points ?? 0);
          const reached = LEVELS.filter((l) => l === 'county' || upward.includes(l));
          if (reached.every((l) => early <= limits[l])) expect(at(early).proposal).toBeNull();
          // Never reported: always the concealed amount of the highest level reached.
          const never = checkUrgent(rules, { what: '事件', eventTime: EVENT, unitReportedAt: null, upward: upward.map((level) => ({ level, reportedAt: EVENT })) });
          expect(never.proposal?.points).toBe(DEFAULT_RULES.deductions.urgentConcealed[reached.at(-1)!]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

let t: TestDb;
afterEach(() => t?.close());

describe('officers’ terms', () => {
  it('never overlap, whatever is added and ended; refusals change nothing', async () => {
    const day = fc.integer({ min: 1, max: 330 }).map((n) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10));
    const step = fc.oneof(
      fc.record({ op: fc.constant('add' as const), unit: fc.constantFrom('甲镇', '乙镇'), from: day }),
      fc.record({ op: fc.constant('end' as const), pick: fc.nat(), to: day }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        t?.close();
        t = openTestDb({ now: () => new Date(2026, 11, 5, 10, 0) });
        await t.call('unitAdd', { name: '甲镇' });
        await t.call('unitAdd', { name: '乙镇' });
        for (const s of steps) {
          const before = snapshotAll(t.db);
          try {
            if (s.op === 'add') await t.call('liaisonAdd', { unit: s.unit, name: '某人', from: s.from });
            else {
              const all = await t.call('liaisonList', { all: true });
              if (!all.length) continue;
              await t.call('liaisonEnd', { id: all[s.pick % all.length]!.id, to: s.to });
            }
          } catch (e) {
            expect(e).toBeInstanceOf(ApiError);
            expect(snapshotAll(t.db)).toEqual(before);
          }
          const terms = await t.call('liaisonList', { all: true });
          for (const x of terms)
            for (const y of terms)
              if (x.id < y.id && x.unitId === y.unitId) {
                const overlap = x.validFrom <= (y.validTo ?? '9999-12-31') && y.validFrom <= (x.validTo ?? '9999-12-31');
                expect(overlap, `${JSON.stringify(x)} ${JSON.stringify(y)}`).toBe(false);
              }
        }
      }),
      { numRuns: 25 },
    );
  });
});

import type { OpInput, OpName, OpResult } from '../api/contract';

/** An operation called through the API table, as the demo's fillers receive it from run.ts. */
export type DemoCall = <K extends OpName>(name: K, input: OpInput<K>) => Promise<OpResult<K>>;

/** A calendar day `days` after (or before, when negative) a YYYY-MM-DD day; noon UTC keeps clock changes out. */
export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

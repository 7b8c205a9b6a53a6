/** A calendar day `days` after (or before, when negative) a YYYY-MM-DD day; noon UTC keeps clock changes out. */
export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

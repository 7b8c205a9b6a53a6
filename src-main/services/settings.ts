/**
 * App-wide settings, one JSON value per key in the `settings` table. For now the sender of
 * packets (报送单位): the office, its short name for file names, the contact person and phone
 * printed on every packet, so the city office knows whom to call.
 */
import type { OpArgs } from '../api/contract';
import type { AppSettings, SenderSettings } from '../api/ops/packets';
import { writeTx } from '../store/db';
import type { Ctx } from './context';

const EMPTY_SENDER: SenderSettings = { office: '', shortName: '', contactPerson: '', phone: '' };

function readKey(ctx: Ctx, key: string): unknown {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

function writeKey(ctx: Ctx, key: string, value: unknown): void {
  ctx.db
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}

/** The sender as stored; a field never set (or written by an older version) reads as empty. */
export function readSender(ctx: Ctx): SenderSettings {
  const stored = readKey(ctx, 'sender');
  const out = { ...EMPTY_SENDER };
  if (typeof stored === 'object' && stored !== null) {
    for (const k of Object.keys(EMPTY_SENDER) as (keyof SenderSettings)[]) {
      const v = (stored as Record<string, unknown>)[k];
      if (typeof v === 'string') out[k] = v;
    }
  }
  return out;
}

export function getSettings(ctx: Ctx): AppSettings {
  return { sender: readSender(ctx) };
}

/** Changes only the fields given; an empty string clears one. */
export function setSettings(ctx: Ctx, args: OpArgs<'settingsSet'>): AppSettings {
  return writeTx(ctx.db, () => {
    if (args.sender) {
      const next = { ...readSender(ctx) };
      for (const [k, v] of Object.entries(args.sender) as [keyof SenderSettings, string | undefined][]) {
        if (v !== undefined) next[k] = v;
      }
      writeKey(ctx, 'sender', next);
    }
    return getSettings(ctx);
  });
}

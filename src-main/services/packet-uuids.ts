/**
 * The UUIDs items and issues carry when they leave in a packet (issue 17): made the first time
 * one goes, kept for good (packet_uuids forbids changing or dropping a row), so the city's
 * adoption notice can name the item without guessing by title.
 */
import crypto from 'node:crypto';
import { writeTx } from '../store/db';
import type { Ctx } from './context';

export type UuidKind = 'article' | 'issue';

/** The UUID of each given item or issue, made now for those that never left before. */
export function ensurePacketUuids(ctx: Ctx, wanted: { kind: UuidKind; id: number }[]): Map<string, string> {
  return writeTx(ctx.db, () => {
    const insert = ctx.db.prepare('INSERT OR IGNORE INTO packet_uuids (kind, ref_id, uuid, created_at) VALUES (?, ?, ?, ?)');
    const read = ctx.db.prepare('SELECT uuid FROM packet_uuids WHERE kind = ? AND ref_id = ?');
    const at = ctx.now().toISOString();
    const out = new Map<string, string>();
    for (const w of wanted) {
      insert.run(w.kind, w.id, crypto.randomUUID(), at);
      out.set(`${w.kind}:${w.id}`, (read.get(w.kind, w.id) as { uuid: string }).uuid);
    }
    return out;
  });
}

/** The item a UUID of ours names, or null when it is not one this database gave out. */
export function articleByUuid(ctx: Ctx, uuid: string): number | null {
  const row = ctx.db.prepare("SELECT ref_id FROM packet_uuids WHERE kind = 'article' AND uuid = ?").get(uuid) as { ref_id: number } | undefined;
  return row ? row.ref_id : null;
}

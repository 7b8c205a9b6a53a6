/**
 * The background check answers only once its worker's connection is closed: a door that closes
 * its own connection right after the answer is then the last one, and SQLite merges and removes
 * the -wal file (a read-only connection closing last cannot). CI caught `bulletin web` leaving a
 * -wal behind on Ctrl+C when the answer came with the worker's message instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../src-main/wiring/dispatch';
import { createCtx } from '../src-main/services/context';
import { openDatabase } from '../src-main/store/db';
import { checkInBackground } from '../src-main/store/integrity';
import { tempDir } from './helpers/db';

describe('checkInBackground', () => {
  it('answers after its connection is closed, so the writer closing next removes the -wal', async () => {
    for (let round = 0; round < 10; round++) {
      const file = path.join(tempDir(), 'bulletin.db');
      const db = openDatabase(file, { createFolder: true });
      await dispatch(createCtx(db), 'seriesAdd', { name: `刊物${round}` });
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      expect(await checkInBackground(file)).toEqual({ ok: true, detail: 'ok' });
      db.close();
      expect(fs.existsSync(`${file}-wal`), `round ${round}`).toBe(false);
    }
  });
});

/**
 * A writer for the unclean-stop test: opens the database as a command does, writes one unit,
 * prints OPEN, then waits. Told CLOSE on stdin it closes the database and exits cleanly; the
 * test may instead kill it (kill -9), leaving its session marker behind.
 * argv: DB_FILE UNIT_NAME
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { dispatch } from '../../src-main/wiring/dispatch';
import { createCtx } from '../../src-main/services/context';
import { openDatabase } from '../../src-main/store/db';

const [file, unit] = process.argv.slice(2) as [string, string];
const ctx = createCtx(openDatabase(file));
await dispatch(ctx, 'unitAdd', { name: unit });
fs.writeSync(1, 'OPEN\n');
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'CLOSE') {
    ctx.db.close();
    process.exit(0);
  }
});

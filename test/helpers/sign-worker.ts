/**
 * A separate process that signs issues in a loop against a shared database, for the
 * concurrency test. argv: DB_FILE SERIES COUNT LABEL. Prints LOADED once started, waits for GO
 * on stdin (so that two workers start together however long each took to load on a busy
 * machine), then prints one JSON line when done.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { dispatch } from '../../src-main/wiring/dispatch';
import { ApiError } from '../../src-main/api/errors';
import { createCtx } from '../../src-main/services/context';
import { openDatabase } from '../../src-main/store/db';

const [file, series, countText, label] = process.argv.slice(2) as [string, string, string, string];
const ctx = createCtx(openDatabase(file));
let busyRetries = 0;

async function call<T>(name: string, input: unknown): Promise<T> {
  for (;;) {
    try {
      return (await dispatch(ctx, name, input)) as T;
    } catch (e) {
      // The loser of a lock race waits and tries again; anything else is a real failure.
      if (e instanceof ApiError && e.code === 'BUSY') {
        busyRetries++;
        continue;
      }
      throw e;
    }
  }
}

fs.writeSync(1, 'LOADED\n');
for await (const line of readline.createInterface({ input: process.stdin })) if (line === 'GO') break;
process.stdin.destroy(); // an open stdin would keep the process alive once done

const numbers: number[] = [];
for (let i = 0; i < Number(countText); i++) {
  const article = await call<{ id: number }>('articleAdd', { title: `${label}-${i}`, body: '正文。' });
  const issue = await call<{ id: number }>('issueCreate', { series, date: '2026-06-01' });
  await call('issueAddArticles', { id: issue.id, articleIds: [article.id] });
  await call('issueSubmit', { id: issue.id });
  const signed = await call<{ number: number }>('issueSign', { id: issue.id, signedBy: label });
  numbers.push(signed.number);
}
process.stdout.write(`${JSON.stringify({ label, numbers, busyRetries })}\n`);

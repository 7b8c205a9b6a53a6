/**
 * A writer for the kill test: imports a draft file, adds an item, edits it, and signs an issue
 * with it, over and over, until it is killed. After each commit it prints one line, written
 * synchronously, so every line the test reads names a change that was committed.
 *
 * Loading the program and the first Word rendering take a second or more, far longer than the
 * kill window; so the worker first warms up on a scratch database of its own, prints LOADED,
 * and touches the real database only after the test sends GO.
 * argv: DB_FILE SERIES WORK_DIR RUN
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { dispatch } from '../../src-main/wiring/dispatch';
import { createCtx, type Ctx } from '../../src-main/services/context';
import { openDatabase } from '../../src-main/store/db';

const [file, series, workDir, run] = process.argv.slice(2) as [string, string, string, string];
const say = (line: string) => fs.writeSync(1, `${line}\n`);

async function step(ctx: Ctx, tag: string, report: (line: string) => void): Promise<void> {
  const call = <T>(op: string, input: unknown) => dispatch(ctx, op, input) as Promise<T>;
  const draft = path.join(workDir, `来稿-${tag}.txt`);
  const text = `城关镇${tag}推进老旧小区改造\n今年以来，城关镇投入资金1.5亿元，编号${tag}。\n一、强化组织领导\n正文。`;
  fs.writeFileSync(draft, text);
  const imported = await call<{ status: string; submission?: { id: number } }>('submissionImport', { path: draft, allowDuplicate: true });
  if (imported.status === 'imported') report(`IMPORT ${imported.submission!.id} ${crypto.createHash('sha256').update(text).digest('hex')}`);

  const article = await call<{ id: number }>('articleAdd', { title: `信息${tag}`, body: `正文${tag}。\n第二段。` });
  report(`ARTICLE ${article.id} 信息${tag}`);
  await call('articleEdit', { id: article.id, title: `信息${tag}（改）` });
  report(`EDIT ${article.id} 信息${tag}（改）`);

  const issue = await call<{ id: number }>('issueCreate', { series, date: '2026-06-01' });
  await call('issueAddArticles', { id: issue.id, articleIds: [article.id] });
  await call('issueSubmit', { id: issue.id });
  const signed = await call<{ id: number; number: number; totalNumber: number }>('issueSign', { id: issue.id, signedBy: '张某某' });
  report(`SIGN ${signed.id} ${signed.number} ${signed.totalNumber}`);
}

const scratchFile = path.join(workDir, `warm-up-${run}.db`);
const scratch = createCtx(openDatabase(scratchFile));
await dispatch(scratch, 'seriesAdd', { name: series });
await step(scratch, `warm${run}`, () => {});
scratch.db.close();
for (const f of fs.readdirSync(workDir).filter((n) => n.startsWith(`warm-up-${run}.db`))) fs.rmSync(path.join(workDir, f), { force: true });
say('LOADED');

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) if (line === 'GO') break;

const ctx = createCtx(openDatabase(file));
say('READY');
for (let i = 0; ; i++) await step(ctx, `R${run}-${i}`, say);

/** The log file: one line per call with name, time taken and code; rotated; never any item text. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../src-main/wiring/dispatch';
import { createLogger, formatLine, LOG_KEEP, LOG_MAX_BYTES, loggerFor, safeValue } from '../src-main/log/logger';
import { RotatingFile } from '../src-main/log/rotating-file';
import { createCtx } from '../src-main/services/context';
import { openDatabase } from '../src-main/store/db';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/db';

const dirs: string[] = [];
function dir(): string {
  const d = tempDir('bulletin-log-');
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const SECRET_TITLE = '县长调研独特标题甲乙丙';
const SECRET_BODY = '正文里的机密数字 8847123 与人名李四五';
const SECRET_UNIT = '不存在的神秘单位丁戊己';

describe('what a line holds', () => {
  it('time, level, operation, milliseconds and the outcome code', () => {
    const line = formatLine(new Date('2026-11-21T06:05:03.123Z'), 'WARN', { op: 'issueSign', ms: 132, result: 'FROZEN' });
    expect(line).toBe('2026-11-21T06:05:03.123Z WARN  op=issueSign ms=132 result=FROZEN\n');
  });

  it('lets no text through: anything outside a small ASCII set becomes _', () => {
    expect(safeValue(`${SECRET_TITLE}\nop=forged`)).toMatch(/^[A-Za-z0-9_.:+=-]*$/);
    expect(safeValue(`${SECRET_TITLE}\nop=forged`)).not.toContain('\n');
    expect(safeValue('x'.repeat(500))).toHaveLength(64);
    expect(safeValue(Number.NaN)).toBe('-');
    expect(safeValue(null)).toBe('-');
  });
});

describe('the log of a working session', () => {
  it('records every call through the CLI and never the text of an item, a title or a message', async () => {
    const d = dir();
    const db = path.join(d, 'bulletin.db');
    expect((await cli(db, 'series', 'add', '--name', '城关县政务信息')).code).toBe(0);
    expect((await cli(db, 'article', 'add', '--title', SECRET_TITLE, '--body', SECRET_BODY)).code).toBe(0);
    expect((await cli(db, 'article', 'edit', '1', '--title', `${SECRET_TITLE}（修改）`)).code).toBe(0);
    // refusals carry the user's words in their message; the log keeps only the code
    expect((await cli(db, 'article', 'add', '--title', SECRET_TITLE, '--body', SECRET_BODY, '--unit', SECRET_UNIT)).code).toBe(2);
    expect((await cli(db, 'article', 'add', '--title', SECRET_TITLE.repeat(50), '--body', SECRET_BODY)).code).toBe(2);
    expect((await cli(db, 'backup', 'create')).code).toBe(0);

    const log = fs.readFileSync(path.join(d, 'logs', 'bulletin.log'), 'utf8');
    const lines = log.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const l of lines) expect(l).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (INFO |WARN |ERROR) \S/);
    expect(log).toMatch(/INFO {2}op=articleAdd ms=\d+ result=ok/);
    expect(log).toMatch(/INFO {2}op=articleEdit ms=\d+ result=ok/);
    expect(log).toMatch(/WARN {2}op=articleAdd ms=\d+ result=NOT_FOUND/);
    expect(log).toMatch(/WARN {2}op=articleAdd ms=\d+ result=INVALID_INPUT/);
    expect(log).toMatch(/event=backup reason=manual/);
    for (const secret of [SECRET_TITLE, SECRET_BODY, SECRET_UNIT, '8847123', '城关县']) expect(log).not.toContain(secret);
    // Not one character of Chinese: nothing of the office's text can be in there.
    expect(log).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('records unknown operations, refusals and internal faults through dispatch, with their level', async () => {
    const d = dir();
    const ctx = createCtx(openDatabase(path.join(d, 'bulletin.db')));
    ctx.logger = loggerFor(ctx.db.name);
    await expect(dispatch(ctx, `drop${SECRET_TITLE}`, {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(dispatch(ctx, 'articleGet', { id: 42 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    ctx.db.close(); // the next call fails inside the handler: our fault, logged as ERROR
    await expect(dispatch(ctx, 'seriesList', {})).rejects.toMatchObject({ code: 'INTERNAL' });
    const log = fs.readFileSync(path.join(d, 'logs', 'bulletin.log'), 'utf8');
    expect(log).toMatch(/WARN {2}op=unknown ms=\d+ result=INVALID_INPUT/);
    expect(log).toMatch(/WARN {2}op=articleGet ms=\d+ result=NOT_FOUND/);
    expect(log).toMatch(/ERROR op=seriesList ms=\d+ result=INTERNAL/);
    expect(log).not.toContain(SECRET_TITLE);
  });
});

describe('rotation', () => {
  it('starts a new file past the size and keeps the newest few', () => {
    const d = dir();
    const f = new RotatingFile(path.join(d, 'logs', 'x.log'), { maxBytes: 1000, keep: 5 });
    for (let i = 0; i < 1000; i++) f.append(`line ${String(i).padStart(4, '0')} ${'.'.repeat(40)}\n`);
    const names = fs.readdirSync(path.join(d, 'logs')).sort();
    expect(names).toEqual(['x.log', 'x.log.1', 'x.log.2', 'x.log.3', 'x.log.4', 'x.log.5']);
    for (const n of names) expect(fs.statSync(path.join(d, 'logs', n)).size).toBeLessThanOrEqual(1000);
    // the newest lines are in x.log, older ones in .1 …, the oldest gone
    expect(fs.readFileSync(path.join(d, 'logs', 'x.log'), 'utf8')).toContain('line 0999');
    const all = names.map((n) => fs.readFileSync(path.join(d, 'logs', n), 'utf8')).join('');
    expect(all).not.toContain('line 0000');
    const order = ['x.log.5', 'x.log.4', 'x.log.3', 'x.log.2', 'x.log.1', 'x.log'].flatMap((n) =>
      [...fs.readFileSync(path.join(d, 'logs', n), 'utf8').matchAll(/line (\d{4})/g)].map((m) => Number(m[1])),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.at(-1)! - order[0]! + 1).toBe(order.length);
  });

  it('the app log rotates at 1 MB and keeps 5 old files', () => {
    expect(LOG_MAX_BYTES).toBe(1024 * 1024);
    expect(LOG_KEEP).toBe(5);
    const d = dir();
    const logger = createLogger(d);
    // ~56 bytes a line: over six files' worth
    for (let i = 0; i < 130_000; i++) logger.op('issueList', i % 97, 'ok');
    const names = fs.readdirSync(path.join(d, 'logs')).sort();
    expect(names).toEqual(['bulletin.log', 'bulletin.log.1', 'bulletin.log.2', 'bulletin.log.3', 'bulletin.log.4', 'bulletin.log.5']);
    for (const n of names) expect(fs.statSync(path.join(d, 'logs', n)).size).toBeLessThanOrEqual(LOG_MAX_BYTES);
  });

  it('never throws when the log cannot be written', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'logs'), 'a file where the folder should be');
    const logger = createLogger(d);
    expect(() => logger.op('seriesList', 1, 'ok')).not.toThrow();
    expect(() => logger.event('INFO', 'start')).not.toThrow();
  });
});

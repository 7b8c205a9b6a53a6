/**
 * 信息员 and 紧急信息 on the scores bench's busy county (60 units, 5,000 drafts, 480 signed
 * issues; a tenth with --quick): every unit changes its officer on 1 July, every draft is
 * credited to the officer in office on its day, and 200 urgent events (20) with reports upward.
 * Measured through the API table: the persons' ranking for the year, the 稿酬 workbook, the
 * urgent list, and the year report with its 信息员排名 and 紧急信息 blocks.
 */
import path from 'node:path';
import { dispatch } from '../../src-main/wiring/dispatch';
import { createCtx } from '../../src-main/services/context';
import { openDatabase, type DB } from '../../src-main/store/db';
import { flushSearchQueue } from '../../src-main/store/search-queue';
import { build, type Sizes } from './scores';
import { goalLine, MIN_SAMPLES, ms, row, time } from './stats';

const YEAR = 2025;

function addLiaisonsAndEvents(db: DB, events: number): void {
  const now = `${YEAR}-01-01T00:00:00.000Z`;
  const insert = db.prepare('INSERT INTO liaisons (unit_id, name, phone, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const units = db.prepare('SELECT id FROM units ORDER BY id').pluck().all() as number[];
  for (const u of units) {
    insert.run(u, `甲${u}`, '', `${YEAR}-01-01`, `${YEAR}-06-30`, now);
    insert.run(u, `乙${u}`, '', `${YEAR}-07-01`, null, now);
  }
  db.exec(`UPDATE submissions SET liaison_id = (SELECT l.id FROM liaisons l WHERE l.unit_id = submissions.unit_id
    AND l.valid_from <= submissions.received_date AND coalesce(l.valid_to, '9999-12-31') >= submissions.received_date)`);
  const ev = db.prepare('INSERT INTO urgent_events (unit_id, what, event_time, unit_reported_at, created_at) VALUES (?, ?, ?, ?, ?)');
  const rep = db.prepare("INSERT INTO urgent_reports (event_id, kind, level, reported_at, created_at) VALUES (?, 'upward', 'city', ?, ?)");
  for (let e = 0; e < events; e++) {
    const day = new Date(Date.UTC(YEAR, 0, 1 + Math.floor((e * 360) / events))).toISOString().slice(0, 10);
    const id = Number(ev.run(units[e % units.length]!, `事件${e}`, `${day}T09:00`, `${day}T09:${String(10 + (e % 50)).padStart(2, '0')}`, now).lastInsertRowid);
    if (e % 3) rep.run(id, `${day}T10:30`, now);
  }
}

export async function benchLiaison(dir: string, quick: boolean): Promise<string[]> {
  const size: Sizes = quick ? { drafts: 500, issues: 48, adoptions: 300, instructions: 30 } : { drafts: 5000, issues: 480, adoptions: 3000, instructions: 300 };
  const db = openDatabase(path.join(dir, 'liaison.db'));
  db.pragma('synchronous = OFF'); // building the fixture only
  db.transaction(() => {
    build(db, size);
    addLiaisonsAndEvents(db, quick ? 20 : 200);
    flushSearchQueue(db); // the records' search entries, as the app would have written them
  }).immediate();
  db.pragma('synchronous = FULL');
  const ctx = createCtx(db, () => new Date(YEAR + 1, 0, 15));
  const year = { period: 'year' as const, year: YEAR };
  const people = await dispatch(ctx, 'personScore', year);
  const persons = await time(MIN_SAMPLES, () => dispatch(ctx, 'personScore', year));
  const fees = await time(MIN_SAMPLES, () => dispatch(ctx, 'liaisonFeesFile', year));
  const urgent = await time(MIN_SAMPLES, () => dispatch(ctx, 'urgentList', { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }));
  const figures = await time(MIN_SAMPLES, () => dispatch(ctx, 'statsYear', { year: YEAR }));
  const report = await time(MIN_SAMPLES, () => dispatch(ctx, 'statsYearFiles', { year: YEAR }));
  db.close();
  return [
    `fixture: ${people.length} officers, ${people.reduce((s, p) => s + p.sent, 0)} credited drafts, ${quick ? 20 : 200} urgent events`,
    row('officers’ ranking for the year (personScore)', persons),
    row('稿酬 workbook in memory (liaisonFeesFile)', fees),
    row('urgent events of the year (urgentList)', urgent),
    row('year figures with both blocks (statsYear)', figures),
    row('year report with the officers’ and urgent blocks (statsYearFiles)', report),
    goalLine('year report with officers and urgent events, median', report.median, '<=', 2000, 'ms'),
    `(${ms(persons.median)} of it is the ranking)`,
  ];
}

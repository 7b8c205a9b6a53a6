/** A county ready to send a packet upward, and tools to take packets apart and put them back together. */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterEach, beforeEach } from 'vitest';
import yazl from 'yazl';
import { openTestDb, publish, seed, type TestDb } from './db';

export const run = promisify(execFile);
export const BIN = path.join(__dirname, '..', '..', 'bin', 'bulletin.cjs');
/** A fixed clock: the packet's date (and so its name) does not depend on when the test runs. */
export const NOW = new Date('2026-11-21T06:30:00Z');

export const SENDER = { office: '城关县人民政府办公室', shortName: '城关县政府办', contactPerson: '王某某', phone: '0000-1234567' };

export interface County {
  t: TestDb;
  out: string;
  issues: number[];
  /** Three public items not in any issue, sent as single items. */
  singles: number[];
  classified: number;
  internal: number;
}

/** Two signed issues (2 + 2 items), three single items, one classified and one internal item. */
export async function county(): Promise<County> {
  const t = openTestDb({ now: () => NOW });
  const { series, articles } = await seed(t, 7);
  const ids = articles.map((a) => a.id);
  const i1 = await publish(t, series.id, [ids[0]!, ids[1]!], '2026-11-14');
  const i2 = await publish(t, series.id, [ids[2]!, ids[3]!], '2026-11-21');
  const classified = await t.call('articleAdd', { title: '某项涉密工作进展', body: '不得上网的内容。', classification: 'classified' });
  const internal = await t.call('articleAdd', { title: '内部掌握的情况', body: '仅供内部参考。', classification: 'internal' });
  await t.call('settingsSet', { sender: SENDER });
  const out = path.join(t.dir, 'U盘');
  fs.mkdirSync(out);
  return { t, out, issues: [i1.id, i2.id], singles: [ids[4]!, ids[5]!, ids[6]!], classified: classified.id, internal: internal.id };
}

/**
 * A county database (as `county()` makes it) and an empty city database for each test of the
 * file, closed after it; `take` receives them (the test file keeps them in its own variables).
 */
export function countyAndCity(take: (two: { c: County; city: TestDb }) => void): void {
  let two: { c: County; city: TestDb } | undefined;
  beforeEach(async () => {
    two = { c: await county(), city: openTestDb() };
    take(two);
  });
  afterEach(() => {
    two?.c.t.close();
    two?.city.close();
  });
}

export function listDir(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

export interface Entry {
  name: string;
  data: Buffer;
  compress?: boolean;
  mode?: number;
}

/** The entries of a zip, in order, as buffers (test-side reading, independent of zip-read.ts). */
export async function entriesOf(file: string): Promise<Entry[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out: Entry[] = [];
  for (const f of Object.values(zip.files)) out.push({ name: f.name, data: await f.async('nodebuffer') });
  return out;
}

/** Writes entries into a zip with yazl, exactly as given (no checks of our own). */
export async function writeZip(file: string, entries: readonly Entry[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: e.compress ?? true, mode: e.mode ?? 0o100644, mtime: NOW });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
  });
}

export const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** SHA256SUMS for entries, as sha256sum writes it. */
export function sumsFor(entries: readonly Entry[]): Buffer {
  return Buffer.from(entries.filter((e) => e.name !== 'SHA256SUMS').map((e) => `${sha256(e.data)}  ${e.name}\n`).join(''), 'utf8');
}

/** Replaces every occurrence of `from` with `to` (same length) in a file: names in both zip headers. */
export function patchBytes(file: string, from: string, to: string): void {
  const a = Buffer.from(from, 'utf8');
  const b = Buffer.from(to, 'utf8');
  if (a.length !== b.length) throw new Error('patch must keep the length');
  const buf = fs.readFileSync(file);
  let n = 0;
  for (let i = buf.indexOf(a); i >= 0; i = buf.indexOf(a, i + 1)) {
    b.copy(buf, i);
    n++;
  }
  if (n === 0) throw new Error(`"${from}" not found in ${file}`);
  fs.writeFileSync(file, buf);
}

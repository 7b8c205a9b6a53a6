/**
 * Hostile files at the two doors that read files from outside: draft import (submissionImport)
 * and packet verification (packetVerify). Each importer owns its defences (see the intake and
 * packet tests); this test throws the usual attacks and random bytes at them through the API
 * table, as the UI would, and checks the whole outcome: refused cleanly with a Chinese reason
 * (import: status refused; verify: a report with faults), no INTERNAL error, no row changed,
 * nothing written outside the temp folder, and memory that stays bounded.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Document, Packer, Paragraph } from 'docx';
import fc from 'fast-check';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../src-main/wiring/dispatch';
import { ApiError } from '../src-main/api/errors';
import { openTestDb, seed, snapshotAll, type TestDb } from './helpers/db';

let t: TestDb;
let files: string;
let baseline: string;
/** Files a `../` entry would create if it were ever written out: checked for after every call. */
const ESCAPE = `hostile-escape-${crypto.randomBytes(6).toString('hex')}.txt`;

beforeAll(async () => {
  t = openTestDb();
  await seed(t, 2);
  files = path.join(t.dir, 'files');
  fs.mkdirSync(files);
  baseline = JSON.stringify(snapshotAll(t.ctx.db));
});
afterAll(() => t.close());

// ---------------------------------------------------------------- making files

interface Entry {
  name: string;
  data?: Buffer | string;
  /** Streamed, for entries far larger than the test wants to hold in memory. */
  zeros?: number;
}

function zip(entries: Entry[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const e of entries) {
    if (e.zeros !== undefined) {
      const chunk = Buffer.alloc(1024 * 1024);
      const count = Math.ceil(e.zeros / chunk.length);
      z.addReadStream(Readable.from((function* () { for (let i = 0; i < count; i++) yield chunk; })()), e.name);
    } else z.addBuffer(Buffer.from(e.data ?? ''), e.name);
  }
  z.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    z.outputStream.on('data', (d: Buffer) => parts.push(d)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
  });
}

/** yazl refuses `..` in names, as it should; the name is swapped in afterwards, byte for byte. */
function rename(buf: Buffer, from: string, to: string): Buffer {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const out = Buffer.from(buf);
  let at = out.indexOf(from);
  while (at >= 0) {
    out.write(to, at);
    at = out.indexOf(from, at + 1);
  }
  return out;
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const docxOf = (documentXml: Entry, extra: Entry[] = []) =>
  zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: '_rels/.rels', data: RELS }, { ...documentXml, name: 'word/document.xml' }, ...extra]);

const BILLION_LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('') +
  ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>';

function write(name: string, bytes: Buffer | string): string {
  const p = path.join(files, name);
  fs.writeFileSync(p, bytes);
  return p;
}

// ---------------------------------------------------------------- checking outcomes

function escaped(): string[] {
  const places = [files, t.dir, path.dirname(t.dir), os.tmpdir(), process.cwd(), path.join(process.cwd(), '..')];
  return places.filter((d) => fs.existsSync(path.join(d, ESCAPE)));
}

/** Runs one call, sampling memory meanwhile; returns the answer (or the refusal) and the growth. */
async function measured(op: 'submissionImport' | 'packetVerify', input: Record<string, unknown>) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  let result: unknown;
  let error: unknown;
  try {
    result = await dispatch(t.ctx, op, input);
  } catch (e) {
    error = e;
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  if (error !== undefined && !(error instanceof ApiError)) throw error;
  if (error instanceof ApiError) expect(error.code, error.message).not.toBe('INTERNAL');
  expect(JSON.stringify(snapshotAll(t.ctx.db)), `${op} changed a row`).toBe(baseline);
  expect(escaped()).toEqual([]);
  return { result, error: error as ApiError | undefined, growthMb: (peak - before) / 1024 / 1024 };
}

async function expectImportRefused(file: string, reason: RegExp) {
  const r = await measured('submissionImport', { path: file });
  const why = r.error?.message ?? (r.result as { status: string; reason?: string }).reason ?? '';
  if (!r.error) expect((r.result as { status: string }).status).toBe('refused');
  expect(why).toMatch(/[\u4e00-\u9fff]/);
  expect(why).toMatch(reason);
  return r;
}

async function expectVerifyFaults(file: string, code?: RegExp) {
  const r = await measured('packetVerify', { path: file });
  if (r.error) return r; // e.g. a file that is not there: refused before reading
  const report = r.result as { ok: boolean; faults: { code: string; message: string }[] };
  expect(report.ok).toBe(false);
  expect(report.faults.length).toBeGreaterThan(0);
  for (const f of report.faults) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  if (code) expect(report.faults.map((f) => f.code).join(' ')).toMatch(code);
  return r;
}

// ---------------------------------------------------------------- the attacks

describe('draft import refuses hostile files cleanly', () => {
  it('a sound .docx is imported (the control: the door is open to real files)', async () => {
    const good = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('城关镇推进老旧小区改造'), new Paragraph('正文。')] }] }));
    const r = await dispatch(t.ctx, 'submissionImport', { path: write('good.docx', good) });
    expect(r.status).toBe('imported');
    baseline = JSON.stringify(snapshotAll(t.ctx.db));
  });

  it('a zip bomb: a document.xml that inflates to 300 MB', async () => {
    const bomb = await docxOf({ name: 'word/document.xml', zeros: 300 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const r = await expectImportRefused(write('bomb.docx', bomb), /./);
    expect(r.growthMb).toBeLessThan(150);
  });

  it('an XML entity bomb (billion laughs)', async () => {
    const r = await expectImportRefused(write('laughs.docx', await docxOf({ name: 'word/document.xml', data: BILLION_LAUGHS })), /./);
    expect(r.growthMb).toBeLessThan(150);
  });

  it('an entry named ../…: nothing is written outside', async () => {
    const target = `../../${ESCAPE}`;
    const placeholder = 'Z'.repeat(target.length);
    const made = await docxOf({ name: 'word/document.xml', data: '<w:document/>' }, [{ name: placeholder, data: 'escaped' }]);
    await expectImportRefused(write('dotdot.docx', rename(made, placeholder, target)), /./);
  });

  it('broken XML in the document', async () => {
    await expectImportRefused(write('broken.docx', await docxOf({ name: 'word/document.xml', data: '<w:document><w:body><w:p><<&&>> 未闭合' })), /./);
  });

  it('2,000 tiny entries (a draft has a few dozen)', async () => {
    const many = Array.from({ length: 2_000 }, (_, i) => ({ name: `word/media/e${i}.xml`, data: 'x' }));
    await expectImportRefused(write('many.docx', await docxOf({ name: 'word/document.xml', data: '<w:document/>' }, many)), /./);
  });

  it('a 50 MB text file', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, Buffer.from('政务信息正文。', 'utf8'));
    const r = await expectImportRefused(write('big.txt', big), /20 MB/);
    expect(r.growthMb).toBeLessThan(100);
  });

  it('invalid encodings, control characters and binary text', async () => {
    const bad = [
      Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x80, 0x81]), // a UTF-8 mark, then nonsense
      Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]), // UTF-16LE with a lone surrogate
      Buffer.concat([Buffer.from('标题\n'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07])]),
      Buffer.from([0x81, 0x30, 0x81, 0xff, 0xfe, 0xfd, 0x80, 0x80, 0x80]),
    ];
    for (const [i, b] of bad.entries()) await expectImportRefused(write(`enc${i}.txt`, b), /编码|纯文本|控制字符|损坏/);
  });

  it('random bytes named .docx, an empty file, a folder and a missing file', async () => {
    await expectImportRefused(write('random.docx', crypto.randomBytes(64 * 1024)), /损坏|不是 Word/);
    await expectImportRefused(write('empty.docx', ''), /空/);
    await expectImportRefused(files, /./);
    await expectImportRefused(path.join(files, '不存在.docx'), /./);
  });

  it('fuzzed: random bytes and byte-mutated Word files never crash the import', async () => {
    const good = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('城关镇推进老旧小区改造'), new Paragraph('正文。')] }] }));
    const mutated = fc
      .array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 })
      .map((edits) => {
        const b = Buffer.from(good);
        for (const [at, v] of edits) b[at] = v;
        return b;
      });
    const arb = fc.oneof(fc.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)), mutated);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arb, fc.constantFrom('docx', 'txt'), async (bytes, ext) => {
        const file = write(`fuzz-${n++}.${ext}`, bytes);
        let outcome: { status: string } | undefined;
        try {
          outcome = await dispatch(t.ctx, 'submissionImport', { path: file });
        } catch (e) {
          expect(e).toBeInstanceOf(ApiError);
          expect((e as ApiError).code).not.toBe('INTERNAL');
        }
        // A mutation that left the file readable may import (or be seen as a duplicate).
        if (outcome) expect(['imported', 'duplicate', 'refused']).toContain(outcome.status);
        if (outcome?.status !== 'imported') expect(JSON.stringify(snapshotAll(t.ctx.db))).toBe(baseline);
        baseline = JSON.stringify(snapshotAll(t.ctx.db));
        expect(escaped()).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('packet verification reports hostile files with faults', () => {
  it('a zip bomb, a ../ entry, a broken manifest, random bytes and a 50 MB file', async () => {
    const bomb = await zip([{ name: 'manifest.json', data: '{}' }, { name: 'bomb.bin', zeros: 300 * 1024 * 1024 }]);
    const r1 = await expectVerifyFaults(write('bomb.zip', bomb), /BOMB|TOO|LARGE|SIZE|RATIO/i);
    expect(r1.growthMb).toBeLessThan(150);

    const target = `../../${ESCAPE}`;
    const placeholder = 'Z'.repeat(target.length);
    const dotdot = rename(await zip([{ name: 'manifest.json', data: '{}' }, { name: placeholder, data: 'escaped' }]), placeholder, target);
    await expectVerifyFaults(write('dotdot.zip', dotdot), /UNSAFE_PATH/);

    await expectVerifyFaults(write('manifest.zip', await zip([{ name: 'manifest.json', data: '{"version": 1, "items": [ 未闭合' }])));
    await expectVerifyFaults(write('random.zip', crypto.randomBytes(256 * 1024)));
    const big = path.join(files, 'big.zip');
    const fd = fs.openSync(big, 'w');
    for (let i = 0; i < 50; i++) fs.writeSync(fd, crypto.randomBytes(1024 * 1024));
    fs.closeSync(fd);
    const r5 = await expectVerifyFaults(big);
    expect(r5.growthMb).toBeLessThan(150);
    await expectVerifyFaults(write('empty.zip', ''));
    await expectVerifyFaults(files);
  });

  it('fuzzed: random bytes and mutated zips never crash the verifier', async () => {
    const base = await zip([{ name: 'manifest.json', data: '{"format":"bulletin-packet","version":1}' }, { name: 'items/1.txt', data: '正文'.repeat(50) }]);
    const arb = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)),
      fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }).map((edits) => {
        const b = Buffer.from(base);
        for (const [at, v] of edits) b[at] = v;
        return b;
      }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arb, async (bytes) => {
        await expectVerifyFaults(write(`fuzz-${n++}.zip`, bytes));
      }),
      { numRuns: 150 },
    );
  });
});

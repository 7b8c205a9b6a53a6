/**
 * Verifying packets that are damaged, tampered with or hostile: each is crafted here from a good
 * packet (yazl, byte patches), and each must fail with a fault that names what is wrong — in the
 * API's report, and from the command with exit code 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PacketVerifyResult } from '../src-main/api/ops/packets';
import { verifyPacket } from '../src-main/packet/verify';
import { READ_LIMITS } from '../src-main/packet/zip-read';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/db';
import { BIN, county, entriesOf, patchBytes, run, sumsFor, writeZip, type County, type Entry } from './helpers/packet';

let c: County;
let good: string;
let goodEntries: Entry[];
let dir: string;

beforeAll(async () => {
  c = await county();
  const p = await c.t.call('packetExport', { issueIds: c.issues, articleIds: c.singles, out: c.out });
  good = p.path;
  goodEntries = await entriesOf(good);
  dir = tempDir('packet-bad-');
});
afterAll(() => {
  c.t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function crafted(entries: readonly Entry[]): Promise<string> {
  const file = path.join(dir, `bad-${++n}.zip`);
  await writeZip(file, entries);
  return file;
}

function copyOfGood(): string {
  const file = path.join(dir, `copy-${++n}.zip`);
  fs.copyFileSync(good, file);
  return file;
}

/** Entries with their manifest and SHA256SUMS rewritten to agree with what they now hold. */
function consistent(entries: Entry[], manifestEdit?: (m: Record<string, unknown>) => void): Entry[] {
  const out = entries.map((e) => ({ ...e }));
  const m = out.find((e) => e.name === 'manifest.json')!;
  if (manifestEdit) {
    const json = JSON.parse(m.data.toString('utf8'));
    manifestEdit(json);
    m.data = Buffer.from(JSON.stringify(json, null, 2), 'utf8');
  }
  const sums = out.find((e) => e.name === 'SHA256SUMS')!;
  sums.data = sumsFor(out);
  return out;
}

async function verify(file: string): Promise<PacketVerifyResult> {
  return c.t.call('packetVerify', { path: file });
}

function codes(r: PacketVerifyResult): string[] {
  return [...new Set(r.faults.map((f) => f.code))];
}

describe('a sound packet', () => {
  it('passes, lists its entries, and is found in the register', async () => {
    const r = await verify(good);
    expect(r.faults).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.entries.map((e) => e.name)).toEqual(goodEntries.map((e) => e.name));
    expect(r.manifest!.issues).toHaveLength(2);
    expect(r.registered).toMatchObject({ id: 1 });
  });

  it('still passes when rebuilt by another zip tool with the same content', async () => {
    const r = await verify(await crafted(goodEntries));
    expect(r.ok).toBe(true);
    expect(r.registered).toBeNull();
  });
});

describe('the four faults the issue names', () => {
  it('one byte changed inside a Word file', async () => {
    const file = copyOfGood();
    const bytes = fs.readFileSync(file);
    // the issue files are stored, not deflated: find the first one's data and flip a byte in it
    const target = goodEntries.find((e) => e.name === '城关县政务信息2026年第1期.docx')!;
    const at = bytes.indexOf(target.data.subarray(2000, 2064));
    expect(at).toBeGreaterThan(0);
    bytes[at]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    const r = await verify(file);
    expect(r.ok).toBe(false);
    expect(r.faults).toEqual([expect.objectContaining({ code: 'CRC_MISMATCH', entry: '城关县政务信息2026年第1期.docx' })]);
    expect(r.faults[0]!.message).toContain('“城关县政务信息2026年第1期.docx”的 CRC 校验值不符');
  });

  it('one byte changed and the CRC recomputed: the SHA-256 checks catch it', async () => {
    const entries = goodEntries.map((e) => ({ ...e, data: Buffer.from(e.data) }));
    const item = entries.find((e) => e.name.startsWith('信息02_'))!;
    item.data[1000]! ^= 0x01;
    const r = await verify(await crafted(entries));
    expect(codes(r).sort()).toEqual(['CHECKSUM_MISMATCH', 'SUMS_MISMATCH']);
    expect(r.faults.every((f) => f.entry === item.name)).toBe(true);
    expect(r.faults[0]!.message).toContain(`“${item.name}”的 SHA-256 与清单不符`);
  });

  it('a truncated packet', async () => {
    const file = path.join(dir, 'truncated.zip');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const r = await verify(file);
    expect(r.ok).toBe(false);
    expect(r.faults).toEqual([expect.objectContaining({ code: 'NOT_ZIP' })]);
    expect(r.faults[0]!.message).toContain('不是完整的 zip 压缩包');
  });

  it('a ../ entry', async () => {
    const entries = consistent([...goodEntries, { name: 'AA/evil.txt', data: Buffer.from('owned') }]);
    const file = await crafted(entries);
    patchBytes(file, 'AA/evil.txt', '../evil.txt');
    const r = await verify(file);
    expect(r.ok).toBe(false);
    expect(r.faults).toContainEqual(expect.objectContaining({ code: 'UNSAFE_PATH', entry: '../evil.txt' }));
    expect(r.faults.find((f) => f.code === 'UNSAFE_PATH')!.message).toContain('“../evil.txt”含有“..”');
  });

  it('a manifest that lies about a checksum', async () => {
    const entries = consistent(goodEntries, (m) => {
      const issues = m.issues as { sha256: string }[];
      issues[1]!.sha256 = 'a'.repeat(64);
    });
    const r = await verify(await crafted(entries));
    expect(r.ok).toBe(false);
    expect(r.faults).toEqual([expect.objectContaining({ code: 'CHECKSUM_MISMATCH', entry: '城关县政务信息2026年第2期.docx' })]);
    expect(r.faults[0]!.message).toContain('清单 aaaaaaaaaaaa…');
  });

  it('exits 2 from the command with the report, on stderr and in --json', async () => {
    const file = path.join(dir, 'cut.zip');
    fs.writeFileSync(file, fs.readFileSync(good).subarray(0, 4000));
    const r = await cli(c.t.file, 'packet', 'verify', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('上报包校验未通过：发现 1 处问题');
    expect(r.stderr).toContain('NOT_ZIP');
    const j = await cli(c.t.file, '--json', 'packet', 'verify', file);
    expect(j.code).toBe(2);
    const body = j.json() as { error: { code: string; report: PacketVerifyResult } };
    expect(body.error.report.ok).toBe(false);
    expect(body.error.report.faults[0]!.code).toBe('NOT_ZIP');
    // the real binary, on a PC without a database (the city office): no database is created
    const nowhere = path.join(dir, 'no-db', 'bulletin.db');
    const bin = await run(process.execPath, [BIN, '--db', nowhere, 'packet', 'verify', file]).catch((e: { code: number; stderr: string }) => e);
    expect(bin, JSON.stringify(bin)).toMatchObject({ code: 2 });
    expect((bin as { stderr: string }).stderr).toContain('不是完整的 zip 压缩包');
    const ok = await run(process.execPath, [BIN, '--db', nowhere, 'packet', 'verify', good]);
    expect(ok.stdout).toContain('上报包校验通过');
    expect(fs.existsSync(nowhere)).toBe(false);
  });
});

describe('unsafe and malformed entries', () => {
  const cases: [string, string, string][] = [
    ['an absolute path', 'AAetc/passwd', '/etc/passwd'],
    ['a drive letter', 'AA/boot.ini', 'C:/boot.ini'],
    ['a backslash', 'AAA.txt', 'a\\b.txt'],
  ];
  it.each(cases)('refuses %s', async (_what, placeholder, name) => {
    const file = await crafted(consistent([...goodEntries, { name: placeholder, data: Buffer.from('x') }]));
    patchBytes(file, placeholder, name.padEnd(placeholder.length, '_').slice(0, placeholder.length));
    const r = await verify(file);
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain('UNSAFE_PATH');
  });

  it('refuses a symbolic link given by the external attributes', async () => {
    const r = await verify(await crafted(consistent([...goodEntries, { name: 'link.docx', data: Buffer.from('/etc/passwd'), mode: 0o120777 }])));
    expect(r.faults).toContainEqual(expect.objectContaining({ code: 'LINK', entry: 'link.docx' }));
  });

  it('refuses folders, duplicate names, Windows-reserved names and entries not in the manifest', async () => {
    const extra: Entry[] = [
      { name: 'sub/a.txt', data: Buffer.from('a') },
      { name: 'CON.txt', data: Buffer.from('c') },
      { name: 'extra.txt', data: Buffer.from('e') },
      { name: '报送清单.DOCX', data: Buffer.from('dup') },
    ];
    const r = await verify(await crafted(consistent([...goodEntries, ...extra])));
    expect(codes(r).sort()).toEqual(['BAD_NAME', 'DUPLICATE_NAME', 'FOLDER', 'UNLISTED_ENTRY']);
    expect(r.faults.find((f) => f.code === 'UNLISTED_ENTRY')!.entry).toBe('extra.txt');
    expect(r.faults.find((f) => f.code === 'DUPLICATE_NAME')!.message).toContain('与“报送清单.docx”重名');
  });

  it('refuses too many entries without reading them', async () => {
    const many = Array.from({ length: READ_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x'), compress: false }));
    const r = await verify(await crafted(many));
    expect(r.faults).toEqual([expect.objectContaining({ code: 'TOO_MANY_ENTRIES' })]);
    expect(r.faults[0]!.message).toContain(`${READ_LIMITS.maxEntries + 1} 个文件`);
  });

  it('refuses an oversized entry and a zip bomb by ratio, without inflating them', async () => {
    const big = Buffer.alloc(READ_LIMITS.maxEntryBytes + 1);
    const bomb = Buffer.alloc(8 * 1024 * 1024);
    const r = await verify(await crafted(consistent([...goodEntries, { name: 'big.bin', data: big }, { name: 'bomb.bin', data: bomb }])));
    expect(r.faults).toContainEqual(expect.objectContaining({ code: 'ENTRY_TOO_LARGE', entry: 'big.bin' }));
    expect(r.faults).toContainEqual(expect.objectContaining({ code: 'ZIP_BOMB', entry: 'bomb.bin' }));
    expect(r.entries.map((e) => e.name)).not.toContain('bomb.bin');
  });

  it('refuses an entry whose declared size lies', async () => {
    // declared uncompressed size patched down: inflating yields more than declared
    const file = await crafted(consistent([...goodEntries, { name: 'liar.txt', data: Buffer.alloc(5000, 0x61) }]));
    const buf = fs.readFileSync(file);
    const name = Buffer.from('liar.txt');
    for (let i = buf.indexOf(name); i >= 0; i = buf.indexOf(name, i + 1)) {
      // the uncompressed size sits 22 bytes into a local header and 24 into a central one
      const local = i >= 30 && buf.readUInt32LE(i - 30) === 0x04034b50;
      const central = i >= 46 && buf.readUInt32LE(i - 46) === 0x02014b50;
      const at = local ? i - 30 + 22 : i - 46 + 24;
      if ((local || central) && buf.readUInt32LE(at) === 5000) buf.writeUInt32LE(100, at);
    }
    fs.writeFileSync(file, buf);
    const r = await verify(file);
    expect(r.faults).toContainEqual(expect.objectContaining({ entry: 'liar.txt' }));
    expect(r.ok).toBe(false);
  });

  it('reports a missing manifest, a broken one, a newer version and a manifest that lets a classified item through', async () => {
    const without = await verify(await crafted(consistent(goodEntries).filter((e) => e.name !== 'manifest.json').map((e) => e)));
    expect(codes(without)).toContain('MANIFEST_MISSING');

    const broken = consistent(goodEntries);
    broken.find((e) => e.name === 'manifest.json')!.data = Buffer.from('{ not json');
    const rb = await verify(await crafted(consistent(broken)));
    expect(codes(rb)).toContain('MANIFEST_INVALID');

    const newer = await verify(await crafted(consistent(goodEntries, (m) => (m.version = 3))));
    expect(newer.faults).toEqual([expect.objectContaining({ code: 'MANIFEST_VERSION' })]);
    expect(newer.faults[0]!.message).toContain('请升级编印台');

    const schema = await verify(await crafted(consistent(goodEntries, (m) => delete m.sender)));
    expect(schema.faults[0]).toMatchObject({ code: 'MANIFEST_INVALID' });
    expect(schema.faults[0]!.message).toContain('sender');

    const leak = await verify(
      await crafted(
        consistent(goodEntries, (m) => {
          (m.articles as { classification: string }[])[0]!.classification = 'classified';
        }),
      ),
    );
    expect(leak.faults).toEqual([expect.objectContaining({ code: 'MANIFEST_RULE' })]);
    expect(leak.faults[0]!.message).toContain('涉密信息不得上报');
  });

  it('reports a missing or incomplete SHA256SUMS', async () => {
    const noSums = await verify(await crafted(goodEntries.filter((e) => e.name !== 'SHA256SUMS')));
    expect(codes(noSums)).toEqual(['SUMS_MISSING']);
    const partial = goodEntries.map((e) => ({ ...e }));
    const sums = partial.find((e) => e.name === 'SHA256SUMS')!;
    sums.data = Buffer.from(sums.data.toString('utf8').split('\n').slice(1).join('\n'));
    const r = await verify(await crafted(partial));
    expect(r.faults).toEqual([expect.objectContaining({ code: 'SUMS_INCOMPLETE', entry: 'manifest.json' })]);
  });

  it('answers a missing file and a folder as faults, not crashes', async () => {
    expect((await verifyPacket(path.join(dir, 'nope.zip'))).faults[0]!.code).toBe('NOT_FOUND');
    expect((await verifyPacket(dir)).faults[0]!.code).toBe('NOT_A_FILE');
    const empty = path.join(dir, 'empty.zip');
    fs.writeFileSync(empty, '');
    expect((await verifyPacket(empty)).faults[0]!.code).toBe('NOT_ZIP');
  });
});

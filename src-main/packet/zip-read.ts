/**
 * Reading a packet someone hands us, which may be damaged or hostile. Nothing is ever extracted
 * to disk: each entry is read into memory under hard limits (count, size, compression ratio,
 * total), its name decoded by us and checked before anything else, its CRC checked by us (yauzl
 * checks sizes, not CRCs). Every problem becomes a fault naming the entry; reading goes on
 * where it safely can, so one report lists all that is wrong.
 */
import fs from 'node:fs';
import type Yauzl from 'yauzl';
import { entryNameProblem, PACKET_LIMITS } from './manifest';
import type { Fault } from './report';

export type { Fault };


export interface ReadEntry {
  name: string;
  data: Buffer;
}

export interface ZipLimits {
  /** The packet file itself. */
  maxPacketBytes: number;
  maxEntries: number;
  maxEntryBytes: number;
  /** All entries together, uncompressed: what reading the packet may hold in memory. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed; checked for entries larger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/**
 * Generous for real packets (1000 issues and 1000 items of some 100 KB each come to about
 * 200 MB), small enough that a hostile file cannot exhaust the office PC. Entries: every issue
 * and item, plus manifest.json, SHA256SUMS and 报送清单.docx.
 */
export const READ_LIMITS: ZipLimits = {
  maxPacketBytes: 1024 * 1024 * 1024,
  maxEntries: PACKET_LIMITS.issues + PACKET_LIMITS.articles + 3,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipReadResult {
  entries: ReadEntry[];
  faults: Fault[];
  /** False when the zip could not be read as a whole (not a zip, truncated, too many entries). */
  readable: boolean;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const DOS_REPARSE_POINT = 0x400;
const UTF8_FLAG = 0x800;
const INFOZIP_UNICODE_PATH = 0x7075;
const MB = 1024 * 1024;

/** A name as it can be shown in a report: controls visible, never a line break. */
export function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = name.replace(/[\u0000-\u001f\u007f]/g, '�');
  return [...visible].length > 80 ? `${[...visible].slice(0, 80).join('')}…` : visible;
}

function mb(n: number): string {
  return `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;
}

async function readAll(zipfile: Yauzl.ZipFile, entry: Yauzl.Entry, cap: number): Promise<Buffer> {
  const stream = await zipfile.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    // yauzl stops at the declared size; this is the second line should the declaration lie.
    if (size > cap) {
      stream.destroy();
      throw new Error(`解压后超过 ${mb(cap)}`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

interface Checked {
  name: string;
  faults: Fault[];
}

function checkEntry(yauzl: typeof Yauzl, entry: Yauzl.Entry, seen: Map<string, string>, limits: ZipLimits): Checked {
  const raw = entry.fileNameRaw;
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
  const shown = shownName(name);
  const faults: Fault[] = [];
  const fault = (code: string, message: string) => faults.push({ code, message, entry: name });

  const nonAscii = raw.some((b) => b >= 0x80);
  const utf8 = (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0 || entry.extraFields.some((f) => f.id === INFOZIP_UNICODE_PATH);
  if (nonAscii && !utf8) {
    fault('NAME_ENCODING', `“${shown}”的文件名没有标明 UTF-8 编码，在 Windows 中文件名会显示为乱码。`);
  }
  const problem = entryNameProblem(name);
  if (problem) fault(problem.code, `“${shown}”${problem.message}。`);

  // Unix tools put the file type in the high half; Windows marks links as reparse points.
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK || (entry.externalFileAttributes & DOS_REPARSE_POINT) !== 0) {
    fault('LINK', `“${shown}”是一个链接（快捷方式），解压时可能指向文件夹之外的文件。`);
  }

  // Windows merges names that differ only in case or Unicode form.
  const key = name.normalize('NFC').toLowerCase();
  const earlier = seen.get(key);
  if (earlier !== undefined) fault('DUPLICATE_NAME', `“${shown}”与“${shownName(earlier)}”重名，解压时后一个会覆盖前一个。`);
  else seen.set(key, name);

  if (entry.isEncrypted()) fault('ENCRYPTED', `“${shown}”被加密，无法校验。上报包不应加密。`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    fault('UNSUPPORTED_METHOD', `“${shown}”使用了不支持的压缩方式（${entry.compressionMethod}）。`);
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    fault('ENTRY_TOO_LARGE', `“${shown}”解压后有 ${mb(entry.uncompressedSize)}，超过单个文件 ${mb(limits.maxEntryBytes)} 的上限。`);
  } else if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
    const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
    fault('ZIP_BOMB', `“${shown}”的压缩比高达 ${ratio} 倍（压缩炸弹特征），未解压。`);
  }
  return { name, faults };
}

export async function readZip(file: string, limits: ZipLimits = READ_LIMITS): Promise<ZipReadResult> {
  const faults: Fault[] = [];
  const entries: ReadEntry[] = [];
  const fail = (code: string, message: string): ZipReadResult => ({ entries, faults: [...faults, { code, message }], readable: false });

  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return fail('NOT_FOUND', `找不到文件“${file}”。请检查路径。`);
  }
  if (!stat.isFile()) return fail('NOT_A_FILE', `“${file}”不是文件。`);
  if (stat.size > limits.maxPacketBytes) return fail('TOO_LARGE', `文件有 ${mb(stat.size)}，超过上报包 ${mb(limits.maxPacketBytes)} 的上限。`);

  // Loaded here, not at start: every command would pay for it (issue 14).
  const yauzl = (await import('yauzl')).default;
  let zipfile: Yauzl.ZipFile;
  try {
    zipfile = await yauzl.openPromise(file, { autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true });
  } catch (e) {
    return fail('NOT_ZIP', `文件不是完整的 zip 压缩包（可能只复制了一部分，或已损坏）：${(e as Error).message}`);
  }
  try {
    if (zipfile.entryCount > limits.maxEntries) {
      return fail('TOO_MANY_ENTRIES', `压缩包中有 ${zipfile.entryCount} 个文件，超过上报包 ${limits.maxEntries} 个的上限，未解压。`);
    }
    const seen = new Map<string, string>();
    let total = 0;
    let overTotal = false;
    try {
      for await (const entry of zipfile.eachEntry()) {
        const checked = checkEntry(yauzl, entry, seen, limits);
        faults.push(...checked.faults);
        if (checked.faults.length > 0 || overTotal) continue;
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) {
          overTotal = true;
          faults.push({ code: 'TOTAL_TOO_LARGE', message: `解压后的总大小超过 ${mb(limits.maxTotalBytes)} 的上限，其余文件未解压。` });
          continue;
        }
        const shown = shownName(checked.name);
        try {
          const header = await zipfile.readLocalFileHeaderPromise(entry);
          if (!header.fileName.equals(entry.fileNameRaw)) {
            faults.push({ code: 'HEADER_MISMATCH', entry: checked.name, message: `“${shown}”的文件头与目录记录的文件名不一致，压缩包被改动过。` });
            continue;
          }
          const data = await readAll(zipfile, entry, limits.maxEntryBytes);
          // node:zlib loaded when a packet is read, not when every command starts (issue 14).
          if ((process.getBuiltinModule('node:zlib').crc32(data) >>> 0) !== entry.crc32 >>> 0) {
            faults.push({ code: 'CRC_MISMATCH', entry: checked.name, message: `“${shown}”的 CRC 校验值不符，内容已损坏或被改动。` });
            continue;
          }
          entries.push({ name: checked.name, data });
        } catch (e) {
          faults.push({ code: 'ENTRY_DAMAGED', entry: checked.name, message: `“${shown}”无法解压，内容已损坏或被改动：${(e as Error).message}` });
        }
      }
    } catch (e) {
      return fail('DAMAGED', `压缩包的目录已损坏，无法读完：${(e as Error).message}`);
    }
    return { entries, faults, readable: true };
  } finally {
    zipfile.close();
  }
}

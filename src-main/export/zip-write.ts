/**
 * A zip package written in one go from named parts, deflated by Node's own zlib, every entry
 * stamped with the same fixed time so the same parts always give the same bytes. For the
 * workbooks the app writes itself (xlsx-write.ts): a JavaScript zip library spent more time
 * compressing a year's circular than everything else together.
 */
// Loaded when first used, not when the program starts: every `bulletin` command would pay for it (issue 14).
const zlib = () => process.getBuiltinModule('node:zlib');

export interface ZipPart {
  name: string;
  data: string | Buffer;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
/** 1980-01-01 00:00:00, the earliest MS-DOS time a zip entry can carry. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function writeZip(parts: readonly ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    // Level 1: half the time of the default for a workbook a quarter larger (a year's ledger
    // is some 3 MB of XML); the file is written once and opened in a spreadsheet, not archived.
    const data = zlib().deflateRawSync(raw, { level: 1 });
    const name = Buffer.from(part.name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOCAL_HEADER, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(DOS_TIME, 10);
    head.writeUInt16LE(DOS_DATE, 12);
    head.writeUInt32LE(zlib().crc32(raw), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(raw.length, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4);
    head.copy(central, 6, 4, 28); // version needed … name length, as in the local header
    central.writeUInt32LE(offset, 42);
    chunks.push(head, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIR, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, centralDir, end]);
}

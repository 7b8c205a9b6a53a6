/**
 * Byte-for-byte reproducible packages. A signed issue is archived and compared by SHA-256 of a
 * re-render, so nothing in the file may depend on the clock: docx writes the current time into
 * docProps/core.xml and fflate stamps every zip entry with it.
 */

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** docProps/core.xml with fixed text and dates, given to Packer as an override of its own. */
export function coreXml(info: { title: string; creator: string; date: string }): { path: string; data: string } {
  const stamp = /^\d{4}-\d{2}-\d{2}$/.test(info.date) ? `${info.date}T00:00:00Z` : '2000-01-01T00:00:00Z';
  const data =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(info.title)}</dc:title>` +
    `<dc:creator>${xmlEscape(info.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlEscape(info.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>';
  return { path: 'docProps/core.xml', data };
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
/** 1980-01-01 00:00:00, the earliest MS-DOS time a zip entry can carry. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Sets every entry's modification time to a constant, in both the local headers and the central
 * directory. Done on the finished bytes because docx's Packer gives no way to pass the time.
 */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === END_OF_CENTRAL_DIR) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('docx package has no zip end-of-central-directory record');
  const count = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (out.readUInt32LE(p) !== CENTRAL_HEADER) throw new Error('docx package has a malformed central directory');
    out.writeUInt16LE(DOS_TIME, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('docx package has a malformed local header');
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** A change to one XML part of the package, given its text and returning the new text. */
export type PartEdit = (xml: string) => string;

/**
 * Rewrites the named parts of a zip and copies every other entry's compressed bytes unchanged,
 * in the same order. For what the docx library cannot say (settings.xml's compatibility
 * options, autoSpaceDE and kinsoku in the document defaults, a cached value in PAGE fields).
 * Every part named in `edits` must exist: a missing one means docx changed its layout and the
 * edit is stale; `optional` edits whatever parts it answers for.
 */
export function editZipParts(
  zip: Buffer,
  edits: Readonly<Record<string, PartEdit>>,
  /** Edits for parts that may or may not be there (e.g. every footer, however many sections). */
  optional: (name: string) => PartEdit | undefined = () => undefined,
): Buffer {
  // Loaded here, not when the program starts: every `bulletin` command would pay for it (issue 14).
  const zlib = process.getBuiltinModule('node:zlib');
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIR) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('docx package has no zip end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const seen = new Set<string>();
  let offset = 0;
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== CENTRAL_HEADER) throw new Error('docx package has a malformed central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const centralLen = 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const nameBytes = zip.subarray(p + 46, p + 46 + nameLen);
    const name = nameBytes.toString('utf8');
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('docx package has a malformed local header');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    let data = zip.subarray(dataStart, dataStart + compressedSize);
    let crc = zip.readUInt32LE(p + 16);
    let size = zip.readUInt32LE(p + 24);
    let outMethod = method;
    const edit = edits[name] ?? optional(name);
    if (edit) {
      seen.add(name);
      const raw = method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
      const text = Buffer.from(edit(raw.toString('utf8')), 'utf8');
      data = zlib.deflateRawSync(text);
      crc = zlib.crc32(text);
      size = text.length;
      outMethod = 8;
    }
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOCAL_HEADER, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(outMethod, 8);
    head.writeUInt16LE(DOS_TIME, 10);
    head.writeUInt16LE(DOS_DATE, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(nameLen, 26);
    head.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4);
    head.copy(central, 6, 4, 28); // version needed … name length, as in the local header
    central.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameLen + data.length;
    p += centralLen;
  }
  const missing = Object.keys(edits).filter((k) => !seen.has(k));
  if (missing.length) throw new Error(`docx package lacks ${missing.join(', ')}`);
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIR, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

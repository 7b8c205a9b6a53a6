/**
 * Files as units send them, and as attackers would: real .docx (the project's writer, the docx
 * package with Word's heading styles), text in UTF-8 and GB18030, old formats, and hostile zips.
 */
import { Document, HeadingLevel, Packer, Paragraph as DocxParagraph } from 'docx';
import yazl from 'yazl';
import { renderArticleDocx } from '../../src-main/export/docx-issue';
import type { Paragraph } from '../../src-main/api/text';

export async function ownWriterDocx(title: string, paragraphs: Paragraph[], sender = '城关镇'): Promise<Buffer> {
  return renderArticleDocx({ title, paragraphs, source: sender }, { sender, contact: '王某某 13800000000' });
}

/** A draft as Word itself structures one: Title style, then Heading 1/2 and plain paragraphs. */
export async function wordStylesDocx(title: string, blocks: { heading?: 1 | 2 | 3; text: string }[]): Promise<Buffer> {
  const LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  const doc = new Document({
    sections: [
      {
        children: [
          new DocxParagraph({ text: title, heading: HeadingLevel.TITLE }),
          ...blocks.map((b) => new DocxParagraph({ text: b.text, ...(b.heading ? { heading: LEVEL[b.heading] } : {}) })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A GBK encoder built from the platform's own decoder: every two-byte GBK code decoded once,
 * inverted. Node's TextEncoder speaks only UTF-8, and GB18030 text is what offices still save.
 */
let gbkTable: Map<string, number[]> | null = null;
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = dec.decode(new Uint8Array([lead, trail]));
          if (!gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
        } catch {
          // not a character in GBK
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

export function documentXml(paragraphs: string[], prolog = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
    paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('') +
    '</w:body></w:document>'
  );
}

/** A zip made entry by entry, for hand-built (and hostile) .docx files. */
export function zipOf(entries: { name: string; data: Buffer | string }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8'), e.name, { mtime: new Date(2026, 0, 1) });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

export function minimalDocx(document: string, extra: { name: string; data: Buffer | string }[] = []): Promise<Buffer> {
  return zipOf([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'word/document.xml', data: document },
    ...extra,
  ]);
}

/** Rewrites every central-directory record's uncompressed size: the classic bomb's lie, cheaply. */
export function declareHugeSizes(zip: Buffer, size = 0xfffffff0): Buffer {
  const out = Buffer.from(zip);
  for (let i = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) {
    out.writeUInt32LE(size, i + 24);
  }
  return out;
}

/** The first sector of an OLE2 compound file: what .doc and .wps files (and encrypted .docx) start with. */
export function ole2File(): Buffer {
  const b = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  return b;
}

/**
 * Test material for pictures (issue 19): a real PNG of a given size (a grey ramp with a dark
 * frame, written by hand: zlib and a CRC), and a Word file, written by the docx package as Word
 * would, holding a title, text, that picture and its caption line.
 */
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG, width × height: a light ramp inside a 4-pixel dark frame. */
export function makePng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const frame = x < 4 || y < 4 || x >= width - 4 || y >= height - 4;
      const v = frame ? 40 : 150 + Math.round((100 * x) / width);
      raw.fill(v, row + 1 + x * 3, row + 4 + x * 3);
      if (!frame && y % 40 < 20) raw[row + 1 + x * 3] = 200; // a reddish band: colour that greys out
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A unit's Word file: a title, two paragraphs, the picture, its caption, a last paragraph. */
export async function pictureDocx(png: Buffer, caption = '图为城关镇便民服务中心窗口'): Promise<Buffer> {
  const { Document, ImageRun, Packer, Paragraph, TextRun, HeadingLevel } = await import('docx');
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('城关镇推行便民服务“一窗通办”')] }),
          new Paragraph({ children: [new TextRun('今年以来，城关镇把分散在各站所的37项服务事项集中到便民服务中心，群众办事只进一扇门。')] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 320, height: 240 } })] }),
          new Paragraph({ children: [new TextRun(caption)] }),
          new Paragraph({ children: [new TextRun('下一步，该镇将把“一窗通办”延伸到各村便民服务站。')] }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

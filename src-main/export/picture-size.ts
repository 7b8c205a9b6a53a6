/**
 * A picture's size in pixels, read from the first bytes of the file (PNG, JPEG, GIF, BMP): the
 * Word file scales it into the text block and the pagination model counts its height. Plain
 * header reading, no decoder: a picture is printed as the unit sent it.
 */
export interface PixelSize {
  width: number;
  height: number;
}

function jpegSize(b: Buffer): PixelSize | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}

export function pictureSize(bytes: Buffer, contentType: string): PixelSize | null {
  try {
    let s: PixelSize | null = null;
    if (contentType === 'image/png' && bytes.length >= 24 && bytes.toString('latin1', 12, 16) === 'IHDR') {
      s = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    } else if (contentType === 'image/gif' && bytes.length >= 10 && bytes.toString('latin1', 0, 3) === 'GIF') {
      s = { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
    } else if (contentType === 'image/bmp' && bytes.length >= 26 && bytes.toString('latin1', 0, 2) === 'BM') {
      s = { width: Math.abs(bytes.readInt32LE(18)), height: Math.abs(bytes.readInt32LE(22)) };
    } else if (contentType === 'image/jpeg' && bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
      s = jpegSize(bytes);
    }
    return s && s.width > 0 && s.height > 0 && s.width <= 100_000 && s.height <= 100_000 ? s : null;
  } catch {
    return null;
  }
}

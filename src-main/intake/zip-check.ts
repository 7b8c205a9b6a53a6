/**
 * A .docx is a zip, and a zip can lie: a few kilobytes may inflate to gigabytes (a zip bomb),
 * hold a million entries, or carry XML with entity declarations. mammoth inflates whole parts
 * into memory and trusts the archive, so yauzl looks first: the central directory's entry count
 * and declared sizes, then every XML part is actually inflated (yauzl checks that each one
 * inflates to exactly its declared size) and its prolog read for a DOCTYPE, which Word never
 * writes. Only an archive that passes goes to mammoth.
 */
import type { Readable } from 'node:stream';
import type Yauzl from 'yauzl';
import { IntakeRefusal } from './formats';

export const ZIP_LIMITS = {
  /** A real draft has a few dozen parts. */
  entries: 1_000,
  /** All parts, as declared (images included). */
  totalUncompressed: 200 * 1024 * 1024,
  /**
   * The XML parts mammoth parses, in total, and the main document alone. mammoth builds a DOM
   * of the whole part in memory (about 40 times its size, and a second per 2 MB), so these stay
   * small: a 200,000-character draft, the most an item may hold, is a few MB of XML.
   */
  xmlUncompressed: 24 * 1024 * 1024,
  documentXml: 8 * 1024 * 1024,
  /** Paragraph elements in the main document; an item has at most 5,000 paragraphs (tables and empty lines add some). */
  paragraphs: 20_000,
} as const;

const DAMAGED = 'Word 文件已损坏，无法读取。请让来稿单位重新发送，或用 Word/WPS 打开后选择“文件 → 另存为”，保存为“Word 文档（*.docx）”再导入。';
const NOT_A_DRAFT = '文件的结构异常（可能是被恶意构造的压缩包），为安全起见不予导入。请让来稿单位用 Word 或 WPS 重新保存后再发送。';

async function open(bytes: Buffer): Promise<Yauzl.ZipFile> {
  // Loaded at first use, not at start: every command would pay for it (issue 14).
  const yauzl = (await import('yauzl')).default;
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new IntakeRefusal(DAMAGED));
      else resolve(zip);
    });
  });
}

function readEntries(zip: Yauzl.ZipFile): Promise<Yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Yauzl.Entry[] = [];
    let declared = 0;
    zip.on('entry', (entry: Yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (declared > ZIP_LIMITS.totalUncompressed) {
        reject(new IntakeRefusal(`文件解压后超过 ${ZIP_LIMITS.totalUncompressed / 1024 / 1024} MB，${NOT_A_DRAFT}`));
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new IntakeRefusal(DAMAGED)));
    zip.readEntry();
  });
}

function openStream(zip: Yauzl.ZipFile, entry: Yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) reject(new IntakeRefusal(DAMAGED));
      else resolve(stream);
    });
  });
}

const MB = (n: number) => `${n / 1024 / 1024} MB`;

/**
 * Inflates one XML part, counting against the budget left; refuses a DOCTYPE in its prolog.
 * The main document's paragraphs are counted on the way, so a file of a million empty
 * paragraphs is refused here and not after mammoth has spent a minute on it.
 */
async function inflateXml(zip: Yauzl.ZipFile, entry: Yauzl.Entry, budget: number): Promise<number> {
  const isDocument = entry.fileName.toLowerCase() === 'word/document.xml';
  const limit = isDocument ? Math.min(budget, ZIP_LIMITS.documentXml) : budget;
  const stream = await openStream(zip, entry);
  let size = 0;
  let prolog = '';
  let paragraphs = 0;
  let tail = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) {
        throw new IntakeRefusal(`文件中的文字部分解压后超过 ${MB(isDocument && limit === ZIP_LIMITS.documentXml ? limit : ZIP_LIMITS.xmlUncompressed)}，${NOT_A_DRAFT}`);
      }
      if (prolog.length < 4096) prolog += chunk.subarray(0, 4096).toString('latin1');
      if (isDocument) {
        // The tail of the last chunk joins this one, so a tag split between chunks is counted once.
        const text = tail + chunk.toString('latin1');
        paragraphs += text.match(/<w:p[\s>/]/g)?.length ?? 0;
        // Four characters cannot hold a whole `<w:p>`, so nothing is counted twice.
        tail = text.slice(-4);
        if (paragraphs > ZIP_LIMITS.paragraphs) throw new IntakeRefusal(`文件中有超过 ${ZIP_LIMITS.paragraphs} 个段落，不像一份信息稿件。请检查是否选错了文件。`);
      }
    }
  } catch (e) {
    stream.destroy();
    // yauzl's own errors (an entry longer or shorter than declared, bad deflate data) mean damage or a bomb.
    throw e instanceof IntakeRefusal ? e : new IntakeRefusal(DAMAGED);
  }
  if (/<!(DOCTYPE|ENTITY)/i.test(prolog)) throw new IntakeRefusal(`文件中含有 Word 从不写入的 XML 声明（DOCTYPE），${NOT_A_DRAFT}`);
  return size;
}

/** Resolves when the archive is safe to hand to mammoth; otherwise rejects with an IntakeRefusal. */
export async function checkDocxZip(bytes: Buffer): Promise<void> {
  const zip = await open(bytes);
  try {
    if (zip.entryCount > ZIP_LIMITS.entries) throw new IntakeRefusal(`文件中有 ${zip.entryCount} 个部件，${NOT_A_DRAFT}`);
    const entries = await readEntries(zip);
    const names = new Set<string>();
    for (const e of entries) {
      const key = e.fileName.toLowerCase();
      // Two parts with one name: readers disagree on which one counts, a classic smuggling trick.
      if (names.has(key)) throw new IntakeRefusal(NOT_A_DRAFT);
      names.add(key);
      if (e.isEncrypted()) throw new IntakeRefusal('文件设置了密码保护，无法读取。请让来稿单位取消密码后重新发送。');
    }
    if (!names.has('word/document.xml')) throw new IntakeRefusal(`文件中没有 Word 正文部分，不是有效的 Word 文档。${DAMAGED}`);
    let budget: number = ZIP_LIMITS.xmlUncompressed;
    for (const e of entries) {
      if (!/\.(xml|rels)$/i.test(e.fileName)) continue;
      budget -= await inflateXml(zip, e, budget);
    }
  } finally {
    zip.close();
  }
}

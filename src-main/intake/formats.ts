/**
 * Which files the importer takes, decided by the extension AND the first bytes: offices rename
 * files, and a `.docx` that is really an old Word file (or a password-protected one, which Word
 * also stores in the old container) must be refused with advice, not fed to the reader.
 * Every refusal says, in the office's words, how to turn the file into something importable.
 */
import path from 'node:path';

export type IntakeFormat = 'docx' | 'txt';

/** A file the importer will not take; `message` is shown to the user as it is. */
export class IntakeRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntakeRefusal';
  }
}

/** Issue 8: a draft is a few pages; anything larger is not one, and is refused before reading. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Enough bytes to recognise every container below. */
export const MAGIC_BYTES = 8;

const SAVE_AS_DOCX = '选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”后再导入。';
export const DOC_MESSAGE = `这是旧版 Word（.doc）文件，无法直接导入。请用 Word 或 WPS 打开，${SAVE_AS_DOCX}`;
const WPS_MESSAGE = '这是 WPS 文字（.wps）文件，无法直接导入。请用 WPS 打开，选择“文件 → 另存为”，文件类型选“Word 文档（*.docx）”后再导入。';
const ONLY_THESE = '只能导入 Word 文档（.docx）和纯文本（.txt）文件。';

type Magic = 'zip' | 'ole2' | 'pdf' | 'rtf' | 'image' | 'archive' | null;

const SIGNATURES: ReadonlyArray<[Exclude<Magic, null>, number[]]> = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]], // an empty zip
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]], // %PDF
  ['rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]], // {\rtf
  ['image', [0x89, 0x50, 0x4e, 0x47]], // PNG
  ['image', [0xff, 0xd8, 0xff]], // JPEG
  ['image', [0x47, 0x49, 0x46, 0x38]], // GIF
  ['image', [0x42, 0x4d]], // BMP
  ['image', [0x49, 0x49, 0x2a, 0x00]], // TIFF
  ['image', [0x4d, 0x4d, 0x00, 0x2a]],
  ['archive', [0x52, 0x61, 0x72, 0x21]], // RAR
  ['archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]], // 7z
];

export function sniff(head: Uint8Array): Magic {
  for (const [kind, sig] of SIGNATURES) {
    if (head.length >= sig.length && sig.every((b, i) => head[i] === b)) return kind;
  }
  return null;
}

const BY_EXTENSION: Record<string, string> = {
  doc: DOC_MESSAGE,
  dot: DOC_MESSAGE,
  wps: WPS_MESSAGE,
  wpt: WPS_MESSAGE,
  docm: `这是启用宏的 Word 文档（.docm），为安全起见不直接导入。请用 Word 或 WPS 打开，${SAVE_AS_DOCX}`,
  dotx: `这是 Word 模板（.dotx），不是稿件本身。请用 Word 或 WPS 打开，${SAVE_AS_DOCX}`,
  dotm: `这是 Word 模板（.dotm），不是稿件本身。请用 Word 或 WPS 打开，${SAVE_AS_DOCX}`,
  rtf: `这是 RTF 格式的文件，无法直接导入。请用 Word 或 WPS 打开，${SAVE_AS_DOCX}`,
  odt: '这是 OpenDocument 文本（.odt），无法直接导入。请用 WPS 或 LibreOffice 打开，另存为“Word 文档（*.docx）”后再导入。',
  pdf: '这是 PDF 文件，无法导入为稿件。请向来稿单位索要 Word（.docx）原稿；或从 PDF 中复制文字，用“登记来稿”录入。',
  ofd: '这是 OFD 版式文件，无法导入为稿件。请向来稿单位索要 Word（.docx）原稿。',
  htm: `这是网页格式的文件，无法直接导入。请用 Word 或 WPS 打开，${SAVE_AS_DOCX}`,
  html: `这是网页格式的文件，无法直接导入。请用 Word 或 WPS 打开，${SAVE_AS_DOCX}`,
  mht: `这是网页格式（.mht）的文件，无法直接导入。请用 Word 或 WPS 打开，${SAVE_AS_DOCX}`,
  mhtml: `这是网页格式（.mhtml）的文件，无法直接导入。请用 Word 或 WPS 打开，${SAVE_AS_DOCX}`,
  zip: '这是压缩包，请先解压，再导入其中的 Word 文件。',
  rar: '这是压缩包，请先解压，再导入其中的 Word 文件。',
  '7z': '这是压缩包，请先解压，再导入其中的 Word 文件。',
};
for (const ext of ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic']) {
  BY_EXTENSION[ext] = `这是图片文件（.${ext}），无法导入为稿件。请向来稿单位索要 Word（.docx）原稿。`;
}
for (const ext of ['xls', 'xlsx', 'et', 'csv', 'ppt', 'pptx', 'dps']) {
  BY_EXTENSION[ext] = `这是表格或演示文稿（.${ext}），不是信息稿件。请把稿件文字保存为 Word 文档（*.docx）后再导入。`;
}

/** What a misnamed file really holds, for the message. */
const MAGIC_NAMES: Record<Exclude<Magic, null>, string> = {
  zip: '压缩格式（可能是改了扩展名的 Word 文档）',
  ole2: '旧版 Word（.doc）或 WPS 格式',
  pdf: 'PDF',
  rtf: 'RTF 格式',
  image: '图片',
  archive: '压缩包',
};

/** Files a USB drive collects that nobody sent: skipped with a word, never imported. */
function systemFileReason(name: string): string | null {
  if (name.startsWith('~$')) return '这是 Word 或 WPS 打开文档时留下的临时文件（~$ 开头），不是稿件，已跳过。';
  if (name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name)) return '这是系统文件，不是稿件，已跳过。';
  return null;
}

export function extensionOf(fileName: string): string {
  return path.extname(fileName).slice(1).toLowerCase();
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/**
 * The format to read the file as, or the reason it is refused. `head` is the file's first
 * bytes (MAGIC_BYTES are enough), `size` its length.
 */
export function detectFormat(fileName: string, head: Uint8Array, size: number): { format: IntakeFormat } | { format: 'refused'; reason: string } {
  const refuse = (reason: string) => ({ format: 'refused' as const, reason });
  const system = systemFileReason(fileName);
  if (system) return refuse(system);
  const ext = extensionOf(fileName);
  if (ext !== 'docx' && ext !== 'txt') {
    if (BY_EXTENSION[ext]) return refuse(BY_EXTENSION[ext]);
    return refuse(ext ? `不支持的文件类型（.${ext}）。${ONLY_THESE}其他格式请先另存为 Word 文档（*.docx）。` : `文件没有扩展名，无法判断格式。${ONLY_THESE}`);
  }
  if (size === 0) return refuse('文件是空的（0 字节）。请向来稿单位重新索要。');
  if (size > MAX_FILE_BYTES) {
    return refuse(`文件有 ${mb(size)} MB，超过 20 MB 的上限，不像一份信息稿件。请检查是否夹带了大量图片，删去图片另存后再导入。`);
  }
  const magic = sniff(head);
  if (ext === 'docx') {
    if (magic === 'zip') return { format: 'docx' };
    if (magic === 'ole2') {
      return refuse(`文件的扩展名是 .docx，但内容是旧版 Word（.doc）格式，或者设置了打开密码。请用 Word 或 WPS 打开（有密码的先取消密码），${SAVE_AS_DOCX}`);
    }
    if (magic) return refuse(`文件的扩展名是 .docx，但内容是${MAGIC_NAMES[magic]}。请用 Word 或 WPS 打开后，${SAVE_AS_DOCX}`);
    return refuse(`文件已损坏，或不是 Word 文档（扩展名是 .docx，内容却不是）。请让来稿单位重新发送，或用 Word/WPS 打开后，${SAVE_AS_DOCX}`);
  }
  if (magic) return refuse(`文件的扩展名是 .txt，但内容是${MAGIC_NAMES[magic]}，不是纯文本。请用 Word 或 WPS 打开后，${SAVE_AS_DOCX}`);
  return { format: 'txt' };
}

/**
 * Drafts from files: one file per call (the UI calls it file by file to show progress, the CLI
 * loops), and a folder listing for the import dialog. A file that cannot be taken is answered
 * with status 'refused' and the reason, not an error, so a folder import carries on; a
 * duplicate is answered with the draft it repeats and is not registered unless allowed.
 * Reading is asynchronous and done before the one write transaction (registerDraft).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import { emojiMessage, findEmoji } from '../api/text';
import type { OpArgs } from '../api/contract';
import type { ImportResult, ScanResult, ScannedFile } from '../api/ops/submissions';
import type { DraftText } from '../intake/draft';
import { detectFormat, IntakeRefusal, MAGIC_BYTES, MAX_FILE_BYTES, type IntakeFormat } from '../intake/formats';
import { readDocx } from '../intake/read-docx';
import { readText } from '../intake/read-text';
import { guessUnit, unitHint, type UnitName } from '../intake/unit-guess';
import type { Ctx } from './context';
import { registerDraft, resolveUnitId } from './submissions';
import { listUnits } from './units';

// Loaded at first use, not when every command starts (issue 14).
const fsp = () => process.getBuiltinModule('node:fs/promises');

/** One folder at a time: a USB drive's week of drafts is a few hundred files. */
export const MAX_SCAN_FILES = 2_000;

function allUnits(ctx: Ctx): UnitName[] {
  return listUnits(ctx, { includeInactive: true }).map((u) => ({
    id: u.id,
    name: u.name,
    active: u.active,
    names: [...(u.shortName ? [u.shortName] : []), ...u.aliases],
  }));
}

function ioReason(e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `找不到${what}。请检查路径是否正确，U 盘是否已插好。`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') return `无法读取${what}：没有权限，或正被其他程序占用。请关闭打开它的程序后重试。`;
  return `无法读取${what}：${(e as Error).message}`;
}

/** Refused per entry: a link may point anywhere (a link to /etc/shadow was once registered). */
export const LINK_REASON = '这是一个链接（快捷方式），不是文件本身；为安全起见不导入。请把文件本身复制到文件夹中再导入。';
export const SUBFOLDER_REASON = '这是子文件夹，其中的文件不会导入。如需导入，请单独选择该文件夹。';

/** Opening never follows a link, even one swapped in after it was checked (O_NOFOLLOW where the system has it). */
const NO_FOLLOW = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0);

function linkOrFolderRefusal(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP' || code === 'EMLINK') return LINK_REASON;
  if (code === 'EISDIR') return SUBFOLDER_REASON;
  return null;
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fsp().open(file, NO_FOLLOW);
  try {
    const head = Buffer.alloc(MAGIC_BYTES);
    const { bytesRead } = await handle.read(head, 0, MAGIC_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The file's bytes once it is known to be a draft we can read; IntakeRefusal otherwise. */
export async function readDraftFile(file: string): Promise<{ bytes: Buffer; format: IntakeFormat }> {
  const name = path.basename(file);
  let size: number;
  try {
    const stat = await fsp().lstat(file);
    if (stat.isSymbolicLink()) throw new IntakeRefusal(LINK_REASON);
    if (stat.isDirectory()) throw new IntakeRefusal('这是一个文件夹，不是文件。请用“导入文件夹”导入其中的文件。');
    if (!stat.isFile()) throw new IntakeRefusal('这不是普通文件，无法导入。');
    size = stat.size;
  } catch (e) {
    if (e instanceof IntakeRefusal) throw e;
    throw new IntakeRefusal(ioReason(e, `文件“${name}”`));
  }
  // Size and type are known from the first bytes: a 4 GB video is refused without reading it.
  let head: Buffer;
  try {
    head = await readHead(file);
  } catch (e) {
    throw new IntakeRefusal(linkOrFolderRefusal(e) ?? ioReason(e, `文件“${name}”`));
  }
  const detected = detectFormat(name, head, size);
  if (detected.format === 'refused') throw new IntakeRefusal(detected.reason);
  let bytes: Buffer;
  try {
    bytes = await fsp().readFile(file, { flag: NO_FOLLOW });
  } catch (e) {
    throw new IntakeRefusal(linkOrFolderRefusal(e) ?? ioReason(e, `文件“${name}”`));
  }
  // The file may have changed since it was measured (still copying from the drive).
  if (bytes.length > MAX_FILE_BYTES || bytes.length !== size) throw new IntakeRefusal('文件在读取时发生了变化（可能仍在复制中）。请等复制完成后重试。');
  return { bytes, format: detected.format };
}

export async function importSubmission(ctx: Ctx, args: OpArgs<'submissionImport'>): Promise<ImportResult> {
  const file = path.resolve(args.path);
  return registerFile(ctx, path.basename(file), () => readDraftFile(file), args);
}

/**
 * 上传来稿 (browser mode): the file's bytes come with the call instead of a path on this PC; they
 * meet the same checks as a file read from a folder — size, kind from the first bytes, the
 * reader, emoji — and the same register.
 */
export async function uploadSubmission(ctx: Ctx, args: OpArgs<'submissionUpload'>): Promise<ImportResult> {
  const fileName = path.basename(args.fileName.replace(/\\/g, '/'));
  return registerFile(
    ctx,
    fileName,
    async () => {
      const bytes = Buffer.from(args.base64, 'base64');
      if (bytes.length > MAX_FILE_BYTES) throw new IntakeRefusal(`文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，不像一份来稿。请检查是否选错了文件。`);
      const detected = detectFormat(fileName, bytes.subarray(0, MAGIC_BYTES), bytes.length);
      if (detected.format === 'refused') throw new IntakeRefusal(detected.reason);
      return { bytes, format: detected.format };
    },
    args,
  );
}

type IntakeArgs = Omit<OpArgs<'submissionImport'>, 'path'>;

async function registerFile(ctx: Ctx, fileName: string, read: () => Promise<{ bytes: Buffer; format: IntakeFormat }>, args: IntakeArgs): Promise<ImportResult> {
  // An unknown unit is the caller's mistake, not the file's: an error, before anything is read.
  const chosen = resolveUnitId(ctx, args.unit);
  const guess = args.unit === undefined ? guessUnit(fileName, allUnits(ctx)) : null;
  const base = { fileName, ...(args.unit === undefined ? { guessedUnit: guess?.name ?? null } : {}) };

  let draft: DraftText;
  let bytes: Buffer;
  let format: IntakeFormat;
  let encoding: string | null = null;
  try {
    ({ bytes, format } = await read());
    if (format === 'docx') draft = await readDocx(bytes);
    else {
      const text = readText(bytes);
      draft = text;
      encoding = text.encoding;
    }
  } catch (e) {
    if (e instanceof IntakeRefusal) return { status: 'refused', reason: e.message, ...base };
    throw e;
  }
  // A draft becomes an item as it is (submissionEdit), so an emoji is refused here, where the
  // unit can still be asked for a clean file, rather than slipping into a printed item.
  const emoji = findEmoji([draft.title, ...draft.paragraphs.map((p) => p.text)].join('\n'));
  if (emoji) return { status: 'refused', reason: `${emojiMessage('来稿', emoji)}请在原文件中删去后再导入。`, ...base };

  const outcome = registerDraft(ctx, {
    title: draft.title,
    paragraphs: draft.paragraphs,
    unitId: chosen === undefined ? (guess?.id ?? null) : chosen,
    liaisonName: args.liaisonName ?? '',
    liaisonPhone: args.liaisonPhone ?? '',
    receivedDate: args.receivedDate,
    original: { name: fileName, format, encoding, bytes },
    allowDuplicate: args.allowDuplicate ?? false,
    pictures: draft.pictures ?? [],
  });
  if (outcome.status === 'duplicate') {
    return { status: 'duplicate', duplicateOf: outcome.duplicate.ref, reason: outcome.duplicate.reason, ...base };
  }
  return { status: 'imported', submission: outcome.submission, ...base };
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
/** As Explorer lists them: by name without the extension first, so 报告.docx comes before 报告 - 副本.docx. */
const byName = {
  compare: (a: string, b: string) =>
    collator.compare(path.parse(a).name, path.parse(b).name) || collator.compare(path.extname(a), path.extname(b)),
};

async function scanOne(file: string, units: readonly UnitName[]): Promise<ScannedFile> {
  const name = path.basename(file);
  const guessed = guessUnit(name, units);
  const entry = { path: file, name, guessedUnit: guessed ? { id: guessed.id, name: guessed.name } : null, unitHint: guessed ? null : unitHint(name) };
  try {
    const stat = await fsp().lstat(file);
    if (stat.isSymbolicLink()) return { ...entry, size: 0, format: 'refused', reason: LINK_REASON };
    if (stat.isDirectory()) return { ...entry, size: 0, format: 'refused', reason: SUBFOLDER_REASON };
    const detected = detectFormat(name, await readHead(file), stat.size);
    return { ...entry, size: stat.size, ...detected };
  } catch (e) {
    return { ...entry, size: 0, format: 'refused', reason: linkOrFolderRefusal(e) ?? ioReason(e, `文件“${name}”`) };
  }
}

/**
 * The files directly in a folder (not its sub-folders, which are named in `folders`), each with
 * its format or the reason it will be refused, and the unit its name suggests. A path to a
 * single file lists that file, so the CLI treats files and folders alike.
 */
export async function scanFolder(ctx: Ctx, args: OpArgs<'submissionScan'>): Promise<ScanResult> {
  const folder = path.resolve(args.folder);
  const units = allUnits(ctx);
  let stat;
  try {
    stat = await fsp().stat(folder);
  } catch (e) {
    throw new ApiError('NOT_FOUND', ioReason(e, `“${folder}”`));
  }
  if (stat.isFile()) return { folder: path.dirname(folder), files: [await scanOne(folder, units)], folders: [] };
  if (!stat.isDirectory()) throw new ApiError('INVALID_INPUT', `“${folder}”既不是文件也不是文件夹。`);
  let entries;
  try {
    entries = await fsp().readdir(folder, { withFileTypes: true });
  } catch (e) {
    throw new ApiError('INVALID_INPUT', ioReason(e, `文件夹“${folder}”`));
  }
  // Each entry's own kind (lstat): a link is never followed, and a file system that does not
  // report entry types (some USB drives) cannot pass a folder off as a file.
  const kinds = await Promise.all(
    entries.map(async (e) => {
      try {
        return (await fsp().lstat(path.join(folder, e.name))).isDirectory() ? 'folder' : 'file';
      } catch {
        return 'file'; // gone meanwhile: scanOne says so for the file
      }
    }),
  );
  const folders = entries.filter((_, i) => kinds[i] === 'folder').map((e) => e.name).sort(byName.compare);
  const names = entries.filter((_, i) => kinds[i] === 'file').map((e) => e.name).sort(byName.compare);
  if (names.length > MAX_SCAN_FILES) {
    throw new ApiError('INVALID_INPUT', `文件夹中有 ${names.length} 个文件，一次最多导入 ${MAX_SCAN_FILES} 个。请分几个文件夹放置后分批导入。`);
  }
  const files: ScannedFile[] = [];
  for (const name of names) files.push(await scanOne(path.join(folder, name), units));
  return { folder, files, folders };
}

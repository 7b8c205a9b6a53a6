/**
 * Writing the packet's zip with yazl: entries in the order given, UTF-8 names (yazl sets the
 * language-encoding flag, so Windows Explorer and unzip show the Chinese names), one fixed time
 * on every entry. The zip goes to a hidden temporary file in the target folder, flushed to disk
 * and hashed as it is written; it takes its real name only when the caller commits it, so a
 * refusal, a full USB drive or a crash never leaves a half packet under a packet's name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';

export interface ZipEntryInput {
  name: string;
  data: Buffer;
  /** Word files are zips already: storing them saves time and keeps the ratio honest. */
  compress: boolean;
}

export interface WrittenZip {
  tempPath: string;
  sha256: string;
  size: number;
}

function describeWriteError(e: unknown, where: string): ApiError {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS'
      ? '没有写入权限（U 盘是否写保护？）'
      : err.code === 'ENOSPC'
        ? '磁盘空间不足'
        : err.code === 'ENOENT'
          ? '文件夹不存在'
          : (err.message ?? String(e));
  return new ApiError('INVALID_INPUT', `无法写入“${where}”：${why}。请换一个位置后重试。`);
}

export async function writeZipTemp(dir: string, finalName: string, entries: readonly ZipEntryInput[], mtime: Date): Promise<WrittenZip> {
  const tempPath = path.join(dir, `.${finalName}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  // Loaded at first use, not at start: every command would pay for them (issue 14).
  const yazl = (await import('yazl')).default;
  const { Transform } = process.getBuiltinModule('node:stream');
  const { pipeline } = process.getBuiltinModule('node:stream/promises');
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    zip.addBuffer(e.data, e.name, { mtime, mode: 0o100644, compress: e.compress });
  }
  zip.end();
  const hash = crypto.createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    // flush: fsync before close, so what is registered as written is on the drive.
    await pipeline(zip.outputStream, tap, fs.createWriteStream(tempPath, { flags: 'wx', flush: true }));
  } catch (e) {
    fs.rmSync(tempPath, { force: true });
    throw describeWriteError(e, dir);
  }
  return { tempPath, sha256: hash.digest('hex'), size };
}

/** Gives the finished temporary file its name; never replaces a file that is already there. */
export function commitTemp(tempPath: string, target: string): void {
  if (fs.existsSync(target)) {
    throw new ApiError('CONFLICT', `“${target}”已经存在，未被覆盖。请稍后再试一次。`);
  }
  try {
    fs.renameSync(tempPath, target);
  } catch (e) {
    throw describeWriteError(e, target);
  }
}

export function discardTemp(tempPath: string): void {
  fs.rmSync(tempPath, { force: true });
}

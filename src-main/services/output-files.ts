/** Files written where the user chose to save them (a folder, often on a USB drive). */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';

/** The folder as an absolute path, refused with the caller's words when it is missing or a file. */
export function existingFolder(to: string, say: { missing: (dir: string) => string; notFolder: (dir: string) => string }): string {
  const dir = path.resolve(to);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new ApiError('INVALID_INPUT', say.missing(dir));
  }
  if (!stat.isDirectory()) throw new ApiError('INVALID_INPUT', say.notFolder(dir));
  return dir;
}

/**
 * Writes beside the target and renames, so a full disk or a crash never leaves half a file.
 * `mayBeOpen`: the target is a file people open in Word or WPS, which Windows then refuses to replace.
 */
export function writeAtomically(target: string, bytes: Uint8Array, options: { mayBeOpen?: boolean } = {}): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    const busy = options.mayBeOpen === true && err.code === 'EBUSY';
    const why =
      err.code === 'EACCES' || err.code === 'EPERM'
        ? '没有写入权限'
        : busy
            ? '文件正被其他程序（如 Word、WPS）打开'
            : err.message;
    if (err.code === 'ENOSPC') throw new ApiError('DISK_FULL', `无法保存到“${target}”：磁盘空间不足。请清理该磁盘或换一个位置；没有留下写了一半的文件。`);
    if (err.code === 'EROFS') throw new ApiError('READ_ONLY', `无法保存到“${target}”：该磁盘是只读的。请换一个可写的位置（或取消 U 盘的写保护）。`);
    const advice = options.mayBeOpen ? '请关闭该文件或换一个位置。' : '请换一个位置。';
    throw new ApiError('INVALID_INPUT', `无法保存到“${target}”：${why}。${advice}`);
  }
}

/** `bulletin init PATH`: a new, empty database at a chosen place, never over an existing file. */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import { openDatabase } from './db';
import { SCHEMA_VERSION } from './migrations';

export interface InitResult {
  path: string;
  schemaVersion: number;
}

export function initDatabase(target: string): InitResult {
  const file = path.resolve(target);
  if (fs.existsSync(file)) {
    const what = fs.statSync(file).isDirectory() ? '是一个已有的文件夹' : '已经存在';
    throw new ApiError(
      'CONFLICT',
      `“${file}”${what}，没有新建也没有改动任何文件。新建数据库请给一个还不存在的文件名，例如 ${path.join(
        fs.statSync(file).isDirectory() ? file : path.dirname(file),
        'bulletin.db',
      )}；要使用已有的数据库，请用 --db 指定它。`,
    );
  }
  // A stale -wal beside a missing file would be replayed into the new database.
  for (const extra of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (fs.existsSync(extra)) throw new ApiError('CONFLICT', `“${extra}”已经存在（另一个数据库留下的文件），没有新建数据库。请换一个文件名。`);
  }
  openDatabase(file, { createFolder: true }).close();
  return { path: file, schemaVersion: SCHEMA_VERSION };
}

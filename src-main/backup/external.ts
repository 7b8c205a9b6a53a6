/**
 * A short record of the copies made to folders the user chose (a USB drive), kept beside the
 * automatic backups. Copies on the same disk do not survive the disk; this record lets the
 * backup page say how long ago the data last left the PC.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ExternalCopy {
  at: string;
  path: string;
  size: number;
}

const FILE = 'external-copies.json';
const KEEP = 100;

export function readExternalCopies(backupDir: string): ExternalCopy[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(backupDir, FILE), 'utf8'));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is ExternalCopy =>
        typeof e === 'object' && e !== null && typeof e.at === 'string' && typeof e.path === 'string' && typeof e.size === 'number',
    );
  } catch {
    // Missing or unreadable: nothing recorded, which only makes the page warn sooner.
    return [];
  }
}

export function recordExternalCopy(backupDir: string, copy: ExternalCopy): void {
  fs.mkdirSync(backupDir, { recursive: true });
  const list = [...readExternalCopies(backupDir), copy].slice(-KEEP);
  const target = path.join(backupDir, FILE);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(list, null, 1));
  fs.renameSync(tmp, target);
}

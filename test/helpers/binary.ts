/**
 * The built `bulletin` command run as its own process, as a user runs it (the in-process twin is
 * helpers/cli.ts): the database named by --db only, no operator or database from the caller's
 * environment. Synchronous, so a test can run it inside loops and compare files after.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const BIN = path.resolve('bin/bulletin.cjs');

export interface BinaryRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function binary(db: string, ...args: string[]): BinaryRun {
  const env = { ...process.env };
  delete env.BULLETIN_OPERATOR;
  delete env.BULLETIN_DB;
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A file's SHA-256, hex: the same file byte for byte before and after. */
export const sha256File = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

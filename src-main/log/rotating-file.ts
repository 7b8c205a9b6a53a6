/**
 * An append-only text file that starts afresh when it passes a size: bulletin.log becomes
 * bulletin.log.1, .1 becomes .2 … and the oldest beyond `keep` goes. Appends are synchronous
 * (one short line per operation) so a line written before a crash is on disk after it.
 * Hand-written because it is thirty lines; the logging libraries that rotate would be the only
 * new dependency of the app.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface RotatingFileOptions {
  maxBytes: number;
  keep: number;
}

export class RotatingFile {
  private size: number | undefined;

  constructor(
    readonly file: string,
    private readonly options: RotatingFileOptions,
  ) {}

  append(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size === undefined) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.size = fs.existsSync(this.file) ? fs.statSync(this.file).size : 0;
    }
    if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
    fs.appendFileSync(this.file, line);
    this.size += bytes;
  }

  private rotate(): void {
    const { keep } = this.options;
    fs.rmSync(`${this.file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      if (fs.existsSync(`${this.file}.${i}`)) fs.renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    }
    if (fs.existsSync(this.file)) fs.renameSync(this.file, `${this.file}.1`);
    this.size = 0;
  }
}

/**
 * A big year made in a moment: signed issues with stored files put in by SQL (rendering and
 * signing hundreds of issues through the API would take minutes), each sealed as signing
 * seals it, so the archive's check at start-up (bulletin web) still finds it sound.
 */
import crypto from 'node:crypto';
import { appendSeal } from '../../src-main/store/seal';
import type { DB } from '../../src-main/store/db';

/** Returns the stored bytes by issue number. `items`: each issue prints one item of its own (a packet needs one). */
export function addBigYear(db: DB, o: { seriesId: number; year: number; count: number; fileBytes: number; firstTotal?: number; items?: boolean }): Map<number, Buffer> {
  const stamp = `${o.year}-01-01T08:00:00.000Z`;
  const files = new Map<number, Buffer>();
  const insert = db.prepare("INSERT INTO issues (series_id, status, date, created_at, updated_at) VALUES (?, 'review', ?, ?, ?)");
  const sign = db.prepare("UPDATE issues SET status = 'signed', number = ?, total_number = ?, signed_by = '张某某', signed_at = ? WHERE id = ?");
  const article = db.prepare(
    "INSERT INTO articles (title, paragraphs, unit_id, category, classification, created_at, updated_at) VALUES (?, ?, NULL, 'news', 'public', ?, ?)",
  );
  const link = db.prepare('INSERT INTO issue_articles (issue_id, article_id, position) VALUES (?, ?, 1)');
  const store = db.prepare('INSERT INTO issue_files (issue_id, docx, sha256, size, created_at) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let n = 1; n <= o.count; n++) {
      const id = Number(insert.run(o.seriesId, `${o.year}-01-05`, stamp, stamp).lastInsertRowid);
      if (o.items) {
        const a = Number(article.run(`${o.year}年第${n}期的信息`, JSON.stringify([{ level: 0, text: `正文${n}。` }]), stamp, stamp).lastInsertRowid);
        link.run(id, a);
      }
      sign.run(n, (o.firstTotal ?? 1000) + n, stamp, id);
      const bytes = crypto.randomBytes(o.fileBytes);
      store.run(id, bytes, crypto.createHash('sha256').update(bytes).digest('hex'), bytes.length, stamp);
      appendSeal(db, id, 'signed', stamp);
      files.set(n, bytes);
    }
  })();
  return files;
}

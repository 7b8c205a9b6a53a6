/**
 * The sealed archive: a hash chain over every signing and voiding. Each link is the SHA-256 of
 * the previous link and of what the issue is (series and the name it was printed under, year,
 * number, running number, supplement, date, signer, the status the link records, the stored Word
 * file's SHA-256, and the items it printed), so changing, removing or swapping anything sealed (even past a dropped trigger)
 * shows up when the chain is recomputed. Kept in the store: backups are verified with it too,
 * on a file opened read-only, before anything else looks at them.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ArchiveFinding, ArchiveReport } from '../api/ops/backups';

export type { ArchiveFinding, ArchiveReport };

type Db = Database.Database;
export type SealStatus = 'signed' | 'voided';

// Statements are prepared once per connection: verify runs them once per issue of the archive.
const prepared = new WeakMap<Db, Map<string, Database.Statement>>();
function stmt(db: Db, sql: string): Database.Statement {
  let byText = prepared.get(db);
  if (!byText) prepared.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare(sql)));
  return s;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

interface IssueFacts {
  id: number;
  series_id: number;
  /** How it is named: the printed name once signed, else the series' name. */
  series: string | null;
  printed_name: string | null;
  status: string;
  year: number;
  number: number | null;
  total_number: number | null;
  supplement: number;
  date: string;
  signed_by: string | null;
}

function issueFacts(db: Db, issueId: number): IssueFacts | undefined {
  // The name it was printed under (stored at signing since migration 7) is part of what was
  // printed; the series' current name is not (a series may be renamed).
  const printed = hasTable(db, 'issue_series_names') ? '(SELECT n.name FROM issue_series_names n WHERE n.issue_id = i.id)' : 'NULL';
  return stmt(
    db,
    `SELECT i.id, i.series_id, coalesce(${printed}, s.name) AS series, ${printed} AS printed_name, i.status, i.year, i.number,
            i.total_number, i.supplement, i.date, i.signed_by
     FROM issues i LEFT JOIN series s ON s.id = i.series_id WHERE i.id = ?`,
  ).get(issueId) as IssueFacts | undefined;
}

/** The stored file's SHA-256 computed from its bytes (not the column beside them); null when none. */
function storedFileHash(db: Db, issueId: number): string | null {
  const row = stmt(db, 'SELECT docx FROM issue_files WHERE issue_id = ?').get(issueId) as { docx: Buffer } | undefined;
  return row ? sha256Hex(row.docx) : null;
}

/**
 * The items as printed: the copy kept at voiding when there is one, else the article (frozen
 * while the issue is signed). The unit's name is left out: units may be renamed.
 */
function itemsDigest(db: Db, issueId: number): string {
  const rows = stmt(db, 
      `SELECT ia.article_id, ia.position,
              coalesce(json_extract(ia.snapshot, '$.title'), a.title) AS title,
              json(coalesce(json_extract(ia.snapshot, '$.paragraphs'), a.paragraphs)) AS paragraphs
       FROM issue_articles ia LEFT JOIN articles a ON a.id = ia.article_id
       WHERE ia.issue_id = ? ORDER BY ia.position, ia.article_id`,
    )
    .all(issueId) as { article_id: number; position: number; title: string | null; paragraphs: string | null }[];
  return sha256Hex(JSON.stringify(rows.map((r) => [r.article_id, r.position, r.title, r.paragraphs])));
}

function linkHash(prev: string | null, f: IssueFacts, status: SealStatus, fileSha: string | null, items: string): string {
  return sha256Hex(
    JSON.stringify(['bulletin-seal-1', prev, f.series_id, f.printed_name, f.year, f.number, f.total_number, f.supplement, f.date, f.signed_by, status, fileSha, items]),
  );
}

function head(db: Db): { seq: number; seal: string } | undefined {
  return stmt(db, 'SELECT seq, seal FROM issue_seals ORDER BY seq DESC LIMIT 1').get() as { seq: number; seal: string } | undefined;
}

/** Appends the link for a signing or a voiding; called inside that transaction, after the file is stored. */
export function appendSeal(db: Db, issueId: number, status: SealStatus, at: string): string {
  const f = issueFacts(db, issueId);
  if (!f) throw new Error(`no issue ${issueId} to seal`);
  const last = head(db);
  const fileSha = storedFileHash(db, issueId);
  const seal = linkHash(last?.seal ?? null, f, status, fileSha, itemsDigest(db, issueId));
  stmt(db, 'INSERT INTO issue_seals (seq, issue_id, status, prev_seal, file_sha256, seal, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    (last?.seq ?? 0) + 1,
    issueId,
    status,
    last?.seal ?? null,
    fileSha,
    seal,
    at,
  );
  return seal;
}

/** Migration 9: an older database's signed and voided issues are sealed in the order it happened. */
export function sealExistingArchive(db: Db): void {
  const events = stmt(db, 
      `SELECT id, 'signed' AS status, signed_at AS at FROM issues WHERE status IN ('signed', 'voided')
       UNION ALL
       SELECT id, 'voided' AS status, voided_at AS at FROM issues WHERE status = 'voided'
       ORDER BY at, status, id`,
    )
    .all() as { id: number; status: SealStatus; at: string }[];
  for (const e of events) appendSeal(db, e.id, e.status, e.at);
}

function labelOf(f: IssueFacts | undefined, id: number): string {
  if (!f) return `已被删除的期次（编号 ${id}）`;
  const series = f.series ? `《${f.series}》` : '';
  const no = f.number === null ? '' : `${f.year}年${f.supplement ? '增刊' : ''}第${f.number}期`;
  return `${series}${no}（编号 ${f.id}）`;
}

export function findingText(f: ArchiveFinding): string {
  return `${f.issue}：${f.problem}`;
}

function hasTable(db: Db, name: string): boolean {
  return stmt(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * Recomputes every stored file's hash and the whole chain. A generator that yields after each
 * issue, so a door can run it in slices without holding the main thread (verifyArchiveAsync).
 */
function* verifySteps(db: Db, report: ArchiveReport): Generator<void, void, void> {
  const facts = new Map<number, IssueFacts | undefined>();
  const factsOf = (id: number) => {
    if (!facts.has(id)) facts.set(id, issueFacts(db, id));
    return facts.get(id);
  };
  const add = (issueId: number | null, problem: string) =>
    report.findings.push({ issueId, issue: issueId === null ? '封印链' : labelOf(factsOf(issueId), issueId), problem });

  // A version-1 database (an old backup) stored no files yet.
  const fileIds = hasTable(db, 'issue_files')
    ? (stmt(db, 'SELECT issue_id FROM issue_files ORDER BY issue_id').all() as { issue_id: number }[]).map((r) => r.issue_id)
    : [];
  const fileHash = new Map<number, string>();
  // Said once per issue: a damaged file also fails its seal, which adds nothing for the reader.
  const damagedFiles = new Set<number>();
  for (const id of fileIds) {
    const row = stmt(db, 'SELECT docx, sha256 FROM issue_files WHERE issue_id = ?').get(id) as { docx: Buffer; sha256: string };
    const actual = sha256Hex(row.docx);
    fileHash.set(id, actual);
    report.files++;
    if (actual !== row.sha256) {
      damagedFiles.add(id);
      add(id, '存档的 Word 文件已损坏或被改动（文件内容与存档时记下的校验值不符）。');
    }
    yield;
  }

  const frozen = stmt(db, "SELECT id, status FROM issues WHERE status IN ('signed', 'voided') ORDER BY id").all() as { id: number; status: SealStatus }[];
  report.issues = frozen.length;
  if (!hasTable(db, 'issue_seals')) return;
  report.sealed = true;

  const links = stmt(db, 'SELECT seq, issue_id, status, prev_seal, file_sha256, seal FROM issue_seals ORDER BY seq').all() as {
    seq: number;
    issue_id: number;
    status: SealStatus;
    prev_seal: string | null;
    file_sha256: string | null;
    seal: string;
  }[];
  report.links = links.length;
  let prev: string | null = null;
  const linked = new Map<number, Set<SealStatus>>();
  for (const link of links) {
    if (link.prev_seal !== prev) add(link.issue_id, `封印链在第 ${link.seq} 环断开（之前的封印被删除、插入或改动）。`);
    prev = link.seal;
    (linked.get(link.issue_id) ?? linked.set(link.issue_id, new Set()).get(link.issue_id)!).add(link.status);
    const f = factsOf(link.issue_id);
    if (!f) {
      add(link.issue_id, `已${link.status === 'signed' ? '签发' : '作废'}的期次被删除了（封印第 ${link.seq} 环仍记着它）。`);
      continue;
    }
    const fileSha = fileHash.get(f.id) ?? null;
    const expected = linkHash(link.prev_seal, f, link.status, fileSha, itemsDigest(db, f.id));
    if (expected !== link.seal) {
      if (fileSha !== link.file_sha256) {
        if (!damagedFiles.has(f.id)) add(f.id, fileSha === null ? '签发时存档的 Word 文件被删除了。' : '存档的 Word 文件与封印不符（文件被替换或改动）。');
      } else {
        add(f.id, `封印第 ${link.seq} 环与本期现在的内容不符：期号、日期、签发人或所刊信息被改动过。`);
      }
    }
    yield;
  }
  for (const i of frozen) {
    const has = linked.get(i.id) ?? new Set<SealStatus>();
    if (!has.has('signed')) add(i.id, '本期没有签发封印：签发记录被改动，或封印被删除。');
    if (i.status === 'voided' && !has.has('voided')) add(i.id, '本期没有作废封印：作废记录被改动，或封印被删除。');
  }
  for (const [id, has] of linked) {
    const f = factsOf(id);
    if (!f) continue;
    if (f.status !== 'signed' && f.status !== 'voided') add(id, '已签发的期次被改回了未签发状态。');
    else if (f.status === 'signed' && has.has('voided')) add(id, '已作废的期次被改回了已签发状态。');
  }
}

function emptyReport(): ArchiveReport {
  return { ok: true, sealed: false, issues: 0, files: 0, links: 0, findings: [] };
}

function finish(report: ArchiveReport): ArchiveReport {
  // The same problem found twice (e.g. a missing file and its link) is said once.
  const seen = new Set<string>();
  report.findings = report.findings.filter((f) => {
    const k = findingText(f);
    return seen.has(k) ? false : (seen.add(k), true);
  });
  report.ok = report.findings.length === 0;
  return report;
}

export function verifyArchive(db: Db): ArchiveReport {
  const report = emptyReport();
  for (const _ of verifySteps(db, report));
  return finish(report);
}

/** The same, in slices of a few issues with the event loop free in between (a large archive takes seconds). */
export async function verifyArchiveAsync(db: Db, slice = 20): Promise<ArchiveReport> {
  const report = emptyReport();
  let n = 0;
  for (const _ of verifySteps(db, report)) {
    if (++n % slice === 0) await new Promise<void>((r) => setImmediate(r));
  }
  return finish(report);
}

/** The findings as one paragraph for a message (the first few; the count of the rest). */
export function findingsSummary(report: ArchiveReport, max = 5): string {
  const shown = report.findings.slice(0, max).map(findingText).join('；');
  const more = report.findings.length > max ? `；另有 ${report.findings.length - max} 处问题` : '';
  return `${shown}${more}`;
}

/** The database's identity (UUID); null in a database older than version 9. */
export function databaseIdentity(db: Db): string | null {
  if (!hasTable(db, 'database_identity')) return null;
  const row = stmt(db, 'SELECT uuid FROM database_identity WHERE singleton = 1').get() as { uuid: string } | undefined;
  return row?.uuid ?? null;
}

/** Migration 9 and a new database: the identity is made once, here. */
export function makeIdentity(db: Db): void {
  stmt(db, 'INSERT INTO database_identity (singleton, uuid, created_at) VALUES (1, ?, ?)').run(crypto.randomUUID(), new Date().toISOString());
}

/** The office a database belongs to, as its settings name it (for warnings about whose backup a file is). */
export function officeName(db: Db): string {
  try {
    const row = stmt(db, "SELECT json_extract(value, '$.office') AS office FROM settings WHERE key = 'sender'").get() as { office: unknown } | undefined;
    if (typeof row?.office === 'string' && row.office) return row.office;
    const org = stmt(db, "SELECT org FROM series WHERE org <> '' ORDER BY id LIMIT 1").get() as { org: string } | undefined;
    return org?.org ?? '';
  } catch {
    return '';
  }
}

/**
 * Whether a new draft repeats one already registered, and which: the same file, the same unit
 * and title, or nearly the same text (see intake/fingerprint.ts). The reason names the earlier
 * draft so the user can look at both before deciding.
 */
import type { SubmissionRef } from '../api/ops/submissions';
import type { Paragraph } from '../api/text';
import { bigrams, CANDIDATE_DISTANCE, hamming, jaccard, MAX_COMPARED, MIN_BIGRAMS, NEAR_DUPLICATE_SIMILARITY, titleKey } from '../intake/fingerprint';
import type { Ctx } from './context';

export interface DuplicateFound {
  ref: SubmissionRef;
  kind: 'same-file' | 'same-title' | 'similar-text';
  /** 0–1; 1 for the same file. */
  similarity: number;
  reason: string;
}

export interface DuplicateProbe {
  unitId: number | null;
  title: string;
  sha256: string | null;
  fingerprint: string;
  features: readonly string[];
}

interface Row {
  id: number;
  fingerprint: string;
}

function refRow(ctx: Ctx, id: number): SubmissionRef {
  const r = ctx.db
    .prepare('SELECT s.id, s.title, u.name AS unit, s.received_date FROM submissions s LEFT JOIN units u ON u.id = s.unit_id WHERE s.id = ?')
    .get(id) as { id: number; title: string; unit: string | null; received_date: string };
  return { id: r.id, title: r.title, unit: r.unit, receivedDate: r.received_date };
}

export function describeRef(ref: SubmissionRef): string {
  return `#${ref.id}《${ref.title}》（${ref.unit ?? '未填单位'}，${ref.receivedDate} 收到）`;
}

/** The earliest matching draft of the strongest kind: same file, then same unit and title, then the most similar text. */
export function findDuplicate(ctx: Ctx, probe: DuplicateProbe): DuplicateFound | null {
  const found = (id: number, kind: DuplicateFound['kind'], similarity: number): DuplicateFound => {
    const ref = refRow(ctx, id);
    const why =
      kind === 'same-file'
        ? '是同一个文件'
        : kind === 'same-title'
          ? '来稿单位和标题都相同'
          : `内容几乎相同（相似度 ${Math.floor(similarity * 100)}%）`;
    return { ref, kind, similarity, reason: `与已登记的来稿 ${describeRef(ref)}${why}` };
  };

  if (probe.sha256) {
    const same = ctx.db.prepare('SELECT id FROM submissions WHERE original_sha256 = ? ORDER BY id LIMIT 1').get(probe.sha256) as
      | { id: number }
      | undefined;
    if (same) return found(same.id, 'same-file', 1);
  }

  // Titles are compared within the unit only (the covering index submissions_dedupe, migration 6,
  // starts with unit_id), so the cost follows one unit's drafts, not the whole register's.
  const key = titleKey(probe.title);
  const sameUnit = ctx.db.prepare('SELECT id, title FROM submissions WHERE unit_id IS ? ORDER BY id').all(probe.unitId) as { id: number; title: string }[];
  const sameTitle = key ? sameUnit.find((r) => titleKey(r.title) === key) : undefined;
  if (sameTitle) return found(sameTitle.id, 'same-title', 1);

  if (probe.features.length < MIN_BIGRAMS) return null;
  const mine = new Set(probe.features);
  let best: { id: number; similarity: number } | null = null;
  const loadText = ctx.db.prepare('SELECT title, paragraphs FROM submissions WHERE id = ?');
  // The whole register's fingerprints, read from the same index: the rows (and their original
  // files) are never touched, and only near ones are compared in full.
  const rows = ctx.db.prepare("SELECT id, fingerprint FROM submissions WHERE fingerprint <> ''").all() as Row[];
  // Drafts written to one pattern (今年以来，XX镇坚持……) can leave many within reach; the nearest
  // are compared first and only so many, which keeps an import's cost flat as the register grows.
  const candidates = rows
    .map((r) => ({ id: r.id, distance: hamming(r.fingerprint, probe.fingerprint) }))
    .filter((c) => c.distance <= CANDIDATE_DISTANCE)
    .sort((a, b) => a.distance - b.distance || a.id - b.id)
    .slice(0, MAX_COMPARED);
  for (const c of candidates) {
    const t = loadText.get(c.id) as { title: string; paragraphs: string };
    const theirs = bigrams(t.title, JSON.parse(t.paragraphs) as Paragraph[]);
    if (theirs.length < MIN_BIGRAMS) continue;
    const similarity = jaccard(mine, new Set(theirs));
    const better = !best || similarity > best.similarity || (similarity === best.similarity && c.id < best.id);
    if (similarity >= NEAR_DUPLICATE_SIMILARITY && better) best = { id: c.id, similarity };
  }
  return best ? found(best.id, 'similar-text', best.similarity) : null;
}

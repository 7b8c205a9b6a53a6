/**
 * A draft's pictures (issue 19): kept with the draft as read from its Word file, in the
 * registering transaction; listed for the register and for the item made from the draft;
 * handed out with their content type for display; checked when an item places one; and
 * resolved for print when the series allows pictures (允许印发图片).
 */
import crypto from 'node:crypto';
import { ApiError } from '../api/errors';
import type { OpArgs } from '../api/contract';
import type { ArticlePictures, DraftPictureInfo, PictureFile, SeriesPictures } from '../api/ops/pictures';
import { placedPictureIds, PRINTABLE_PICTURE_TYPES, type BodyPicture } from '../api/body-pictures';
import type { DraftPicture } from '../intake/draft';
import { pictureSize } from '../export/picture-size';
import type { PrintPicture } from '../export/model';
import { writeTx } from '../store/db';
import { printedSeriesName } from '../store/printed-series';
import { stampNow, type Ctx } from './context';
import { findSeriesRow } from './series';

// Its own hash, not archive.ts's: archive.ts builds the issue's model from this file.
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

interface PictureRow {
  id: number;
  submission_id: number;
  position: number;
  content_type: string;
  bytes: Buffer;
  sha256: string;
  caption: string;
}

/** Inside the caller's transaction (registerDraft): the draft's pictures, in their order. */
export function keepDraftPictures(ctx: Ctx, submissionId: number, pictures: readonly DraftPicture[]): void {
  const insert = ctx.db.prepare(
    'INSERT INTO draft_pictures (submission_id, position, content_type, bytes, sha256, caption, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const now = stampNow(ctx);
  pictures.forEach((p, i) => insert.run(submissionId, i + 1, p.contentType, p.bytes, sha256(p.bytes), p.caption.slice(0, 200), now));
}

function info(r: PictureRow): DraftPictureInfo {
  const size = pictureSize(r.bytes, r.content_type);
  return {
    id: r.id,
    submissionId: r.submission_id,
    position: r.position,
    contentType: r.content_type,
    size: r.bytes.length,
    sha256: r.sha256,
    caption: r.caption,
    width: size?.width ?? null,
    height: size?.height ?? null,
    printable: size !== null && PRINTABLE_PICTURE_TYPES.includes(r.content_type),
  };
}

export function listSubmissionPictures(ctx: Ctx, args: OpArgs<'submissionPictures'>): DraftPictureInfo[] {
  if (!ctx.db.prepare('SELECT 1 FROM submissions WHERE id = ?').get(args.id)) throw new ApiError('NOT_FOUND', `没有编号为 ${args.id} 的来稿。`);
  const rows = ctx.db.prepare('SELECT * FROM draft_pictures WHERE submission_id = ? ORDER BY position').all(args.id) as PictureRow[];
  return rows.map(info);
}

function articlePictureRows(ctx: Ctx, articleId: number): PictureRow[] {
  return ctx.db
    .prepare(
      `SELECT p.* FROM draft_pictures p JOIN submissions s ON s.id = p.submission_id
       WHERE s.article_id = ? ORDER BY s.id, p.position`,
    )
    .all(articleId) as PictureRow[];
}

/** The pictures an item may place (its draft's), and whether the issue it is in prints them. */
export function listArticlePictures(ctx: Ctx, args: OpArgs<'articlePictures'>): ArticlePictures {
  if (!ctx.db.prepare('SELECT 1 FROM articles WHERE id = ?').get(args.id)) throw new ApiError('NOT_FOUND', `没有编号为 ${args.id} 的信息。`);
  const inIssue = ctx.db
    .prepare(
      `SELECT ${printedSeriesName('i', 's')} AS series, s.allow_pictures FROM issue_articles ia
       JOIN issues i ON i.id = ia.issue_id JOIN series s ON s.id = i.series_id
       WHERE ia.article_id = ? AND ia.live = 1`,
    )
    .get(args.id) as { series: string; allow_pictures: number } | undefined;
  return {
    pictures: articlePictureRows(ctx, args.id).map(info),
    issue: inIssue ? { series: inIssue.series, allowPictures: inIssue.allow_pictures === 1 } : null,
  };
}

export function getPicture(ctx: Ctx, args: OpArgs<'pictureGet'>): PictureFile {
  const row = ctx.db.prepare('SELECT * FROM draft_pictures WHERE id = ?').get(args.id) as PictureRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `没有编号为 ${args.id} 的图片。`);
  if (sha256(row.bytes) !== row.sha256) throw new ApiError('DB_DAMAGED', `图片 ${args.id} 校验不符，可能已损坏。请从备份恢复数据库。`);
  return { id: row.id, contentType: row.content_type, base64: row.bytes.toString('base64'), sha256: row.sha256, caption: row.caption };
}

/**
 * An item places only pictures of its own draft: refused otherwise, naming the picture, before
 * anything is written (the caller's transaction). `articleId` null: a new item has no draft yet.
 */
export function assertPicturesPlaceable(ctx: Ctx, articleId: number | null, paragraphs: readonly { picture?: BodyPicture }[]): void {
  const ids = placedPictureIds(paragraphs);
  if (ids.length === 0) return;
  const own = new Set(articleId === null ? [] : articlePictureRows(ctx, articleId).map((r) => r.id));
  const missing = ids.find((id) => !own.has(id));
  if (missing !== undefined) {
    throw new ApiError(
      'INVALID_INPUT',
      `正文中的【图片${missing}】不是这条信息的来稿所附的图片，无法放入。请从编辑器的“来稿图片”中选择图片放入正文。`,
      { paragraphs: '正文' },
    );
  }
}

export function setSeriesPictures(ctx: Ctx, args: OpArgs<'seriesPicturesSet'>): SeriesPictures {
  return writeTx(ctx.db, () => {
    const row = findSeriesRow(ctx, args.series);
    ctx.db.prepare('UPDATE series SET allow_pictures = ?, updated_at = ? WHERE id = ?').run(args.allow ? 1 : 0, stampNow(ctx), row.id);
    return seriesPictures(ctx, row.id);
  });
}

export function getSeriesPictures(ctx: Ctx, args: OpArgs<'seriesPicturesGet'>): SeriesPictures {
  return seriesPictures(ctx, findSeriesRow(ctx, args.series).id);
}

function seriesPictures(ctx: Ctx, id: number): SeriesPictures {
  const r = ctx.db.prepare('SELECT id, name, allow_pictures FROM series WHERE id = ?').get(id) as { id: number; name: string; allow_pictures: number };
  return { seriesId: r.id, series: r.name, allowPictures: r.allow_pictures === 1 };
}

/** The printable pictures among those given, by id; a picture Word cannot print is left out. */
export function picturesForPrint(ctx: Ctx, ids: readonly number[]): Map<number, PrintPicture> {
  const out = new Map<number, PrintPicture>();
  const get = ctx.db.prepare('SELECT content_type, bytes, sha256 FROM draft_pictures WHERE id = ?');
  for (const id of ids) {
    const r = get.get(id) as { content_type: string; bytes: Buffer; sha256: string } | undefined;
    if (!r || !PRINTABLE_PICTURE_TYPES.includes(r.content_type)) continue;
    if (sha256(r.bytes) !== r.sha256) throw new ApiError('DB_DAMAGED', `图片 ${id} 校验不符，可能已损坏。请从备份恢复数据库。`);
    const size = pictureSize(r.bytes, r.content_type);
    if (size) out.set(id, { contentType: r.content_type, bytes: r.bytes, ...size });
  }
  return out;
}

/**
 * Where an issue's model is built (archive.ts): the items' placed pictures, when the series
 * allows pictures; none otherwise, so the Word file and the pagination model print neither the
 * picture nor its caption.
 */
export function printedPictures(ctx: Ctx, seriesId: number, paragraphs: readonly { picture?: BodyPicture }[]): Map<number, PrintPicture> {
  const ids = placedPictureIds(paragraphs);
  if (ids.length === 0) return new Map();
  const allowed = (ctx.db.prepare('SELECT allow_pictures FROM series WHERE id = ?').get(seriesId) as { allow_pictures: number } | undefined)?.allow_pictures === 1;
  return allowed ? picturesForPrint(ctx, ids) : new Map();
}

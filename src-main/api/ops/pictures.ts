/**
 * Pictures kept with drafts (issue 19): listed for the register and the item made from the
 * draft, handed out with their content type for display, and the series setting 允许印发图片.
 * The bytes go through the API like every other answer (the web bridge's token guards them);
 * the renderer shows them from a blob: URL made with the stored content type.
 */
import { z } from 'zod';
import * as s from '../schemas';
import { byId, op } from './define';

export interface DraftPictureInfo {
  id: number;
  submissionId: number;
  /** 1-based, in the order the Word file holds them. */
  position: number;
  contentType: string;
  /** Bytes. */
  size: number;
  sha256: string;
  /** The caption line read under the picture, '' for none. */
  caption: string;
  /** Pixels, read from the file's header; null when it cannot be read. */
  width: number | null;
  height: number | null;
  /** Whether the Word file can print it (PNG, JPEG, GIF, BMP with a readable size). */
  printable: boolean;
}

export interface PictureFile {
  id: number;
  contentType: string;
  base64: string;
  sha256: string;
  caption: string;
}

export interface ArticlePictures {
  pictures: DraftPictureInfo[];
  /** The issue the item is in: whether its series prints pictures; null when in none. */
  issue: { series: string; allowPictures: boolean } | null;
}

export interface SeriesPictures {
  seriesId: number;
  series: string;
  allowPictures: boolean;
}

export const pictureOps = {
  submissionPictures: op<DraftPictureInfo[]>()(() => byId('来稿'), '列出来稿所附的图片 / a draft’s pictures', true),
  articlePictures: op<ArticlePictures>()(() => byId('信息'), '列出信息可放入的来稿图片 / the pictures an item may place', true),
  pictureGet: op<PictureFile>()(() => byId('图片'), '取得一张图片（base64 与类型，供显示）/ one picture’s bytes', true),
  seriesPicturesGet: op<SeriesPictures>()(() => z.object({ series: s.ref('刊物') }).strict(), '查看刊物是否允许印发图片 / whether a series prints pictures', true),
  seriesPicturesSet: op<SeriesPictures>()(
    () => z.object({ series: s.ref('刊物'), allow: z.boolean({ error: '“允许印发图片”只能是是或否' }) }).strict(),
    '设置刊物是否允许印发图片（默认不印）/ let a series print pictures',
  ),
} as const;

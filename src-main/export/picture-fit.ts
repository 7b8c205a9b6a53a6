/**
 * How big a placed picture prints (issue 19), shared by the Word renderer and the pagination
 * model so both count the same height: the picture's natural size at 96 pixels to the inch,
 * scaled down (never up) to fit the text block's width and the profile's height, in a
 * paragraph of exact height rounded up to whole grid lines; the caption under it is ordinary
 * lines on the grid.
 */
import type { BodyPicture } from '../api/body-pictures';
import { blockWidth } from './front-fit';
import type { LayoutProfile } from './layout-profile';
import { breakLines } from './line-breaking';
import type { PrintPicture } from './model';
import { safeLine } from './text-parts';

export interface PictureFit {
  /** Twips. */
  width: number;
  height: number;
  /** Grid lines the picture's paragraph takes (the exact line height is lines × pitch). */
  lines: number;
  /** The caption's lines as the line breaker sets them. */
  caption: string[];
}

/** The caption printed under a picture: the one given, else 图N (its place among the item's pictures). */
export function captionText(p: BodyPicture, ordinal: number): string {
  return safeLine(p.caption) || `图${ordinal}`;
}

export function fitPicture(pic: Pick<PrintPicture, 'width' | 'height'>, caption: string, profile: LayoutProfile): PictureFit {
  const spec = profile.pictures;
  const pitch = profile.grid.linePitch;
  // The frame is drawn on the picture's edge: half of it falls outside, kept inside the block too.
  const maxW = blockWidth(profile) * spec.maxWidthShare - (spec.border.eighths / 8) * 20;
  const maxH = spec.maxHeightLines * pitch - 2 * spec.padding;
  const natW = pic.width * spec.twipsPerPixel;
  const natH = pic.height * spec.twipsPerPixel;
  const scale = Math.min(1, maxW / natW, maxH / natH);
  const width = Math.max(1, Math.floor(natW * scale));
  const height = Math.max(1, Math.floor(natH * scale));
  const lines = Math.max(1, Math.ceil((height + 2 * spec.padding) / pitch));
  return { width, height, lines, caption: breakLines([{ text: caption, font: spec.caption }], blockWidth(profile)) };
}

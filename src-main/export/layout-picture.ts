/**
 * A placed picture as the pagination model counts it (issue 19): one line as tall as the
 * picture's paragraph (whole grid lines, picture-fit.ts, as docx-picture.ts prints it), kept
 * with the caption lines under it.
 */
import type { LaidLine } from '../api/layout-types';
import type { BodyPicture } from '../api/body-pictures';
import { blockWidth } from './front-fit';
import type { LayoutProfile } from './layout-profile';
import type { PrintPicture } from './model';
import { captionText, fitPicture } from './picture-fit';

export function pictureLines(p: BodyPicture, pic: PrintPicture, ordinal: number, article: number, profile: LayoutProfile): { picture: LaidLine; caption: LaidLine[] } {
  const caption = captionText(p, ordinal);
  const fit = fitPicture(pic, caption, profile);
  return {
    picture: {
      kind: 'picture',
      text: '',
      align: 'center',
      indent: 0,
      height: fit.lines,
      article,
      picture: { id: p.id, width: fit.width / blockWidth(profile) },
    },
    caption: fit.caption.map((text) => ({ kind: 'picture-caption', text, align: 'center', indent: 0, height: 1, article })),
  };
}

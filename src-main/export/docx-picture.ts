/**
 * A placed picture as Word prints it (issue 19), where the series allows pictures: centred in a
 * paragraph of whole grid lines (picture-fit.ts), no wider than the text block,
 * framed by a thin black line so a pale photograph keeps its edge on a black-and-white printer,
 * kept with its caption; the caption under it in 四号楷体, centred, always printed (图N when the
 * unit gave none), so the picture is named even where the printer greys it out.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph } from 'docx';
import type { BodyPicture } from '../api/body-pictures';
import { exact, run, STYLE } from './docx-blocks';
import type { LayoutProfile } from './layout-profile';
import type { PrintPicture } from './model';
import { captionText, fitPicture } from './picture-fit';

const TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/bmp': 'bmp' } as const;
const EMU_PER_EIGHTH_POINT = 12700 / 8;

export function pictureParagraphs(p: BodyPicture, pic: PrintPicture, ordinal: number, profile: LayoutProfile): Paragraph[] {
  const type = TYPES[pic.contentType as keyof typeof TYPES];
  if (!type) return [];
  const spec = profile.pictures;
  const caption = captionText(p, ordinal);
  const fit = fitPicture(pic, caption, profile);
  const px = (tw: number) => Math.max(1, Math.floor(tw / spec.twipsPerPixel));
  return [
    new Paragraph({
      style: STYLE.noGrid,
      alignment: AlignmentType.CENTER,
      // At least, not exactly, the whole grid lines: an exact line clips an inline picture in
      // LibreOffice; the picture (with its padding) is never taller, so the height is the same.
      spacing: { line: fit.lines * profile.grid.linePitch, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
      keepNext: true,
      keepLines: true,
      children: [
        new ImageRun({
          type,
          data: pic.bytes,
          transformation: { width: px(fit.width), height: px(fit.height) },
          altText: { name: `图片${p.id}`, description: caption, title: caption },
          outline: { type: 'solidFill', solidFillType: 'rgb', value: spec.border.color, width: Math.round(spec.border.eighths * EMU_PER_EIGHTH_POINT) },
        }),
      ],
    }),
    new Paragraph({
      style: STYLE.body,
      alignment: AlignmentType.CENTER,
      spacing: exact(profile.grid.lineSpacing),
      keepLines: true,
      children: [run(caption, spec.caption)],
    }),
  ];
}

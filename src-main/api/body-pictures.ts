/**
 * Pictures inside an item's body (issue 19). A picture is one body paragraph that also carries
 * `picture`: the id of a picture kept with the item's draft (store table draft_pictures) and the
 * caption printed under it. Its `text` is the caption (or （图片）), so search, 字数 and every
 * reader that knows nothing of pictures still see a line in its place.
 *
 * In the editor's text box a picture is one line of its own:
 *
 *     【图片12】图1 城关镇便民服务中心
 *
 * where 12 is the picture's number as the editor's picture list shows it, and the rest of the
 * line its caption. Pure functions only: the renderer imports this file.
 */

export interface BodyPicture {
  /** The picture's id in draft_pictures. */
  id: number;
  /** The caption printed under the picture, '' for none. */
  caption: string;
}

export const PICTURE_CAPTION_MAX = 200;
/** Picture types a draft keeps (read-docx.ts), and those the Word file can print. */
export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/bmp', 'image/tiff'] as const;
export const PRINTABLE_PICTURE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/bmp'];

const PICTURE_LINE = /^【图片(\d{1,12})】\s*(.*)$/u;

/** The paragraph text that stands for a picture. */
export function pictureText(p: BodyPicture): string {
  return p.caption.trim() || '（图片）';
}

/** A picture as the editor's line. */
export function pictureLine(p: BodyPicture): string {
  return `【图片${p.id}】${p.caption}`;
}

/** The editor's line → a picture, or null when the line is ordinary text. */
export function pictureFromLine(line: string): BodyPicture | null {
  const m = PICTURE_LINE.exec(line.trim());
  if (!m) return null;
  const id = Number(m[1]);
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return { id, caption: [...m[2]!.trim()].slice(0, PICTURE_CAPTION_MAX).join('') };
}

/** The ids of the pictures a body places. */
export function placedPictureIds(paragraphs: readonly { picture?: BodyPicture }[]): number[] {
  return [...new Set(paragraphs.flatMap((p) => (p.picture ? [p.picture.id] : [])))];
}

/**
 * The body without its placed pictures: what leaves this desk where the pictures' bytes do not
 * go with it (a packet for the city office carries text), so no picture id of this database
 * reaches another one.
 */
export function withoutPictures<P extends { picture?: BodyPicture; text: string }>(paragraphs: readonly P[]): P[] {
  const rest = paragraphs.filter((p) => !p.picture);
  // An item that is only pictures keeps their captions as plain lines: a body is never empty.
  return rest.length > 0 ? rest : paragraphs.map(({ picture: _picture, ...p }) => p as P);
}

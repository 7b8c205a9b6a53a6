/**
 * The frame every Word file of the app shares (the issue, a single item, the packet's contents
 * list, the circular): the A4 page and line grid of the layout profile, `— N —` page numbers,
 * the named styles, and fixed document properties, so the same content always gives the same bytes.
 */
import { Document, DocumentGridType, Footer, Packer, Paragraph, type ISectionOptions, type Table } from 'docx';
import { buildStyles, externalStylesXml, pageNumberFooter } from './docx-blocks';
import { COMPAT_EDITS, footerEdits } from './docx-compat';
import { coreXml, editZipParts, fixZipTimestamps, type PartEdit } from './docx-zip';
import type { LayoutProfile } from './layout-profile';

function section(profile: LayoutProfile, children: Array<Paragraph | Table>): ISectionOptions {
  const { page, margins, grid } = profile;
  return {
    properties: {
      page: {
        size: { width: page.width, height: page.height },
        margin: {
          top: margins.top,
          bottom: margins.bottom,
          left: margins.left,
          right: margins.right,
          header: margins.header,
          footer: margins.footer,
          gutter: 0,
        },
      },
      grid: { type: DocumentGridType.LINES, linePitch: grid.linePitch },
    },
    // Odd pages use the default footer, even pages the even one; settings.xml gets
    // w:evenAndOddHeaders from the Document option below.
    footers: { default: pageNumberFooter(profile, 'odd'), even: pageNumberFooter(profile, 'even') },
    children,
  };
}

/**
 * A last section on a new page whose footers are empty: the colophon when it would stand alone on
 * its page, which then prints no number (GB/T 9704 7.5; docs/layout.md "Colophon").
 */
function unnumberedSection(profile: LayoutProfile, children: Array<Paragraph | Table>): ISectionOptions {
  const base = section(profile, children);
  // A footer must hold a paragraph (Word calls the file damaged otherwise); this one is empty.
  const empty = () => new Footer({ children: [new Paragraph({ children: [] })] });
  return { ...base, footers: { default: empty(), even: empty() } };
}

/**
 * `date` (YYYY-MM-DD) is the file's created and modified date; '' leaves a fixed placeholder.
 * `unnumberedTail`, when given, is set on a page of its own without a page number.
 */
export async function packDocument(
  profile: LayoutProfile,
  title: string,
  date: string,
  children: Array<Paragraph | Table>,
  unnumberedTail?: Array<Paragraph | Table>,
  /** Further edits of the finished parts (e.g. the circular's table rows, filled in as text). */
  edits: Readonly<Record<string, PartEdit>> = {},
): Promise<Buffer> {
  const creator = profile.documentInfo.creator;
  const doc = new Document({
    creator,
    lastModifiedBy: creator,
    title,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    externalStyles: externalStylesXml(),
    styles: buildStyles(profile),
    // The theme names the office fonts too, so nothing in the file points at Calibri/等线.
    theme: {
      fonts: {
        body: { latin: profile.fonts.body.ascii, eastAsia: profile.fonts.body.eastAsia },
        headings: { latin: profile.fonts.title.ascii, eastAsia: profile.fonts.title.eastAsia },
      },
    },
    sections: unnumberedTail ? [section(profile, children), unnumberedSection(profile, unnumberedTail)] : [section(profile, children)],
  });
  const zip = await Packer.toBuffer(doc, false, [coreXml({ title, creator, date })]);
  return fixZipTimestamps(editZipParts(Buffer.from(zip), { ...COMPAT_EDITS, ...edits }, footerEdits));
}

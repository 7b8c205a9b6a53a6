/**
 * The printed issue as a Word file, laid out per docs/layout.md (GB/T 9704-2012 and the bulletin
 * house style). The same model always gives the same bytes: the archive keeps a signed issue's
 * SHA-256 and checks reprints against it.
 */
import { Paragraph, type Table } from 'docx';
import type { IssueDocArticle, IssueDocModel } from './model';
import { border, exact, run, safeLine, STYLE } from './docx-blocks';
import { articleParagraphs } from './docx-article';
import { packDocument } from './docx-document';
import { colophonTable, contentsParagraphs, issueNumberText, mastheadParagraphs } from './docx-frontback';
import { LAYOUT_PROFILE, type LayoutProfile } from './layout-profile';
import { planIssue } from './pagination';

export { balanceTitle } from './docx-title';
export { formatDate, issueNumberText, mastheadNameSize } from './docx-frontback';

/**
 * Word needs a paragraph after a table at the end of the body; this one also anchors the floating
 * colophon, so it is kept one hairline high to leave it room on an otherwise full page.
 */
function anchorParagraph(profile: LayoutProfile): Paragraph {
  return new Paragraph({ style: STYLE.noGrid, spacing: exact(profile.colophon.anchorLineHeight), children: [] });
}

export async function renderIssueDocx(model: IssueDocModel, profile: LayoutProfile = LAYOUT_PROFILE): Promise<Buffer> {
  const plan = planIssue(model, profile);
  const children: Array<Paragraph | Table> = [...mastheadParagraphs(model, profile), ...contentsParagraphs(model, profile)];
  model.articles.forEach((article, i) => {
    children.push(...articleParagraphs(article, profile, model.settings.newPagePerItem && i > 0, plan.pulls.has(i)));
  });
  const colophon = colophonTable(model, profile);
  const title = `${safeLine(model.settings.mastheadName)} ${issueNumberText(model, profile)}`;
  if (!colophon) return packDocument(profile, title, model.date, children);
  // Where the pagination model finds the colophon alone on its page, that page is a last section
  // with empty footers: it prints no number (docs/layout.md "Colophon").
  if (plan.layout.colophonAlone) {
    return packDocument(profile, title, model.date, children, [anchorParagraph(profile), colophon, anchorParagraph(profile)]);
  }
  children.push(colophon, anchorParagraph(profile));
  return packDocument(profile, title, model.date, children);
}

/**
 * One item on its own pages, for packets sent upward: title, body, source line, and a foot line
 * naming the sending unit and the contact, under a thin rule.
 */
export async function renderArticleDocx(
  article: IssueDocArticle,
  foot: { sender: string; contact: string },
  profile: LayoutProfile = LAYOUT_PROFILE,
): Promise<Buffer> {
  const children: Array<Paragraph | Table> = articleParagraphs(article, profile, false);
  const parts = [
    safeLine(foot.sender) ? `报送单位：${safeLine(foot.sender)}` : '',
    safeLine(foot.contact) ? `联系人：${safeLine(foot.contact)}` : '',
  ].filter(Boolean);
  if (parts.length) {
    children.push(
      new Paragraph({
        style: STYLE.colophon,
        spacing: exact(profile.colophon.lineSpacing, profile.grid.lineSpacing),
        border: { top: border(profile.colophon.thinRule) },
        children: [run(parts.join(profile.colophon.peopleSeparator), profile.fonts.articleFoot)],
      }),
    );
  }
  return packDocument(profile, safeLine(article.title), '', children);
}

/**
 * What goes into a packet, built from a plan the service has read from the database: the
 * issues' archived Word files as they are, each single item rendered in the single-item layout,
 * 报送清单.docx, manifest.json and SHA256SUMS. Pure apart from rendering: the same plan always
 * gives the same bytes, so a packet can be rebuilt and compared.
 */
import crypto from 'node:crypto';
import type { Paragraph } from '../api/text';
import { renderArticleDocx } from '../export/docx-issue';
import { renderContentsList } from './contents-list';
import {
  CONTENTS_LIST_NAME,
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  MANIFEST_VERSION,
  manifestFiles,
  SUMS_NAME,
  type Manifest,
  type ManifestArticle,
  type ManifestIssue,
  type ManifestItem,
  type Sender,
} from './manifest';
import { articleEntryName, issueEntryName, uniqueNames } from './names';
import type { ZipEntryInput } from './zip-write';

export interface PlanIssue {
  id: number;
  /** Version 2: made once for the issue (packet_uuids). */
  uuid?: string;
  series: string;
  year: number;
  number: number;
  totalNumber: number | null;
  supplement: boolean;
  date: string;
  signedBy: string;
  items: ManifestItem[];
  /** The archived Word file, exactly as stored at sign-off. */
  docx: Buffer;
}

export interface PlanArticle extends Omit<ManifestArticle, 'file' | 'sha256' | 'size'> {
  paragraphs: Paragraph[];
}

export interface PacketPlan {
  sender: Sender;
  /** The sending database's identity (migration 9). */
  senderIdentity: string;
  /** UTC ISO timestamp of the export. */
  createdAt: string;
  /** The office's calendar date of the export, YYYY-MM-DD. */
  localDate: string;
  includeInternal: boolean;
  /** The name the zip will have, printed on 报送清单. */
  fileName: string;
  issues: PlanIssue[];
  articles: PlanArticle[];
}

export interface BuiltPacket {
  manifest: Manifest;
  /** In the order they go into the zip. */
  entries: ZipEntryInput[];
}

export const GENERATOR = '政务信息编印台 Bulletin Desk';

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

export function issueTitle(i: Pick<PlanIssue, 'series' | 'year' | 'number' | 'totalNumber' | 'supplement'>): string {
  return `《${i.series}》${i.year}年${i.supplement ? '增刊' : ''}第${i.number}期${i.totalNumber ? `（总第${i.totalNumber}期）` : ''}`;
}

const highest = (items: readonly ManifestItem[]) =>
  items.some((i) => i.classification === 'classified') ? 'classified' : items.some((i) => i.classification === 'internal') ? 'internal' : 'public';

/** Called as each file of the packet is ready (an item rendered, the list), with its name. */
export type BuildStep = (file: string) => void;

export async function buildPacket(plan: PacketPlan, onStep: BuildStep = () => {}): Promise<BuiltPacket> {
  const names = uniqueNames([
    ...plan.issues.map(issueEntryName),
    ...plan.articles.map((a, i) => articleEntryName(i + 1, plan.articles.length, a.title)),
  ]);
  const contact = [plan.sender.contactPerson, plan.sender.phone].filter(Boolean).join(' ');
  const articleFiles = await Promise.all(
    plan.articles.map(async (a, n) => {
      const bytes = await renderArticleDocx({ title: a.title, paragraphs: a.paragraphs, source: a.unit }, { sender: plan.sender.office, contact });
      onStep(names[plan.issues.length + n]!);
      return bytes;
    }),
  );

  const issues: ManifestIssue[] = plan.issues.map((i, n) => ({
    id: i.id,
    ...(i.uuid ? { uuid: i.uuid } : {}),
    title: issueTitle(i),
    series: i.series,
    year: i.year,
    number: i.number,
    totalNumber: i.totalNumber,
    supplement: i.supplement,
    date: i.date,
    signedBy: i.signedBy,
    classification: highest(i.items),
    chars: i.items.reduce((s, it) => s + it.chars, 0),
    items: i.items,
    file: names[n]!,
    sha256: sha256(i.docx),
    size: i.docx.length,
  }));
  const articles: ManifestArticle[] = plan.articles.map((a, n) => ({
    ...a,
    file: names[plan.issues.length + n]!,
    sha256: sha256(articleFiles[n]!),
    size: articleFiles[n]!.length,
  }));
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    createdAt: plan.createdAt,
    generator: GENERATOR,
    senderIdentity: plan.senderIdentity,
    sender: plan.sender,
    includeInternal: plan.includeInternal,
    issues,
    articles,
    // filled in below, once the list (which prints the rest of the manifest) is rendered
    contentsList: { file: CONTENTS_LIST_NAME, sha256: '0'.repeat(64), size: 0 },
    totals: {
      issues: issues.length,
      articles: articles.length,
      chars: issues.reduce((s, i) => s + i.chars, 0) + articles.reduce((s, a) => s + a.chars, 0),
    },
  };
  const list = await renderContentsList(manifest, plan.fileName, plan.localDate);
  onStep(CONTENTS_LIST_NAME);
  manifest.contentsList = { file: CONTENTS_LIST_NAME, sha256: sha256(list), size: list.length };

  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const content: ZipEntryInput[] = [
    { name: CONTENTS_LIST_NAME, data: list, compress: false },
    ...plan.issues.map((i, n) => ({ name: issues[n]!.file, data: i.docx, compress: false })),
    ...articleFiles.map((data, n) => ({ name: articles[n]!.file, data, compress: false })),
  ];
  // sha256sum's own format: hash, two spaces (text mode), name; one line each, LF.
  const sums = [{ name: MANIFEST_NAME, data: manifestBytes }, ...content]
    .map((e) => `${sha256(e.data)}  ${e.name}\n`)
    .join('');
  // Sanity: the manifest names exactly the content files.
  const listed = manifestFiles(manifest).map((f) => f.file);
  if (listed.join('\n') !== content.map((e) => e.name).join('\n')) throw new Error('packet manifest and content disagree');
  return {
    manifest,
    entries: [
      { name: MANIFEST_NAME, data: manifestBytes, compress: true },
      { name: SUMS_NAME, data: Buffer.from(sums, 'utf8'), compress: true },
      ...content,
    ],
  };
}

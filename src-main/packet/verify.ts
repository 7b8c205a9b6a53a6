/**
 * Checking a packet as the city office (or the county, before copying it to USB) would: the zip
 * read safely (zip-read.ts), the manifest against its schema and its own rules, and every file's
 * bytes against both the manifest and SHA256SUMS. The result is a report, never an exception:
 * a faulty packet is an answer, not a failure of the program.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { localTimeText, sizeLabel } from '../api/display';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, type Classification } from '../api/schemas';
import {
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  MANIFEST_VERSION,
  manifestFiles,
  manifestHead,
  manifestSchema,
  SUMS_NAME,
  type Manifest,
} from './manifest';
import type { Fault, VerifyReport } from './report';
import { readZip, READ_LIMITS, shownName, type ZipLimits } from './zip-read';

export type { Fault, VerifyReport };

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

async function fileSha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : '（整体）';
  return `${where}：${issue.message}`;
}

/** The manifest parsed and checked against its schema, or the faults that stop it. */
function parseManifest(bytes: Buffer | undefined, faults: Fault[]): Manifest | null {
  if (!bytes) {
    faults.push({ code: 'MANIFEST_MISSING', message: `上报包中没有 ${MANIFEST_NAME}（清单），无法核对内容。`, entry: MANIFEST_NAME });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    faults.push({ code: 'MANIFEST_INVALID', message: `${MANIFEST_NAME} 不是有效的 UTF-8 JSON：${(e as Error).message}`, entry: MANIFEST_NAME });
    return null;
  }
  const head = manifestHead.safeParse(json);
  if (!head.success || head.data.format !== MANIFEST_FORMAT) {
    faults.push({ code: 'MANIFEST_INVALID', message: `${MANIFEST_NAME} 不是编印台上报包的清单（缺少 format“${MANIFEST_FORMAT}”或 version）。`, entry: MANIFEST_NAME });
    return null;
  }
  if (head.data.version > MANIFEST_VERSION) {
    faults.push({
      code: 'MANIFEST_VERSION',
      message: `清单格式版本为 ${head.data.version}，由更新版本的编印台生成；本程序只认识版本 ${MANIFEST_VERSION} 及以前的版本。请升级编印台后再校验。`,
      entry: MANIFEST_NAME,
    });
    return null;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    for (const issue of issues.slice(0, 10)) {
      faults.push({ code: 'MANIFEST_INVALID', message: `${MANIFEST_NAME} 不符合格式：${describeZodIssue(issue)}`, entry: MANIFEST_NAME });
    }
    if (issues.length > 10) faults.push({ code: 'MANIFEST_INVALID', message: `${MANIFEST_NAME} 另有 ${issues.length - 10} 处不符合格式。`, entry: MANIFEST_NAME });
    return null;
  }
  return parsed.data;
}

const rank = (c: Classification) => CLASSIFICATIONS.indexOf(c);

/** What the manifest says must also hold by the rules packets are made under. */
function checkRules(m: Manifest, faults: Fault[]): void {
  const rule = (message: string) => faults.push({ code: 'MANIFEST_RULE', message, entry: MANIFEST_NAME });
  const items = [
    ...m.articles.map((a) => ({ ...a, where: '' })),
    ...m.issues.flatMap((i) => i.items.map((it) => ({ ...it, where: `（${i.title}）` }))),
  ];
  for (const it of items) {
    if (it.classification === 'classified') rule(`清单中有涉密信息“${it.title}”${it.where}。涉密信息不得上报，这个包不应发出。`);
    if (it.classification === 'internal' && !m.includeInternal) rule(`清单中有内部信息“${it.title}”${it.where}，但清单未注明允许包含内部信息。`);
  }
  for (const i of m.issues) {
    const highest = i.items.reduce<Classification>((h, it) => (rank(it.classification) > rank(h) ? it.classification : h), 'public');
    if (i.classification !== highest) {
      rule(`${i.title}标为“${CLASSIFICATION_LABELS[i.classification]}”，但其中信息的最高密级是“${CLASSIFICATION_LABELS[highest]}”。`);
    }
    if (i.chars !== i.items.reduce((n, it) => n + it.chars, 0)) rule(`${i.title}的字数与其中各条信息的字数之和不符。`);
  }
  const chars = m.issues.reduce((n, i) => n + i.chars, 0) + m.articles.reduce((n, a) => n + a.chars, 0);
  if (m.totals.issues !== m.issues.length || m.totals.articles !== m.articles.length || m.totals.chars !== chars) {
    rule('清单中的合计（期数、条数、字数）与明细不符。');
  }
  if (m.issues.length + m.articles.length === 0) rule('清单中既没有期刊也没有单条信息。');
  const seen = new Set<string>();
  for (const f of manifestFiles(m)) {
    const key = f.file.normalize('NFC').toLowerCase();
    if (seen.has(key)) rule(`清单中文件名“${f.file}”出现了不止一次。`);
    seen.add(key);
  }
  if ([MANIFEST_NAME, SUMS_NAME].some((n) => seen.has(n.toLowerCase()))) rule(`清单把 ${MANIFEST_NAME} 或 ${SUMS_NAME} 列为内容文件。`);
}

/** The files of SHA256SUMS (`<hex>  <name>` per line, as sha256sum writes it), or faults. */
function parseSums(bytes: Buffer, faults: Fault[]): Map<string, string> {
  const sums = new Map<string, string>();
  const text = new TextDecoder('utf-8').decode(bytes);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
    if (!m) {
      faults.push({ code: 'SUMS_INVALID', message: `${SUMS_NAME} 第 ${i + 1} 行格式不对（应为“64 位 SHA-256、两个空格、文件名”）。`, entry: SUMS_NAME });
      return;
    }
    const [, hex, name] = m as unknown as [string, string, string];
    if (sums.has(name)) faults.push({ code: 'SUMS_INVALID', message: `${SUMS_NAME} 中“${shownName(name)}”出现了不止一次。`, entry: SUMS_NAME });
    sums.set(name, hex);
  });
  return sums;
}

export async function verifyPacket(file: string, limits: ZipLimits = READ_LIMITS): Promise<VerifyReport> {
  const resolved = path.resolve(file);
  const report: VerifyReport = {
    ok: false,
    path: resolved,
    fileName: path.basename(resolved),
    size: null,
    sha256: null,
    faults: [],
    manifest: null,
    entries: [],
  };
  const read = await readZip(resolved, limits);
  report.faults.push(...read.faults);
  if (!read.readable) return report;
  report.size = fs.statSync(resolved).size;
  report.sha256 = await fileSha256(resolved);

  const byName = new Map(read.entries.map((e) => [e.name, e.data]));
  const faulted = new Set(read.faults.flatMap((f) => (f.entry === undefined ? [] : [f.entry])));
  report.entries = read.entries.map((e) => ({ name: e.name, size: e.data.length, sha256: sha(e.data) }));
  const actual = new Map(report.entries.map((e) => [e.name, e]));
  const faults = report.faults;

  const manifest = faulted.has(MANIFEST_NAME) ? null : parseManifest(byName.get(MANIFEST_NAME), faults);
  if (manifest) {
    report.manifest = manifest;
    checkRules(manifest, faults);
    const listed = new Set<string>();
    for (const f of manifestFiles(manifest)) {
      listed.add(f.file);
      if (faulted.has(f.file)) continue;
      const a = actual.get(f.file);
      const shown = shownName(f.file);
      if (!a) faults.push({ code: 'FILE_MISSING', entry: f.file, message: `清单列出的“${shown}”不在上报包中。` });
      else if (a.sha256 !== f.sha256) {
        faults.push({
          code: 'CHECKSUM_MISMATCH',
          entry: f.file,
          message: `“${shown}”的 SHA-256 与清单不符（清单 ${f.sha256.slice(0, 12)}…，实际 ${a.sha256.slice(0, 12)}…）：文件在打包后被改动过，或清单不实。`,
        });
      } else if (a.size !== f.size) {
        faults.push({ code: 'SIZE_MISMATCH', entry: f.file, message: `“${shown}”的大小与清单不符（清单 ${f.size} 字节，实际 ${a.size} 字节）。` });
      }
    }
    for (const e of report.entries) {
      if (e.name !== MANIFEST_NAME && e.name !== SUMS_NAME && !listed.has(e.name)) {
        faults.push({ code: 'UNLISTED_ENTRY', entry: e.name, message: `“${shownName(e.name)}”不在清单中：上报包里混入了清单以外的文件。` });
      }
    }
  }

  const sumsBytes = byName.get(SUMS_NAME);
  if (!sumsBytes) {
    if (!faulted.has(SUMS_NAME)) faults.push({ code: 'SUMS_MISSING', entry: SUMS_NAME, message: `上报包中没有 ${SUMS_NAME}（校验和文件）。` });
  } else {
    const sums = parseSums(sumsBytes, faults);
    for (const [name, hex] of sums) {
      if (faulted.has(name)) continue;
      const a = actual.get(name);
      if (!a) faults.push({ code: 'SUMS_MISMATCH', entry: name, message: `${SUMS_NAME} 列出的“${shownName(name)}”不在上报包中。` });
      else if (a.sha256 !== hex) {
        faults.push({ code: 'SUMS_MISMATCH', entry: name, message: `“${shownName(name)}”与 ${SUMS_NAME} 中的 SHA-256 不符：文件在打包后被改动过。` });
      }
    }
    for (const e of report.entries) {
      if (e.name !== SUMS_NAME && !sums.has(e.name)) {
        faults.push({ code: 'SUMS_INCOMPLETE', entry: e.name, message: `“${shownName(e.name)}”没有列在 ${SUMS_NAME} 中。` });
      }
    }
  }
  report.ok = faults.length === 0;
  return report;
}

/** The report as a person reads it at a terminal (and in the CLI's refusal). */
export function describeReport(r: VerifyReport): string {
  const lines = [r.ok ? '上报包校验通过：结构、清单和全部校验和都无误。' : `上报包校验未通过：发现 ${r.faults.length} 处问题。`];
  lines.push(`文件：${r.path}${r.size === null ? '' : `（${sizeLabel(r.size)}）`}`);
  if (r.sha256) lines.push(`SHA-256：${r.sha256}`);
  const m = r.manifest;
  if (m) {
    const contact = [m.sender.contactPerson, m.sender.phone].filter(Boolean).join(' ');
    lines.push(`报送单位：${m.sender.office}${contact ? `（联系人：${contact}）` : ''}`);
    lines.push(`生成时间：${localTimeText(m.createdAt)}`);
    lines.push(`内容：${m.issues.length} 期、${m.articles.length} 条信息，共 ${r.entries.length} 个文件，合计 ${m.totals.chars} 字`);
    for (const i of m.issues) lines.push(`  · ${i.title}（${i.items.length} 条）`);
    for (const a of m.articles) lines.push(`  · ${a.title}${a.unit ? `（${a.unit}）` : ''}`);
  }
  if (r.faults.length) {
    lines.push('问题：');
    r.faults.forEach((f, i) => lines.push(`  ${i + 1}. ${f.message}（${f.code}）`));
  }
  return lines.join('\n');
}

/** The 批示督办 list as Word and Excel, for the periodic 督查通报. */
import path from 'node:path';
import type { OpArgs } from '../api/contract';
import type { FollowupFile, FollowupPaths } from '../api/ops/followup';
import { safeFileName } from '../export/file-names';
import { writeXlsx } from '../export/xlsx-write';
import { officeName } from './commission-notice';
import { localDate, type Ctx } from './context';
import { listFollowups } from './instruction-followup';
import { existingFolder, writeAtomically } from './output-files';

type ListArgs = { status?: OpArgs<'instructionFollowList'>['status']; from?: string | undefined; to?: string | undefined };

async function renderFiles(ctx: Ctx, args: ListArgs): Promise<{ fileName: string; bytes: Buffer }[]> {
  const today = localDate(ctx.now());
  const list = listFollowups(ctx, args, today);
  const title = `领导批示督办情况（截至${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月${Number(today.slice(8))}日）`;
  // The Word writer (docx) is loaded when a list is asked for, not at start (issue 14).
  const { renderFollowupDocx, followupRow, FOLLOWUP_HEADERS } = await import('../export/followup-docx');
  const docx = await renderFollowupDocx(list, { title, office: officeName(ctx), today });
  const xlsx = writeXlsx({
    creator: officeName(ctx) || '政务信息编印台',
    title,
    created: new Date(`${today}T00:00:00Z`),
    sheets: [
      {
        name: '批示督办',
        columns: [6, 36, 18, 12, 18, 12, 14, 60].map((width) => ({ width })),
        rows: [
          { values: [...FOLLOWUP_HEADERS], style: { bold: true, align: 'header' }, height: 24 },
          ...list.map((f, i) => ({ values: followupRow(f, i).map((v, k) => (k === 0 ? i + 1 : v)) })),
        ],
        frozenHeader: true,
        autoFilterRows: list.length + 1,
      },
    ],
  });
  const base = safeFileName(`领导批示督办情况${today}`);
  return [
    { fileName: `${base}.docx`, bytes: docx },
    { fileName: `${base}.xlsx`, bytes: xlsx },
  ];
}

export async function exportFollowups(ctx: Ctx, args: OpArgs<'instructionFollowExport'>): Promise<FollowupPaths> {
  const missing = (dir: string) => `文件夹“${dir}”不存在。请给出一个已有的文件夹，批示督办清单的 Word 和 Excel 文件会保存在其中。`;
  const dir = existingFolder(args.out, { missing, notFolder: missing });
  const [docx, xlsx] = await renderFiles(ctx, args);
  const paths = { docx: path.join(dir, docx!.fileName), xlsx: path.join(dir, xlsx!.fileName) };
  writeAtomically(paths.docx, docx!.bytes, { mayBeOpen: true });
  writeAtomically(paths.xlsx, xlsx!.bytes, { mayBeOpen: true });
  return paths;
}

export async function followupFiles(ctx: Ctx, args: OpArgs<'instructionFollowFiles'>): Promise<FollowupFile[]> {
  return (await renderFiles(ctx, args)).map((f) => ({ fileName: f.fileName, base64: f.bytes.toString('base64') }));
}

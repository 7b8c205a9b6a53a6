// @vitest-environment happy-dom
/**
 * 导入文件夹 with a fake API: 200 files listed with their guessed units, imported one call per
 * file with the bar and the count moving between calls, 停止 honoured while a call is pending
 * (the window stays live), and the summary of imported, repeated and refused files.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportResult, ScannedFile, Submission } from '../../src-main/api/ops/submissions';
import type { Unit } from '../../src-main/api/types';
import { cleanPath, IntakeImportDialog } from '../../src-renderer/components/intake/IntakeImportDialog';
import { fakeApi, renderWithApi } from './render';

afterEach(cleanup);

const UNITS: Unit[] = [
  { id: 1, name: '城关镇', kind: 'town', active: true, shortName: null, aliases: [] },
  { id: 2, name: '县发改局', kind: 'department', active: true, shortName: null, aliases: [] },
];

function files(n: number): ScannedFile[] {
  return Array.from({ length: n }, (_, i) => {
    const refused = i % 20 === 19;
    const name = refused ? `旧稿${i}.doc` : `城关镇-来稿${String(i).padStart(3, '0')}.docx`;
    return {
      path: `E:\\来稿\\${name}`,
      name,
      size: 20_000 + i,
      format: refused ? ('refused' as const) : ('docx' as const),
      ...(refused ? { reason: '这是旧版 Word（.doc）文件，无法直接导入。' } : {}),
      guessedUnit: refused ? null : { id: 1, name: '城关镇' },
    };
  });
}

function submission(id: number, title: string): Submission {
  return {
    id,
    unitId: 1,
    unit: '城关镇',
    liaisonName: '',
    liaisonPhone: '',
    receivedDate: '2026-11-21',
    title,
    paragraphs: [{ level: 0, text: '正文。' }],
    chars: 3,
    originalName: `${title}.docx`,
    originalFormat: 'docx',
    originalEncoding: null,
    originalSize: 100,
    originalSha256: 'a'.repeat(64),
    duplicateOf: null,
    state: 'received',
    stateReason: null,
    articleId: null,
    issue: null,
    category: null,
    createdAt: '2026-11-21T02:00:00.000Z',
    updatedAt: '2026-11-21T02:00:00.000Z',
  };
}

/** Every 10th importable file repeats an earlier one. */
function answer(path: string, n: number): ImportResult {
  const fileName = path.split('\\').pop()!;
  if (n % 10 === 9) {
    return { status: 'duplicate', fileName, reason: '与已登记的来稿 #1《来稿》是同一个文件', duplicateOf: { id: 1, title: '来稿', unit: '城关镇', receivedDate: '2026-11-20' } };
  }
  return { status: 'imported', fileName, submission: submission(n + 1, fileName.replace(/\.docx$/, '')) };
}

async function listFolder(scanned: ScannedFile[], typed = '"E:\\来稿"') {
  fireEvent.change(screen.getByTestId('import-folder'), { target: { value: typed } });
  fireEvent.click(screen.getByTestId('import-scan'));
  await waitFor(() => expect(screen.getAllByTestId('import-file-row')).toHaveLength(scanned.length));
}

describe('导入文件夹', () => {
  it('lists 200 files, imports them one by one with a moving bar, and sums up', async () => {
    const scanned = files(200);
    let n = 0;
    const progress: number[] = [];
    const { api, calls } = fakeApi({
      submissionScan: () => ({ folder: 'E:\\来稿', files: scanned, folders: ['旧稿'] }),
      submissionImport: async ({ path }) => {
        // what the window shows while this call is pending
        progress.push(Number(screen.getByTestId('import-progress').getAttribute('data-value')));
        await new Promise((r) => setTimeout(r, 0));
        return answer(path, n++);
      },
    });
    const onImported = vi.fn();
    const onClose = vi.fn();
    renderWithApi(<IntakeImportDialog opened units={UNITS} onClose={onClose} onImported={onImported} />, api);

    await listFolder(scanned);
    expect(calls[0]).toEqual({ op: 'submissionScan', input: { folder: 'E:\\来稿' } });
    expect(screen.getByText(/可导入/).textContent).toMatch(/共 200 个文件，可导入 190 个，将拒收 10 个/);
    expect(screen.getByText(/子文件夹不会导入：旧稿/)).toBeTruthy();
    const firstRow = screen.getAllByTestId('import-file-row')[0]!;
    expect((within(firstRow).getByTestId('import-file-unit') as HTMLSelectElement).value).toBe('1');
    // the user corrects one file's unit before importing
    fireEvent.change(within(screen.getAllByTestId('import-file-row')[1]!).getByTestId('import-file-unit'), { target: { value: '2' } });

    fireEvent.click(screen.getByTestId('import-start'));
    await waitFor(() => expect(screen.getByTestId('import-running')).toBeTruthy());
    await waitFor(() => expect(screen.getByTestId('import-summary')).toBeTruthy(), { timeout: 60_000 });

    // one call per importable file, in order, each with its confirmed unit; refused files are not sent
    const imports = calls.filter((c) => c.op === 'submissionImport').map((c) => c.input as { path: string; unit: number | null; receivedDate: string });
    expect(imports).toHaveLength(190);
    expect(imports[0]).toMatchObject({ path: scanned[0]!.path, unit: 1, receivedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(imports[1]!.unit).toBe(2);
    // the bar had moved on before each later call: the window was redrawn between files
    expect(progress).toEqual(scanned.map((f, i) => (f.format === 'refused' ? -1 : i)).filter((i) => i >= 0));

    expect(screen.getByTestId('import-summary-imported').textContent).toBe('171');
    expect(screen.getByTestId('import-summary-duplicates').textContent).toBe('19');
    expect(screen.getByTestId('import-summary-refused').textContent).toBe('10');
    // the files to look at are listed; the imported ones on request
    const outcomes = screen.getAllByTestId('import-outcome');
    expect(outcomes).toHaveLength(29);
    expect(outcomes[0]!.getAttribute('data-status')).toBe('duplicate');
    expect(outcomes[0]!.textContent).toMatch(/是同一个文件/);
    expect(screen.getAllByText(/这是旧版 Word（\.doc）文件/)).toHaveLength(10);
    fireEvent.click(screen.getByTestId('import-show-imported'));
    expect(screen.getAllByTestId('import-outcome')).toHaveLength(200);
    // the register reloads once, as the dialog closes
    expect(onImported).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('import-done'));
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('stops after the file in progress when 停止 is pressed, and registers a repeat on request', async () => {
    const scanned = files(10);
    const gates: (() => void)[] = [];
    let n = 0;
    const { api, calls } = fakeApi({
      submissionScan: () => ({ folder: 'E:\\来稿', files: scanned, folders: [] }),
      submissionImport: async ({ path, allowDuplicate }) => {
        if (allowDuplicate) return { status: 'imported', fileName: 'x.docx', submission: submission(99, '仍然登记的来稿') };
        await new Promise<void>((r) => gates.push(r));
        // the third file repeats an earlier draft
        return n++ === 2 ? answer(path, 9) : answer(path, 0);
      },
    });
    renderWithApi(<IntakeImportDialog opened units={UNITS} onClose={() => {}} onImported={() => {}} />, api);
    await listFolder(scanned, 'E:\\来稿');
    fireEvent.click(screen.getByTestId('import-start'));

    for (let i = 0; i < 3; i++) {
      await waitFor(() => expect(gates.length).toBe(i + 1));
      expect(screen.getByTestId('import-count').textContent).toBe(`已处理 ${i} / 10：导入 ${Math.min(i, 2)}，重复 ${i > 2 ? 1 : 0}，拒收 0`);
      gates[i]!();
    }
    // the fourth call is pending: the window still answers, and 停止 is taken
    await waitFor(() => expect(gates.length).toBe(4));
    fireEvent.click(screen.getByTestId('import-stop'));
    gates[3]!();
    await waitFor(() => expect(screen.getByTestId('import-summary')).toBeTruthy());
    expect(calls.filter((c) => c.op === 'submissionImport')).toHaveLength(4);
    expect(screen.getByText(/已按要求停止：还有 6 个文件没有处理/)).toBeTruthy();
    expect(screen.getByTestId('import-summary-imported').textContent).toBe('3');
    expect(screen.getByTestId('import-summary-duplicates').textContent).toBe('1');

    fireEvent.click(screen.getByTestId('import-register-anyway'));
    await waitFor(() => expect(screen.getByTestId('import-summary-imported').textContent).toBe('4'));
    expect(calls.at(-1)!.input).toMatchObject({ path: scanned[2]!.path, allowDuplicate: true });
    expect(screen.getByTestId('import-summary-duplicates').textContent).toBe('0');
  });

  it('shows the API’s reason when the folder cannot be listed, and strips the quotes 复制为路径 adds', async () => {
    const { api } = fakeApi({
      submissionScan: () => Promise.reject(new Error('找不到“E:\\没有”。请检查路径是否正确，U 盘是否已插好。')),
    });
    renderWithApi(<IntakeImportDialog opened units={UNITS} onClose={() => {}} onImported={() => {}} />, api);
    fireEvent.change(screen.getByTestId('import-folder'), { target: { value: 'E:\\没有' } });
    fireEvent.click(screen.getByTestId('import-scan'));
    await waitFor(() => expect(screen.getByTestId('import-error').textContent).toMatch(/U 盘是否已插好/));
    expect(cleanPath('  "E:\\来稿\\11月"  ')).toBe('E:\\来稿\\11月');
    expect(cleanPath('“E:\\来稿”')).toBe('E:\\来稿');
  });
});

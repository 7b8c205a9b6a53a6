// @vitest-environment happy-dom
/**
 * The 上报 page's dialogs with a fake API: classified items cannot be ticked (reason shown),
 * internal ones only after 包含内部信息, what is sent to packetExport, a refusal shown as the API
 * words it, and the verification report in green or red.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PacketCandidates, PacketExportResult, PacketVerifyResult } from '../src-main/api/ops/packets';
import { ApiCallError } from '../src-renderer/api/client';
import { PacketExportDialog } from '../src-renderer/components/packets/PacketExportDialog';
import { PacketReport } from '../src-renderer/components/packets/PacketReport';
import { fakeApi, renderWithApi } from './renderer/render';

afterEach(cleanup);

const candidates: PacketCandidates = {
  issues: [
    { id: 1, title: '《城关县政务信息》2026年第12期（总第2045期）', date: '2026-11-21', articleCount: 3, classification: 'public', blocked: null, submitted: null },
    { id: 2, title: '《城关县政务信息》2026年第13期（总第2046期）', date: '2026-11-28', articleCount: 2, classification: 'classified', blocked: '含涉密信息 #9“某涉密事项”，涉密信息不上网', submitted: null },
  ],
  articles: [
    { id: 5, title: '城关镇推进老旧小区改造', unit: '城关镇', category: 'practice', classification: 'public', chars: 800, issueTitle: null, blocked: null, submitted: { count: 1, firstAt: '2026-11-21T02:00:00.000Z', lastAt: '2026-11-21T02:00:00.000Z' } },
    { id: 6, title: '内部掌握的情况', unit: null, category: 'news', classification: 'internal', chars: 100, issueTitle: null, blocked: null, submitted: null },
    { id: 7, title: '某项涉密工作', unit: null, category: 'news', classification: 'classified', chars: 50, issueTitle: null, blocked: '涉密信息不上网，不能放入上报包', submitted: null },
  ],
};

function row(testid: string, id: number): HTMLElement {
  return screen.getAllByTestId(testid).find((r) => r.getAttribute('data-id') === String(id))!;
}

function check(testid: string, id: number): HTMLInputElement {
  return within(row(testid, id)).getByRole('checkbox') as HTMLInputElement;
}

async function openArticles() {
  fireEvent.click(screen.getByTestId('packet-tab-articles'));
  await screen.findAllByTestId('packet-article');
}

describe('the export dialog', () => {
  it('locks classified items with the reason, and internal ones until 包含内部信息 is ticked', async () => {
    const { api } = fakeApi({ packetCandidates: () => candidates });
    renderWithApi(<PacketExportDialog opened onClose={() => {}} onExported={() => {}} onVerify={() => {}} />, api);
    await screen.findAllByTestId('packet-issue');
    expect(check('packet-issue', 1).disabled).toBe(false);
    expect(check('packet-issue', 2).disabled).toBe(true);
    expect(within(row('packet-issue', 2)).getByTestId('lock-reason').textContent).toContain('涉密信息不上网');

    await openArticles();
    expect(within(row('packet-article', 5)).getByTestId('submitted-badge').textContent).toContain('已上报');
    expect(check('packet-article', 7).disabled).toBe(true);
    expect(check('packet-article', 6).disabled).toBe(true);
    expect(within(row('packet-article', 6)).getByTestId('lock-reason').textContent).toContain('包含内部信息');

    fireEvent.click(screen.getByTestId('packet-include-internal'));
    expect(check('packet-article', 6).disabled).toBe(false);
    fireEvent.click(check('packet-article', 6));
    expect(screen.getByTestId('packet-selection').textContent).toContain('0 期、1 条');
    // unticking takes internal items back out
    fireEvent.click(screen.getByTestId('packet-include-internal'));
    expect(screen.getByTestId('packet-selection').textContent).toContain('0 期、0 条');
    expect(check('packet-article', 7).disabled).toBe(true);
  });

  it('sends what was chosen, and shows a refusal in the API’s own words', async () => {
    let refuse = true;
    const result = { id: 3, path: '/u/x.zip', fileName: 'x.zip', sha256: 'a'.repeat(64), size: 2048, manifest: { issues: [{}], articles: [{}] } } as unknown as PacketExportResult;
    const { api, calls } = fakeApi({
      packetCandidates: () => candidates,
      packetExport: () => {
        if (refuse) throw new ApiCallError('INVALID_INPUT', '文件夹“E:\\上报”不存在。请先插入 U 盘或新建该文件夹，再重试。');
        return result;
      },
    });
    let exported: PacketExportResult | null = null;
    renderWithApi(<PacketExportDialog opened onClose={() => {}} onExported={(r) => (exported = r)} onVerify={() => {}} />, api);
    await screen.findAllByTestId('packet-issue');
    fireEvent.click(check('packet-issue', 1));
    await openArticles();
    fireEvent.click(check('packet-article', 5));
    const confirm = screen.getByTestId('packet-export-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true); // no folder yet
    fireEvent.change(screen.getByTestId('packet-out'), { target: { value: 'E:\\上报' } });
    fireEvent.click(confirm);
    expect((await screen.findByTestId('packet-export-error')).textContent).toContain('请先插入 U 盘');
    expect(calls.find((c) => c.op === 'packetExport')!.input).toEqual({ issueIds: [1], articleIds: [5], includeInternal: false, out: 'E:\\上报' });

    refuse = false;
    fireEvent.click(screen.getByTestId('packet-export-confirm'));
    expect((await screen.findByTestId('packet-export-result')).textContent).toContain('登记为第 3 号');
    await waitFor(() => expect(exported).toBe(result));
  });
});

describe('the verification report', () => {
  const base: PacketVerifyResult = { ok: true, path: '/u/x.zip', fileName: 'x.zip', size: 4096, sha256: 'b'.repeat(64), faults: [], manifest: null, entries: [], registered: { id: 2, createdAt: '2026-11-21T02:00:00.000Z', fileName: 'x.zip' } };

  it('is green when sound and names the register entry', () => {
    renderWithApi(<PacketReport report={base} />, fakeApi({}).api);
    const r = screen.getByTestId('packet-verify-result');
    expect(r.getAttribute('data-ok')).toBe('true');
    expect(r.textContent).toContain('校验通过');
    expect(r.textContent).toContain('第 2 号上报包');
  });

  it('is red and lists every fault with its code', () => {
    const faults = [
      { code: 'UNSAFE_PATH', message: '“../evil.txt”含有“..”，解压时可能写到文件夹之外。', entry: '../evil.txt' },
      { code: 'CHECKSUM_MISMATCH', message: '“a.docx”的 SHA-256 与清单不符。', entry: 'a.docx' },
    ];
    renderWithApi(<PacketReport report={{ ...base, ok: false, faults, registered: null }} />, fakeApi({}).api);
    expect(screen.getByTestId('packet-verify-result').getAttribute('data-ok')).toBe('false');
    expect(screen.getByText('校验未通过：发现 2 处问题')).toBeTruthy();
    expect(screen.getAllByTestId('packet-fault').map((f) => f.getAttribute('data-code'))).toEqual(['UNSAFE_PATH', 'CHECKSUM_MISMATCH']);
  });
});

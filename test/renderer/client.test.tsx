// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_PREFIX, TOKEN_HEADER, type DesktopBridge } from '../../src-main/api/transport';
import { ApiCallError, NETWORK_MESSAGE, createClient, readToken } from '../../src-renderer/api/client';

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  sessionStorage.clear();
  vi.restoreAllMocks();
});

describe('client over HTTP', () => {
  it('posts the op with the token and returns the result of an ok envelope', async () => {
    const fetchStub = vi.fn(async () => jsonResponse({ ok: true, result: [{ id: 1, name: '城关县政务信息' }] }));
    const api = createClient({ bridge: undefined, fetch: fetchStub as unknown as typeof fetch, token: 'tok-123' });
    await expect(api.call('seriesList', {})).resolves.toEqual([{ id: 1, name: '城关县政务信息' }]);

    const [url, init] = fetchStub.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${API_PREFIX}seriesList`);
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok-123');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({});
  });

  it('turns an error envelope into ApiCallError with its code and Chinese message', async () => {
    const message = '本期没有信息，不能签发。请先加入信息。';
    const fetchStub = vi.fn(async () => jsonResponse({ ok: false, error: { code: 'INVALID_STATE', message } }));
    const api = createClient({ bridge: undefined, fetch: fetchStub as unknown as typeof fetch, token: 't' });
    const err = await api.call('issueSign', { id: 3, signedBy: '张某某' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect((err as ApiCallError).code).toBe('INVALID_STATE');
    expect((err as ApiCallError).message).toBe(message);
  });

  it('keeps the envelope of a refused token (401) and explains a network failure in Chinese', async () => {
    const refused = vi.fn(async () => jsonResponse({ ok: false, error: { code: 'UNAUTHORIZED', message: '访问令牌无效' } }, 401));
    const api1 = createClient({ bridge: undefined, fetch: refused as unknown as typeof fetch, token: 'bad' });
    await expect(api1.call('seriesList', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: '访问令牌无效' });

    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const api2 = createClient({ bridge: undefined, fetch: down as unknown as typeof fetch, token: 't' });
    await expect(api2.call('seriesList', {})).rejects.toMatchObject({ code: 'NETWORK', message: NETWORK_MESSAGE });

    const garbage = vi.fn(async () => new Response('<html>502</html>', { status: 502 }));
    const api3 = createClient({ bridge: undefined, fetch: garbage as unknown as typeof fetch, token: 't' });
    await expect(api3.call('seriesList', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('reads the token from #token=, keeps it for the tab and clears it from the address', () => {
    window.history.replaceState(null, '', '/index.html#token=abc123');
    expect(readToken()).toBe('abc123');
    expect(window.location.hash).toBe('');
    expect(sessionStorage.getItem('bulletin.token')).toBe('abc123');
    // A reload has no hash any more: the token comes from the tab's storage.
    expect(readToken()).toBe('abc123');
  });
});

describe('client through the Electron preload', () => {
  it('uses window.bulletin.call and unwraps the same envelopes', async () => {
    const bridge: DesktopBridge = {
      call: vi.fn(async (op: string) =>
        op === 'unitList' ? { ok: true as const, result: [] } : { ok: false as const, error: { code: 'NOT_FOUND' as const, message: '没有编号为 9 的期。' } },
      ),
      saveDialog: vi.fn(async () => null),
      showInFolder: vi.fn(async () => {}),
    };
    const api = createClient({ bridge });
    expect(api.mode).toBe('desktop');
    await expect(api.call('unitList', {})).resolves.toEqual([]);
    await expect(api.call('issueGet', { id: 9 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '没有编号为 9 的期。' });
    expect(bridge.call).toHaveBeenCalledWith('unitList', {});
    // A cancelled save dialog exports nothing.
    await expect(api.saveIssueDocx(9, '城关县政务信息2026年第12期.docx')).resolves.toBeNull();
    expect(bridge.saveDialog).toHaveBeenCalledWith({
      title: '导出 Word 文件',
      defaultName: '城关县政务信息2026年第12期.docx',
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
    });
  });
});

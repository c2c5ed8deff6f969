import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API } from '../../shared/api/index';
import { SessionView } from '../../shared/schemas/identity';
import { api, endSessionRequests, SessionEndedError, startSessionRequests } from './transport';

const SESSION = SessionView.parse({
  person: {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Lev Petrenko',
    role: 'staff',
    party: { id: '00000000-0000-4000-8000-000000000002', name: 'Office of the First Lady (US)' },
    status: 'active',
  },
  csrfToken: 'token',
  credentialId: 'credential',
  expiresAt: '2026-12-06T12:00:00.000Z',
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the browser transport when a session ends', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    startSessionRequests();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refuses a signed-in request after sign-out without sending it', async () => {
    endSessionRequests();
    await expect(api(API.getVerifications)).rejects.toBeInstanceOf(SessionEndedError);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('aborts the signed-in requests in flight when the session ends', async () => {
    let seen: AbortSignal | undefined;
    fetchMock.mockImplementation(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          seen = init?.signal ?? undefined;
          seen?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const pending = api(API.getVerifications);
    await vi.waitFor(() => expect(seen).toBeDefined());
    endSessionRequests();
    await expect(pending).rejects.toThrow('aborted');
    expect(seen?.aborted).toBe(true);
  });

  it('still sends public requests, and a ceremony answering with a session opens signed-in ones again', async () => {
    endSessionRequests();
    fetchMock.mockResolvedValueOnce(json(200, { session: null }));
    expect(await api(API.getSession)).toEqual({ session: null });
    fetchMock.mockResolvedValueOnce(json(200, SESSION));
    await api(API.signInVerify, { body: {} as never });
    fetchMock.mockResolvedValueOnce(json(200, { verifications: null }));
    await api(API.getVerifications).catch(() => undefined);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(String(fetchMock.mock.calls[2]?.[0])).toBe(API.getVerifications.path);
  });
});

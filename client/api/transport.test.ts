import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API } from '../../shared/api/index';
import { SessionView } from '../../shared/schemas/identity';
import { api, endSessionRequests, SessionEndedError, startSessionRequests, switchingSession } from './transport';

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

/** A mocked fetch for each test of the enclosing block, with a session whose requests go out. */
const mockFetchPerTest = () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    startSessionRequests();
  });
  afterEach(() => {
    // Nothing a test left unanswered holds the next one's requests.
    endSessionRequests();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return fetchMock;
};

describe('the browser transport when a session ends', () => {
  const fetchMock = mockFetchPerTest();

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

describe('the browser transport while a sign-in replaces the session', () => {
  const fetchMock = mockFetchPerTest();

  /** A fetch answered only when the test says so, recording the order requests were sent in. */
  const heldFetch = () => {
    const sent: string[] = [];
    const answers = new Map<string, (response: Response) => void>();
    fetchMock.mockImplementation(
      (url, init) =>
        new Promise((resolve, reject) => {
          sent.push(String(url));
          answers.set(String(url), resolve);
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const answer = (path: string, body: unknown) => answers.get(path)?.(json(200, body));
    return { sent, answer };
  };

  it("sends the sign-in only after the old session's requests settle, and later ones only after it", async () => {
    const { sent, answer } = heldFetch();
    const inFlight = api(API.getVerifications);
    await vi.waitFor(() => expect(sent).toEqual([API.getVerifications.path]));
    const signIn = switchingSession(() => api(API.signInVerify, { body: {} as never }));
    const asked = api(API.listPasskeys);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Neither the sign-in nor the request asked for during it has gone out.
    expect(sent).toEqual([API.getVerifications.path]);

    answer(API.getVerifications.path, { verifications: null });
    await inFlight.catch(() => undefined);
    await vi.waitFor(() => expect(sent).toEqual([API.getVerifications.path, API.signInVerify.path]));
    answer(API.signInVerify.path, SESSION);
    expect(await signIn).toEqual(SESSION);
    await vi.waitFor(() => expect(sent.at(-1)).toBe(API.listPasskeys.path));
    answer(API.listPasskeys.path, {});
    await asked.catch(() => undefined);
    expect(sent).toEqual([API.getVerifications.path, API.signInVerify.path, API.listPasskeys.path]);
  });

  it('goes ahead after a bounded wait when an old request never settles', async () => {
    vi.useFakeTimers();
    const { sent, answer } = heldFetch();
    void api(API.getVerifications).catch(() => undefined);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const signIn = switchingSession(() => api(API.signInVerify, { body: {} as never }));
    await vi.advanceTimersByTimeAsync(4_900);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([API.getVerifications.path, API.signInVerify.path]);
    answer(API.signInVerify.path, SESSION);
    expect(await signIn).toEqual(SESSION);
  });

  it('releases the held requests when the sign-in fails', async () => {
    fetchMock.mockResolvedValue(json(200, { verifications: null }));
    await expect(switchingSession(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await api(API.getVerifications).catch(() => undefined);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

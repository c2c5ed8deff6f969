import { beforeEach, describe, expect, it, vi } from 'vitest';
import { VAULT_PRF_SALT } from '../../shared/crypto/vault';
import { assertPasskey, createPasskey } from './passkeys';

const browser = vi.hoisted(() => ({ startRegistration: vi.fn(), startAuthentication: vi.fn() }));
vi.mock('@simplewebauthn/browser', () => browser);

const B64 = 'AAAA';
const prfBytes = () => new Uint8Array(32).map((_, index) => index + 1);

const registration = (extensions: Record<string, unknown>) => ({
  id: B64,
  rawId: B64,
  type: 'public-key',
  response: { clientDataJSON: B64, attestationObject: B64, transports: ['internal'] },
  clientExtensionResults: extensions,
});

const assertion = (extensions: Record<string, unknown>) => ({
  id: B64,
  rawId: B64,
  type: 'public-key',
  response: { clientDataJSON: B64, authenticatorData: B64, signature: B64, userHandle: B64 },
  clientExtensionResults: extensions,
});

describe('passkey ceremonies with the vault PRF', () => {
  beforeEach(() => {
    browser.startRegistration.mockReset();
    browser.startAuthentication.mockReset();
  });

  it('asks for the PRF of the vault salt at creation and never returns the output in the response', async () => {
    browser.startRegistration.mockResolvedValue(
      registration({ credProps: { rk: true }, prf: { enabled: true, results: { first: prfBytes().buffer } } }),
    );
    const outcome = await createPasskey({ challenge: B64, extensions: { credProps: true, prf: {} } });
    const [{ optionsJSON }] = browser.startRegistration.mock.calls[0] as [{ optionsJSON: { extensions: unknown } }];
    expect(optionsJSON.extensions).toEqual({ credProps: true, prf: { eval: { first: VAULT_PRF_SALT } } });
    expect(outcome.prfOutput).toEqual(prfBytes());
    expect(outcome.response.clientExtensionResults).toEqual({ credProps: { rk: true } });
    expect(JSON.stringify(outcome.response)).not.toContain('prf');
  });

  it('reports no PRF output when the authenticator has none, and still strips the member', async () => {
    browser.startRegistration.mockResolvedValue(registration({ prf: { enabled: false } }));
    const outcome = await createPasskey({ challenge: B64 });
    expect(outcome.prfOutput).toBeNull();
    expect(outcome.response.clientExtensionResults).toEqual({});
  });

  it('restricts an unlock assertion to the session passkey and takes the PRF output out', async () => {
    const output = prfBytes();
    browser.startAuthentication.mockResolvedValue(assertion({ prf: { results: { first: output } } }));
    const outcome = await assertPasskey({ challenge: B64, allowCredentials: [] }, 'credential-1');
    const [{ optionsJSON }] = browser.startAuthentication.mock.calls[0] as [
      { optionsJSON: { allowCredentials: unknown; extensions: unknown } },
    ];
    expect(optionsJSON.allowCredentials).toEqual([{ id: 'credential-1', type: 'public-key' }]);
    expect(optionsJSON.extensions).toEqual({ prf: { eval: { first: VAULT_PRF_SALT } } });
    expect(outcome.prfOutput).toEqual(output);
    expect(outcome.prfOutput).not.toBe(output);
    expect(outcome.response.clientExtensionResults).toEqual({});
  });

  it('ignores a PRF output that is not 32 bytes', async () => {
    browser.startAuthentication.mockResolvedValue(assertion({ prf: { results: { first: new Uint8Array(16) } } }));
    expect((await assertPasskey({ challenge: B64 })).prfOutput).toBeNull();
  });
});

import { useCallback, useEffect, useState } from 'react';
import type { FingerprintSubject } from '../../../shared/crypto/safety-number';
import {
  type EnrolmentCeremony,
  type EnrolmentOffer,
  type EnrolmentResult,
  openInvitation,
} from '../../crypto/enrolment';
import { rememberInviter, rememberKeyCheck } from './inviter-memory';

export type EnrolmentStep =
  | { readonly step: 'no-token' }
  | { readonly step: 'loading' }
  | { readonly step: 'invitation'; readonly offer: EnrolmentOffer; readonly busy: boolean }
  | { readonly step: 'passphrase'; readonly ceremony: EnrolmentCeremony; readonly busy: boolean }
  | { readonly step: 'recovery'; readonly result: EnrolmentResult };

/**
 * The enrolment as steps: invitation → passkey → (passphrase) → recovery key. A failed attempt
 * starts again from fresh registration options: the server spends a challenge on first use.
 */
export const useEnrolment = (token: string | null, inviterKeys: FingerprintSubject | null = null) => {
  const [state, setState] = useState<EnrolmentStep>(token ? { step: 'loading' } : { step: 'no-token' });
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token) {
      return;
    }
    let current = true;
    setState({ step: 'loading' });
    openInvitation(token).then(
      (offer) => current && setState({ step: 'invitation', offer, busy: false }),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [token, attempt]);

  const fail = useCallback((failure: unknown) => {
    setError(failure);
    setAttempt((value) => value + 1);
  }, []);

  const finish = useCallback(
    async (ceremony: EnrolmentCeremony, passphrase?: string) => {
      const result = await ceremony.finish(passphrase);
      const inviter = ceremony.offer.invitation.invitedBy;
      if (inviter) {
        rememberInviter(result.session.person.id, inviter.name);
      }
      if (inviterKeys) {
        rememberKeyCheck(result.session.person.id, { inviter: inviterKeys, own: result.subject });
      }
      setState({ step: 'recovery', result });
    },
    [inviterKeys],
  );

  const createPasskey = useCallback(
    (offer: EnrolmentOffer) => {
      setError(null);
      setState({ step: 'invitation', offer, busy: true });
      const run = async () => {
        const ceremony = await offer.createPasskey();
        if (ceremony.needsPassphrase) {
          setState({ step: 'passphrase', ceremony, busy: false });
        } else {
          await finish(ceremony);
        }
      };
      run().catch(fail);
    },
    [finish, fail],
  );

  const choosePassphrase = useCallback(
    (ceremony: EnrolmentCeremony, passphrase: string) => {
      setError(null);
      setState({ step: 'passphrase', ceremony, busy: true });
      // Let the busy state paint before Argon2id blocks the main thread for a few seconds.
      window.setTimeout(() => {
        finish(ceremony, passphrase).catch(fail);
      }, 20);
    },
    [finish, fail],
  );

  return { state, error, createPasskey, choosePassphrase };
};

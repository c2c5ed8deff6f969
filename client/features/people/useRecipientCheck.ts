import { useMemo } from 'react';
import { errorText } from '../../api/error-text';
import { useT } from '../../i18n/useT';
import { useSignedIn } from '../../session/useSession';
import { type BlockedRecipient, type SendVerdict, sendVerdict } from '../../trust/send-check';
import { AwaitingEndorsementError } from '../../trust/trust-context';
import { useTrust } from '../../trust/useTrust';

export type { BlockedRecipient };

export type RecipientCheck =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  /** The verified-contacts list is sealed: unlock before sending. */
  | { readonly status: 'locked' }
  | ({ readonly status: 'ready' } & SendVerdict);

/** Who the signed-in person would seal to: a stream's member parties, and any grantee. */
export type RecipientScope = {
  readonly members: readonly string[];
  readonly grantees?: readonly string[];
  /** `person keyId` of the recipients of their last entry in the stream, or null if none. */
  readonly previousRecipients?: ReadonlySet<string> | null;
};

/**
 * Whether the signed-in person may seal to these readers now (client/trust/send-check): the
 * readers come from the verified directory and the member parties only; blocked while one of them
 * has a party root or key other than the one verified, was not endorsed along their party's chain,
 * or while the server's people list contradicts the log. Screens that send must refuse unless
 * `status` is `ready` and `canSend`.
 */
export const useRecipientCheck = (scope: RecipientScope): RecipientCheck => {
  const session = useSignedIn();
  const { state } = useTrust();
  const { t } = useT('people-screens');
  const { t: problemText } = useT('problems');
  const authorId = session?.person.id ?? '';
  const key = JSON.stringify([
    scope.members,
    scope.grantees ?? [],
    scope.previousRecipients ? [...scope.previousRecipients].sort() : null,
  ]);
  return useMemo((): RecipientCheck => {
    if (state.status === 'idle' || state.status === 'loading') {
      return { status: 'loading' };
    }
    if (state.status === 'error') {
      const message =
        state.error instanceof AwaitingEndorsementError
          ? t('directory.awaitingEndorsement')
          : errorText(state.error, problemText);
      return { status: 'error', message };
    }
    if (state.verificationsError) {
      return { status: 'error', message: errorText(state.verificationsError, problemText) };
    }
    const { verifications } = state;
    if (verifications === null) {
      return { status: 'locked' };
    }
    const [members, grantees, previous] = JSON.parse(key) as [string[], string[], string[] | null];
    const verdict = sendVerdict(
      { ...state, verifications },
      { authorId, members, grantees, previousRecipients: previous === null ? null : new Set(previous) },
    );
    return { status: 'ready', ...verdict };
  }, [state, key, authorId, t, problemText]);
};

import { useMemo } from 'react';
import { errorText } from '../../api/error-text';
import { type BlockedRecipient, checkRecipients, type RecipientVerdict } from '../../trust/recipient-check';
import { useTrust } from '../../trust/useTrust';

export type { BlockedRecipient };

export type RecipientCheck =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  /** The verified-contacts list is sealed: unlock before sending. */
  | { readonly status: 'locked' }
  | ({ readonly status: 'ready' } & RecipientVerdict);

/**
 * Whether the signed-in person may send to these people now: blocked when one of them was
 * verified at a key that is no longer their current one ("Key changed since you verified …"), or
 * has no current key. Screens that send must refuse unless `status` is `ready` and `canSend`.
 */
export const useRecipientCheck = (personIds: readonly string[]): RecipientCheck => {
  const { state } = useTrust();
  const key = personIds.join(',');
  return useMemo((): RecipientCheck => {
    if (state.status === 'idle' || state.status === 'loading') {
      return { status: 'loading' };
    }
    if (state.status === 'error') {
      return { status: 'error', message: errorText(state.error) };
    }
    if (state.verificationsError) {
      return { status: 'error', message: errorText(state.verificationsError) };
    }
    const { verifications } = state;
    if (verifications === null) {
      return { status: 'locked' };
    }
    return { status: 'ready', ...checkRecipients({ ...state, verifications }, key === '' ? [] : key.split(',')) };
  }, [state, key]);
};

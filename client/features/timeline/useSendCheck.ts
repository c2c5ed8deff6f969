import { useMemo } from 'react';
import { recipientIdsFor } from '../../entries/stream-recipients';
import { useSignedIn } from '../../session/useSession';
import { useTrust } from '../../trust/useTrust';
import { type RecipientCheck, useRecipientCheck } from '../people/useRecipientCheck';

/**
 * Whether the signed-in person may write to a stream whose member parties are `members` now:
 * blocked while any recipient's key changed since they verified them (client/trust).
 */
export const useSendCheck = (members: readonly string[]): { check: RecipientCheck; recipients: number } => {
  const session = useSignedIn();
  const { state } = useTrust();
  const people = state.status === 'ready' ? state.people : [];
  const me = session?.person.id ?? '';
  const ids = useMemo(() => recipientIdsFor(people, members, me).filter((id) => id !== me), [people, members, me]);
  return { check: useRecipientCheck(ids), recipients: ids.length + 1 };
};

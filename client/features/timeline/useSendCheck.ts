import { type RecipientCheck, useRecipientCheck } from '../people/useRecipientCheck';

/**
 * Whether the signed-in person may write to a stream whose member parties are `members` now, and
 * how many people the entry would be sealed to (the author included): readers from the verified
 * directory and the signed membership only (client/trust/send-check).
 */
export const useSendCheck = (members: readonly string[]): { check: RecipientCheck; recipients: number } => {
  const check = useRecipientCheck({ members });
  return { check, recipients: check.status === 'ready' ? check.readers.length + 1 : 0 };
};

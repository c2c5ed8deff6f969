import { contactView, keyChangedMessage } from './contact-view';
import type { TrustData } from './trust-context';

/** A recipient that must not be sent to, and the sentence that says why. */
export type BlockedRecipient = {
  readonly personId: string;
  readonly name: string;
  readonly reason: 'key-changed' | 'no-key' | 'unknown-person';
  readonly message: string;
};

/** Whether a set of recipients may be sent to, once the verified-contacts list is readable. */
export type RecipientVerdict = {
  readonly canSend: boolean;
  readonly blocked: readonly BlockedRecipient[];
  /** Recipients never verified: sending is allowed, but worth a nudge. */
  readonly unverified: readonly string[];
};

/**
 * Blocks a recipient verified at a key that is no longer their current one (until re-verified),
 * one with no current key (pending or revoked: nothing can be sealed to them), and anyone the
 * server does not list. `data.verifications` must be readable (keys unlocked).
 */
export const checkRecipients = (
  data: TrustData & { readonly verifications: NonNullable<TrustData['verifications']> },
  personIds: readonly string[],
): RecipientVerdict => {
  const blocked: BlockedRecipient[] = [];
  const unverified: string[] = [];
  for (const personId of personIds) {
    const person = data.people.find((candidate) => candidate.id === personId);
    if (!person) {
      blocked.push({ personId, name: personId, reason: 'unknown-person', message: `Unknown person ${personId}` });
      continue;
    }
    const view = contactView(data, person);
    if (view.verification === 'key-changed') {
      blocked.push({ personId, name: view.name, reason: 'key-changed', message: keyChangedMessage(view.name) });
    } else if (view.verification === 'no-key') {
      blocked.push({
        personId,
        name: view.name,
        reason: 'no-key',
        message: `${view.name} has no current key (pending or revoked): nothing can be sealed to them`,
      });
    } else if (view.verification === 'unverified') {
      unverified.push(personId);
    }
  }
  return { canSend: blocked.length === 0, blocked, unverified };
};

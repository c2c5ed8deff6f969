import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium';
import type { Reader } from '../core/recipient-choice';
import { PARTIES, trustWorld } from '../trust/trust-fixtures';
import type { EntryContext } from './entry-context';
import { chooseStreamRecipients, RecipientsBlockedError, RecipientsDeclinedError } from './stream-recipients';

beforeAll(initCrypto);

/** Envoy A's entry context, answering the new-readers question with `answer`, and what it was asked. */
const contextOf = (world: ReturnType<typeof trustWorld>, answer: boolean) => {
  const asked: string[][] = [];
  const context: EntryContext = {
    me: { personId: world.people.envoyA.id, partyId: PARTIES.a, role: 'envoy' },
    csrfToken: '',
    trust: world.data,
    refreshLog: async () => null,
    confirmNewReaders: async (readers: readonly Reader[]) => {
      asked.push(readers.map((reader) => reader.name));
      return answer;
    },
  };
  return { context, asked };
};

describe('choosing the recipients of an entry in the browser', () => {
  it('asks about readers new to the author in the stream, once per entry, and seals to them when confirmed', async () => {
    const world = trustWorld();
    const { context, asked } = contextOf(world, true);
    const scope = { directory: world.data.directory, members: [PARTIES.a, PARTIES.b], previousRecipients: null };
    const confirmed = new Set<string>();
    const recipients = await chooseStreamRecipients(context, scope, confirmed);
    expect(recipients.map((recipient) => recipient.person).sort()).toEqual(
      [world.people.envoyA.id, world.people.envoyB.id].sort(),
    );
    expect(asked).toEqual([['Envoy B']]);
    // A retry after a lost race does not ask again about the same readers.
    await chooseStreamRecipients(context, scope, confirmed);
    expect(asked).toHaveLength(1);
    // Party C joins the stream: its envoy is new, and asked about.
    await chooseStreamRecipients(context, { ...scope, members: [...scope.members, PARTIES.c] }, confirmed);
    expect(asked).toEqual([['Envoy B'], ['Envoy C']]);
  });

  it('sends nothing when the person declines, and asks nothing when a reader blocks', async () => {
    const world = trustWorld();
    const declining = contextOf(world, false);
    const scope = { directory: world.data.directory, members: [PARTIES.a, PARTIES.b], previousRecipients: null };
    await expect(chooseStreamRecipients(declining.context, scope, new Set())).rejects.toBeInstanceOf(
      RecipientsDeclinedError,
    );
    const conflicted = contextOf(
      {
        ...world,
        data: { ...world.data, conflicts: [{ person: world.people.envoyC.id, name: 'Envoy C', reason: 'lies' }] },
      },
      true,
    );
    const refusal = await chooseStreamRecipients(conflicted.context, scope, new Set()).catch((error) => error);
    expect(refusal).toBeInstanceOf(RecipientsBlockedError);
    expect((refusal as Error).message).toMatch(/Envoy C/);
    expect(conflicted.asked).toEqual([]);
  });
});

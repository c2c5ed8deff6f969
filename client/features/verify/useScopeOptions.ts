import { API } from '../../../shared/api/index';
import type { PersonView } from '../../../shared/schemas/identity';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { fetchStreamList } from '../../entries/fetch-stream';
import type { ScopeKind } from './verify-scope';

/** One thing the picker offers: its id and how it is shown (a thread's without the word "thread"). */
export type ScopeOption = { readonly id: string; readonly label: string };

/** What the picker offers per kind (the whole log needs no choice). */
export type ScopeOptions = Readonly<Record<Exclude<ScopeKind, 'all'>, readonly ScopeOption[]>>;

/**
 * The cases, threads and parties a person may export. Labels are the server's routing facts
 * (case references, party names): they only say what to fetch; the bundle itself is verified.
 */
const loadScopeOptions = async (person: PersonView): Promise<ScopeOptions> => {
  const readsStreams = person.role !== 'admin';
  const [streams, { parties }] = await Promise.all([
    readsStreams ? fetchStreamList() : Promise.resolve([]),
    api(API.listParties),
  ]);
  const partyName = new Map(parties.map((party) => [party.id, party.name]));
  // Reviewers see every stream's headers; envoys and staff may export only their party's streams.
  const exportable = streams.filter((stream) => person.role === 'reviewer' || stream.isMember);
  const streamsOf = (kind: 'case' | 'thread') =>
    exportable
      .filter((stream) => stream.kind === kind)
      .map((stream) => ({
        id: stream.id,
        label:
          kind === 'case'
            ? stream.reference
            : `${stream.id.slice(0, 8)} (${stream.members.map((id) => partyName.get(id) ?? id).join(', ')})`,
      }));
  const mayExportAnyParty = person.role === 'reviewer' || person.role === 'admin';
  return {
    case: streamsOf('case'),
    thread: streamsOf('thread'),
    party: parties
      .filter((party) => mayExportAnyParty || party.id === person.party.id)
      .map((party) => ({ id: party.id, label: party.name })),
  };
};

/** The picker's options for the signed-in person. */
export const useScopeOptions = (person: PersonView) =>
  useQuery(() => loadScopeOptions(person), [person.id, person.role]);

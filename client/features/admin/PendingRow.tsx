import type { z } from 'zod';
import type { DirectoryState, KeyRecord } from '../../../shared/directory/index';
import type { PendingEnrolment } from '../../../shared/schemas/identity';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { endorseEnrolment, endorsementProblem } from '../../crypto/admin-actions';
import { subjectOf } from '../../crypto/safety-view';
import { SafetyNumber } from '../people/SafetyNumber';

/**
 * One pending enrolment into the admin's party: who, their key's safety number with this admin,
 * how many of the party's admins have signed of how many its threshold requires, and "Endorse"
 * (the inviting admin first, then others of the party).
 */
export const PendingRow = ({
  pending,
  adminKey,
  directory,
  canSign,
  onEndorsed,
}: {
  pending: z.infer<typeof PendingEnrolment>;
  adminKey: KeyRecord;
  directory: DirectoryState;
  canSign: boolean;
  onEndorsed: () => void;
}) => {
  const { busy, error, run } = useAction();
  const { person, signed } = pending;
  const adminId = adminKey.person;
  const required = directory.partyRecord(signed.statement.party)?.threshold ?? 1;
  // The first signature is the new key's own; every later one is an admin's.
  const admins = signed.signatures.slice(1).map((signature) => signature.signer);
  const problem = endorsementProblem(signed, person.id, { id: adminId, party: adminKey.party });
  const hasSigned = admins.includes(adminId);
  return (
    <li className="card" data-testid="pending-row">
      <h2>{person.name}</h2>
      <p>
        {person.role} of {person.party.name} · key <code>{signed.statement.keyId}</code>
      </p>
      <p data-testid="endorsement-progress" data-signed={admins.length} data-required={required}>
        Signed by {admins.length} of the {required} admin{required === 1 ? '' : 's'} of the party its threshold
        requires.
      </p>
      <SafetyNumber mine={subjectOf(adminKey)} theirs={subjectOf(signed.statement)} />
      {problem && !hasSigned ? (
        <p role="alert" className="hint" data-testid="endorse-not-yet">
          Not for you to sign now: {problem}.
        </p>
      ) : null}
      {!problem ? (
        <button
          type="button"
          className="primary"
          disabled={busy || !canSign}
          onClick={() => run(() => endorseEnrolment(directory, adminId, pending), onEndorsed)}
          aria-label={`Endorse ${person.name}`}
          data-testid="endorse"
        >
          {busy ? 'Endorsing…' : 'Endorse'}
        </button>
      ) : null}
      <ErrorNotice error={error} />
    </li>
  );
};

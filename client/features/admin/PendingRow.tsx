import type { z } from 'zod';
import type { DirectoryState, KeyRecord } from '../../../shared/directory/index';
import type { PendingEnrolment } from '../../../shared/schemas/identity';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { endorseEnrolment, endorsementProblem } from '../../crypto/admin-actions';
import { subjectOf } from '../../crypto/safety-view';
import { SafetyNumber } from '../people/SafetyNumber';

/** One pending enrolment: who, their key's safety number with this admin, and "Endorse". */
export const PendingRow = ({
  pending,
  adminId,
  adminKey,
  directory,
  canSign,
  onEndorsed,
}: {
  pending: z.infer<typeof PendingEnrolment>;
  adminId: string;
  adminKey: KeyRecord;
  directory: DirectoryState;
  canSign: boolean;
  onEndorsed: () => void;
}) => {
  const { busy, error, run } = useAction();
  const { person, signed } = pending;
  const isMine = pending.invitedBy === adminId;
  const problem = isMine ? endorsementProblem(signed, person.id, adminId) : null;
  return (
    <li className="card" data-testid="pending-row">
      <h2>{person.name}</h2>
      <p>
        {person.role} of {person.party.name} · key <code>{signed.statement.keyId}</code>
      </p>
      <SafetyNumber mine={subjectOf(adminKey)} theirs={subjectOf(signed.statement)} />
      {isMine ? null : <p className="hint">Invited by another admin: only they can endorse.</p>}
      {problem ? (
        <p role="alert" className="error">
          Do not endorse: {problem}
        </p>
      ) : null}
      {isMine && !problem ? (
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

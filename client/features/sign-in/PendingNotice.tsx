import { useSession } from '../../session/useSession';
import { inviterName } from '../enrol/inviter-memory';

/** What a person sees until their inviting admin has countersigned their keys. */
export const PendingNotice = ({ personId }: { personId: string }) => {
  const { refresh } = useSession();
  const admin = inviterName(personId);
  return (
    <section className="panel notice" aria-labelledby="pending-title" data-testid="pending-notice">
      <h2 id="pending-title">Waiting for {admin ? `${admin}'s` : "your inviting admin's"} endorsement</h2>
      <p>
        Your keys are created but not yet published. {admin ?? 'Your admin'} checks your key's safety number with you
        and then endorses it; until then nobody can send you anything.
      </p>
      <button type="button" onClick={() => void refresh()} data-testid="pending-refresh">
        Check again
      </button>
    </section>
  );
};

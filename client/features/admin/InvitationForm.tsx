import { type FormEvent, useId, useState } from 'react';
import { API } from '../../../shared/api/index';
import { withLogPin } from '../../../shared/log/log-pin-text';
import { ALL_ROLES, type Role } from '../../../shared/schemas/role';
import { api } from '../../api/transport';
import { useAction } from '../../api/useAction';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLog } from '../../log/useLog';
import { useSignedIn } from '../../session/useSession';

/**
 * Invites a person into the admin's own party with a role; shows the one-time link, extended with
 * the log pin this browser holds, so that the invitee's browser pins the log from the link.
 */
export const InvitationForm = ({ onCreated }: { onCreated: () => void }) => {
  const id = useId();
  const session = useSignedIn();
  const { status } = useLog();
  const party = session?.person.party;
  const [role, setRole] = useState<Role>('envoy');
  const [name, setName] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const create = (event: FormEvent) => {
    event.preventDefault();
    setLink(null);
    if (!party) {
      return;
    }
    run(
      () => api(API.createInvitation, { body: { partyId: party.id, role, name } }),
      (created) => {
        setLink(status.pin ? withLogPin(created.link, status.pin) : created.link);
        setName('');
        onCreated();
      },
    );
  };
  return (
    <>
      <form onSubmit={create} className="grid-form" aria-label="Invite a person">
        <span>Party</span>
        <span data-testid="invite-party">
          {party?.name ?? '—'} <span className="hint">(admins invite into their own party only)</span>
        </span>
        <label htmlFor={`${id}-role`}>Role</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          data-testid="invite-role"
        >
          {ALL_ROLES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={120}
          required
          data-testid="invite-name"
        />
        <button type="submit" disabled={busy} data-testid="create-invitation">
          Create invitation
        </button>
      </form>
      <ErrorNotice error={error} />
      {link ? (
        <div className="panel notice" role="status" data-testid="invitation-created">
          <p>
            Send this link to the person over a channel you trust. It is shown <strong>only now</strong>, works once,
            and expires in 72 hours.
          </p>
          <label htmlFor={`${id}-link`}>Invitation link</label>
          <input id={`${id}-link`} className="wide" readOnly value={link} data-testid="invitation-link" />
          <CopyButton text={link} label="Copy link" />
        </div>
      ) : null}
    </>
  );
};

import { type FormEvent, useId, useState } from 'react';
import { API } from '../../../shared/api/index';
import { ALL_ROLES, type Role } from '../../../shared/schemas/role';
import { api } from '../../api/transport';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';

/** Invites a person into a party with a role; shows the one-time link. */
export const InvitationForm = ({ onCreated }: { onCreated: () => void }) => {
  const id = useId();
  const [parties] = useQuery(() => api(API.listParties), []);
  const [partyId, setPartyId] = useState('');
  const [role, setRole] = useState<Role>('envoy');
  const [name, setName] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const create = (event: FormEvent) => {
    event.preventDefault();
    setLink(null);
    run(
      () => api(API.createInvitation, { body: { partyId, role, name } }),
      (created) => {
        setLink(created.link);
        setName('');
        onCreated();
      },
    );
  };
  return (
    <>
      <form onSubmit={create} className="grid-form" aria-label="Invite a person">
        <label htmlFor={`${id}-party`}>Party</label>
        <select
          id={`${id}-party`}
          value={partyId}
          onChange={(event) => setPartyId(event.target.value)}
          required
          data-testid="invite-party"
        >
          <option value="">Choose a party…</option>
          {parties.status === 'ready'
            ? parties.data.parties.map((party) => (
                <option key={party.id} value={party.id}>
                  {party.name}
                </option>
              ))
            : null}
        </select>
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
      {parties.status === 'error' ? <ErrorNotice error={parties.error} /> : null}
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

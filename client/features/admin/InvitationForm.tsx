import { type FormEvent, useId, useState } from 'react';
import { API } from '../../../shared/api/index';
import { ALL_ROLES, type Role } from '../../../shared/schemas/role';
import { api } from '../../api/transport';
import { useAction } from '../../api/useAction';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { subjectOf } from '../../crypto/safety-view';
import { currentWitnessPins } from '../../crypto/witness-pins';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';
import { useSignedIn } from '../../session/useSession';
import { useTrust } from '../../trust/useTrust';
import { inviterParam } from '../enrol/inviter-memory';
import { outOfBandLink } from './out-of-band-link';

/**
 * Invites a person into the admin's own party with a role; shows the one-time link, extended with
 * the log pin this browser holds and this admin's public keys (from the log's directory), so that
 * the invitee's browser pins the log from the link and can show the safety number to compare.
 */
export const InvitationForm = ({ onCreated }: { onCreated: () => void }) => {
  const { t } = useT('admin');
  const id = useId();
  const session = useSignedIn();
  const { status } = useLog();
  const { state: trust } = useTrust();
  const party = session?.person.party;
  // No default: an admin invitation by a slip of the hand would hand out the party's keys.
  const [role, setRole] = useState<Role | ''>('');
  const [name, setName] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const myKey = session && trust.status === 'ready' ? trust.directory.currentKey(session.person.id) : undefined;
  const create = (event: FormEvent) => {
    event.preventDefault();
    setLink(null);
    if (!party || role === '') {
      return;
    }
    run(
      async () => {
        const created = await api(API.createInvitation, { body: { partyId: party.id, role, name } });
        return outOfBandLink(window.location.origin, '/enrol', created.link, {
          logPin: status.pin ?? null,
          witnessPins: currentWitnessPins(),
        });
      },
      (pinned) => {
        setLink(myKey ? `${pinned}&${inviterParam(subjectOf(myKey))}` : pinned);
        setName('');
        setRole('');
        onCreated();
      },
    );
  };
  return (
    <>
      <form onSubmit={create} className="grid-form" aria-label={t('invite.formLabel')}>
        <span>{t('invite.party')}</span>
        <span data-testid="invite-party">
          <span dir="auto">{party?.name ?? '—'}</span> <span className="hint">{t('invite.ownPartyOnly')}</span>
        </span>
        <label htmlFor={`${id}-role`}>{t('invite.role')}</label>
        <select
          id={`${id}-role`}
          value={role}
          required
          onChange={(event) => setRole(event.target.value as Role | '')}
          data-testid="invite-role"
        >
          <option value="" disabled>
            {t('invite.chooseRole')}
          </option>
          {ALL_ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`common:account.role.${option}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-name`}>{t('invite.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          dir="auto"
          onChange={(event) => setName(event.target.value)}
          maxLength={120}
          required
          data-testid="invite-name"
        />
        <button type="submit" disabled={busy} data-testid="create-invitation">
          {t('invite.create')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {link ? (
        <div className="panel notice" role="status" data-testid="invitation-created">
          <p>{t('invite.linkOnce')}</p>
          <label htmlFor={`${id}-link`}>{t('invite.link')}</label>
          <input id={`${id}-link`} className="wide" readOnly value={link} data-testid="invitation-link" />
          <CopyButton text={link} label={t('invite.copy')} />
        </div>
      ) : null}
    </>
  );
};

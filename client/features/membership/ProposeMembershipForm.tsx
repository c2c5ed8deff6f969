import { type FormEvent, useState } from 'react';
import type { NamedParty } from '../../entries/membership-view';
import { useT } from '../../i18n/useT';
import { CheckboxGroup } from '../cases/CheckboxGroup';
import { TextField } from '../cases/TextField';

/**
 * Proposes adding parties to the stream and removing others: it takes effect only once every
 * member party consents. Leaving (removing only one's own party) is a separate button, at once.
 */
export const ProposeMembershipForm = ({
  candidates,
  members,
  ownParty,
  busy,
  onPropose,
}: {
  candidates: readonly NamedParty[];
  members: readonly NamedParty[];
  ownParty: string;
  busy: boolean;
  onPropose: (change: { add: string[]; remove: string[]; reason: string }, onDone: () => void) => void;
}) => {
  const { t } = useT('membership-screens');
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const others = members.filter((party) => party.id !== ownParty);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPropose({ add, remove, reason }, () => {
      setAdd([]);
      setRemove([]);
      setReason('');
    });
  };
  return (
    <form onSubmit={submit} className="entry-form" data-testid="propose-form" aria-label={t('propose.form')}>
      {candidates.length > 0 ? (
        <CheckboxGroup
          legend={t('propose.add')}
          options={candidates.map((party) => [party.id, party.name] as const)}
          selected={add}
          onChange={setAdd}
          testId="propose-add"
        />
      ) : null}
      {others.length > 0 ? (
        <CheckboxGroup
          legend={t('propose.remove')}
          options={others.map((party) => [party.id, party.name] as const)}
          selected={remove}
          onChange={setRemove}
          testId="propose-remove"
        />
      ) : null}
      <TextField
        label={t('propose.why')}
        value={reason}
        onChange={setReason}
        required
        multiline
        testId="propose-reason"
      />
      <button
        type="submit"
        disabled={busy || add.length + remove.length === 0 || reason.trim() === ''}
        data-testid="propose-submit"
      >
        {t('propose.submit')}
      </button>
    </form>
  );
};

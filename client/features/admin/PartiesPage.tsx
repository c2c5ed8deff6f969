import { type FormEvent, useId, useState } from 'react';
import { API } from '../../../shared/api/index';
import { api } from '../../api/transport';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';

/** Parties (delegations): the list, and a form to create one. */
export const PartiesPage = () => {
  const id = useId();
  const [parties, reload] = useQuery(() => api(API.listParties), []);
  const [name, setName] = useState('');
  const { busy, error, run } = useAction();
  const [created, setCreated] = useState<string | null>(null);
  const create = (event: FormEvent) => {
    event.preventDefault();
    run(
      () => api(API.createParty, { body: { name } }),
      (party) => {
        setCreated(party.name);
        setName('');
        reload();
      },
    );
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Parties</h1>
      <form onSubmit={create} className="inline-form" aria-label="Create a party">
        <label htmlFor={`${id}-name`}>Party name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          minLength={2}
          maxLength={120}
          required
          data-testid="party-name"
        />
        <button type="submit" disabled={busy} data-testid="create-party">
          Create party
        </button>
      </form>
      {created ? (
        <p role="status" data-testid="party-created">
          Created {created}.
        </p>
      ) : null}
      <ErrorNotice error={error} />
      {parties.status === 'loading' ? <Loading /> : null}
      <ErrorNotice error={parties.status === 'error' ? parties.error : null} />
      {parties.status === 'ready' ? (
        <ul data-testid="party-list">
          {parties.data.parties.map((party) => (
            <li key={party.id}>{party.name}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
};

import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { subjectOf } from '../../crypto/safety-view';
import { useSignedIn } from '../../session/useSession';
import { contactView } from '../../trust/contact-view';
import { useTrust } from '../../trust/useTrust';
import { DirectoryError } from './DirectoryError';
import { MarkVerified } from './MarkVerified';
import { RecipientStatus } from './RecipientStatus';
import { SafetyNumber } from './SafetyNumber';
import { useRecipientCheck } from './useRecipientCheck';
import { useReloadOnMount } from './useReloadOnMount';
import { VerificationBadge } from './VerificationBadge';

/** One person: their key, the safety number you share with them, and verification. */
export const PersonPage = () => {
  const { personId = '' } = useParams();
  const session = useSignedIn();
  const { state } = useTrust();
  const check = useRecipientCheck({ members: [], grantees: [personId] });
  useReloadOnMount();
  if (!session) {
    return null;
  }
  if (state.status === 'loading' || state.status === 'idle') {
    return <Loading what="Verifying the key directory" />;
  }
  if (state.status === 'error') {
    return <DirectoryError error={state.error} />;
  }
  const person = state.people.find((candidate) => candidate.id === personId);
  if (!person) {
    return (
      <p role="alert">
        No such person. <Link to="/people">All people</Link>
      </p>
    );
  }
  const contact = contactView(state, person);
  const isSelf = person.id === session.person.id;
  const mine = state.directory.currentKey(session.person.id);
  const theirs = state.directory.currentKey(person.id);
  return (
    <section aria-labelledby="person-title" data-testid="person-page">
      <h1 id="person-title">{contact.name}</h1>
      <p>
        {contact.role} of <Link to={`/parties/${contact.partyId}`}>{contact.partyName}</Link> · {contact.status}{' '}
        {isSelf ? null : <VerificationBadge state={contact.verification} />}
      </p>
      {isSelf ? null : <RecipientStatus check={check} />}
      <dl className="facts">
        <dt>Current key</dt>
        <dd>
          <code data-testid="person-key">{contact.keyId ?? 'none (pending or revoked)'}</code>
        </dd>
        <dt>Published</dt>
        <dd data-testid="key-origin">{contact.keyOrigin}</dd>
      </dl>
      {contact.conflict ? (
        <p role="alert" className="error" data-testid="person-conflict">
          The server describes {contact.name} otherwise than the signed log: {contact.conflict}. Sending is blocked
          while it does.
        </p>
      ) : null}
      {isSelf ? <p>This is you. Others see your safety number on their page for you.</p> : null}
      {!isSelf && theirs && mine ? (
        <>
          <h2>Safety number</h2>
          <p>
            Compare these 60 digits with {contact.name} in person or over a call you trust, or scan each other's QR
            code. If they match, nobody has swapped the keys between you.
          </p>
          <SafetyNumber mine={subjectOf(mine)} theirs={subjectOf(theirs)} />
          <MarkVerified contact={contact} />
        </>
      ) : null}
      {!isSelf && !mine ? <p className="notice">Your key is not published yet, so there is no safety number.</p> : null}
      {!isSelf && !theirs ? <p className="notice">{contact.name} has no current key.</p> : null}
    </section>
  );
};

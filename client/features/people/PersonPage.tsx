import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { subjectOf } from '../../crypto/safety-view';
import { useT } from '../../i18n/useT';
import { useSignedIn } from '../../session/useSession';
import { contactView } from '../../trust/contact-view';
import { useTrust } from '../../trust/useTrust';
import { DirectoryError } from './DirectoryError';
import { KeyOriginText } from './KeyOriginText';
import { MarkVerified } from './MarkVerified';
import { RecipientStatus } from './RecipientStatus';
import { SafetyNumber } from './SafetyNumber';
import { useRecipientCheck } from './useRecipientCheck';
import { useReloadOnMount } from './useReloadOnMount';
import { VerificationBadge } from './VerificationBadge';

/** One person: their key, the safety number you share with them, and verification. */
export const PersonPage = () => {
  const { t } = useT(['people-screens', 'common']);
  const { personId = '' } = useParams();
  const session = useSignedIn();
  const { state } = useTrust();
  const check = useRecipientCheck({ members: [], grantees: [personId] });
  useReloadOnMount();
  if (!session) {
    return null;
  }
  if (state.status === 'loading' || state.status === 'idle') {
    return <Loading what={t('verifyingDirectory')} />;
  }
  if (state.status === 'error') {
    return <DirectoryError error={state.error} />;
  }
  const person = state.people.find((candidate) => candidate.id === personId);
  if (!person) {
    return (
      <p role="alert">
        {t('person.noSuch')} <Link to="/people">{t('person.allPeople')}</Link>
      </p>
    );
  }
  const contact = contactView(state, person);
  const isSelf = person.id === session.person.id;
  const mine = state.directory.currentKey(session.person.id);
  const theirs = state.directory.currentKey(person.id);
  return (
    <section aria-labelledby="person-title" data-testid="person-page">
      <h1 id="person-title" dir="auto">
        {contact.name}
      </h1>
      <p>
        <Trans
          t={t}
          i18nKey="person.roleOf"
          values={{ role: t(`common:account.role.${contact.role}`), party: contact.partyName }}
          components={{ party: <Link to={`/parties/${contact.partyId}`} /> }}
        />{' '}
        · {t(`status.${contact.status}`)} {isSelf ? null : <VerificationBadge state={contact.verification} />}
      </p>
      {isSelf ? null : <RecipientStatus check={check} />}
      <dl className="facts">
        <dt>{t('person.currentKey')}</dt>
        <dd>
          <code data-testid="person-key">{contact.keyId ?? t('person.noKey')}</code>
        </dd>
        <dt>{t('person.published')}</dt>
        <dd data-testid="key-origin">
          <KeyOriginText origin={contact.keyOrigin} />
        </dd>
      </dl>
      {contact.conflict ? (
        <p role="alert" className="error" data-testid="person-conflict">
          {t('person.conflict', { name: contact.name, conflict: contact.conflict })}
        </p>
      ) : null}
      {isSelf ? <p>{t('person.self')}</p> : null}
      {!isSelf && theirs && mine ? (
        <>
          <h2>{t('person.safetyNumber')}</h2>
          <p>{t('person.compare', { name: contact.name })}</p>
          <SafetyNumber mine={subjectOf(mine)} theirs={subjectOf(theirs)} />
          <MarkVerified contact={contact} />
        </>
      ) : null}
      {!isSelf && !mine ? <p className="notice">{t('person.notPublished')}</p> : null}
      {!isSelf && !theirs ? <p className="notice">{t('person.noCurrentKey', { name: contact.name })}</p> : null}
    </section>
  );
};

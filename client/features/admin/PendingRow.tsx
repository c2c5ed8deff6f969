import { useId, useState } from 'react';
import type { z } from 'zod';
import type { DirectoryState, KeyRecord } from '../../../shared/directory/index';
import type { PendingEnrolment } from '../../../shared/schemas/identity';
import { useAction } from '../../api/useAction';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { endorseEnrolment, endorsementProblem } from '../../crypto/admin-actions';
import { subjectOf } from '../../crypto/safety-view';
import { useT } from '../../i18n/useT';
import { SafetyNumber } from '../people/SafetyNumber';

/**
 * One pending enrolment into the admin's party: who, the full safety number of their key with
 * this admin's key, how many of the party's admins have signed of how many its threshold
 * requires, "I compared" and then "Endorse" (the inviting admin first, then others of the party).
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
  const { t } = useT('admin');
  const id = useId();
  const { busy, error, run } = useAction();
  const [compared, setCompared] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { person, signed } = pending;
  const adminId = adminKey.person;
  const required = directory.partyRecord(signed.statement.party)?.threshold ?? 1;
  // The first signature is the new key's own; every later one is an admin's.
  const admins = signed.signatures.slice(1).map((signature) => signature.signer);
  const problem = endorsementProblem(signed, person.id, { id: adminId, party: adminKey.party });
  const hasSigned = admins.includes(adminId);
  return (
    <li className="card" data-testid="pending-row">
      <h2 dir="auto">{person.name}</h2>
      <p>
        {t('pending.who', { role: t(`common:account.role.${person.role}`), party: person.party.name })} ·{' '}
        {t('pending.key')} <code>{signed.statement.keyId}</code>
      </p>
      <p data-testid="endorsement-progress" data-signed={admins.length} data-required={required}>
        {t('pending.progress', { signed: admins.length, count: required })}
      </p>
      <SafetyNumber mine={subjectOf(adminKey)} theirs={subjectOf(signed.statement)} />
      {problem && !hasSigned ? (
        <p role="alert" className="hint" data-testid="endorse-not-yet">
          {t('pending.notYours', { problem })}
        </p>
      ) : null}
      {!problem ? (
        <>
          <p className="check">
            <input
              id={`${id}-compared`}
              type="checkbox"
              checked={compared}
              onChange={(event) => setCompared(event.target.checked)}
              data-testid="compared"
            />
            <label htmlFor={`${id}-compared`}>{t('pending.compared', { name: person.name })}</label>
          </p>
          <button
            type="button"
            className="primary"
            disabled={busy || !canSign || !compared}
            onClick={() => setConfirming(true)}
            aria-label={t('pending.endorseNamed', { name: person.name })}
            data-testid="endorse"
          >
            {busy ? t('pending.endorsing') : t('pending.endorse')}
          </button>
          {confirming ? (
            <ConfirmDialog
              open
              title={t('pending.confirmTitle', { name: person.name })}
              confirmLabel={t('pending.endorse')}
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false);
                run(() => endorseEnrolment(directory, adminId, pending), onEndorsed);
              }}
            >
              <p>{t('pending.confirmBody', { count: required })}</p>
            </ConfirmDialog>
          ) : null}
        </>
      ) : null}
      <ErrorNotice error={error} />
    </li>
  );
};

import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreedMinutesView } from '../../../shared/content/agreed-minutes-state';
import type { EntryView } from '../../entries/entry-view';
import { partyName } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';
import { VerificationState } from '../timeline/VerificationState';
import { personName, type WorkflowScope } from '../workflows/workflow-scope';
import { CountersignForm } from './CountersignForm';

const stateOf = (version: AgreedMinutesView['requested']) =>
  version.supersededBy ? 'superseded' : version.retractedBy ? 'retracted' : version.isAgreed ? 'agreed' : 'awaiting';

/** "supersedes version 1" or "Superseded by version 2: …", the version a link to its card. */
const VersionSentence = ({
  i18nKey,
  minutes,
  hash,
}: {
  i18nKey: 'panel.supersedes' | 'panel.supersededBy';
  minutes: AgreedMinutesView;
  hash: string;
}) => {
  const { t } = useT('agreed-minutes');
  const version = minutes.versions.find((candidate) => candidate.entryHash === hash)?.version ?? '?';
  return (
    <Trans
      t={t}
      i18nKey={i18nKey}
      values={{ version }}
      // biome-ignore lint/a11y/useAnchorContent: Trans puts the catalogue's words ("version 2") inside the link.
      components={{ link: <a href={`#entry-${hash}`} className="pointer" /> }}
    />
  );
};

/**
 * Where one version of agreed minutes stands: every listed party with its countersignature (who,
 * with what intent, when) or as awaited; agreed only when all have signed this exact hash. An old
 * version stays as it was signed, marked superseded; countersigning is offered on the open one only.
 */
export const AgreedMinutesPanel = ({
  entry,
  minutes,
  canCountersign,
  canSupersede,
  scope,
}: {
  entry: EntryView;
  minutes: AgreedMinutesView;
  canCountersign: boolean;
  canSupersede: boolean;
  scope: WorkflowScope;
}) => {
  const { t } = useT('agreed-minutes');
  const format = useUtcFormat();
  const version = minutes.requested;
  const state = stateOf(version);
  const name = (party: string) => partyName(scope.names, party);
  return (
    <div className={`minutes-state is-${state}`} data-testid="minutes-state" data-state={state}>
      <p>
        <strong data-testid="minutes-version">
          {t('panel.version', { version: version.version, count: minutes.versions.length })}
        </strong>
        {version.supersedes ? (
          <>
            {' '}
            · <VersionSentence i18nKey="panel.supersedes" minutes={minutes} hash={version.supersedes} />
          </>
        ) : null}
      </p>
      <p data-testid="minutes-status">
        {state === 'superseded' && version.supersededBy ? (
          <>
            <VersionSentence i18nKey="panel.supersededBy" minutes={minutes} hash={version.supersededBy} />{' '}
          </>
        ) : null}
        {state === 'retracted' ? t('panel.retracted') : null}
        {version.isAgreed
          ? t(version.isApprovedByAll ? 'panel.agreedApproved' : 'panel.agreed')
          : t('panel.awaiting', { parties: version.awaiting.map(name).join(', ') })}
      </p>
      <table className="signatures">
        <thead>
          <tr>
            <th scope="col">{t('panel.party')}</th>
            <th scope="col">{t('panel.countersignature')}</th>
          </tr>
        </thead>
        <tbody>
          {version.parties.map((party) => {
            const signature = version.countersignatures.find((signed) => signed.party === party);
            return (
              <tr key={party} data-testid="minutes-party" data-party={party} data-signed={signature ? 'yes' : 'no'}>
                <th scope="row">{name(party)}</th>
                <td>
                  {signature ? (
                    <>
                      {personName(scope, signature.person)}: {t(`intent.${signature.intent}`)},{' '}
                      <time dateTime={signature.receivedAt}>{format.instant(signature.receivedAt)}</time> ·{' '}
                      <VerificationState
                        checks={scope.checks.get(signature.entryHash)}
                        testId="countersignature-verification"
                      />
                    </>
                  ) : (
                    <span className="hint">{t('panel.awaitingOne')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canCountersign && scope.canWrite ? <CountersignForm minutes={entry} scope={scope} /> : null}
      {canSupersede && scope.canWrite ? (
        <Link
          to={`/threads/${entry.streamId}/agreed-minutes?supersedes=${encodeURIComponent(entry.entryHash)}`}
          className="button"
          data-testid="supersede-minutes"
        >
          {t('panel.propose')}
        </Link>
      ) : null}
    </div>
  );
};

/** On a countersignature: which version of which minutes it signs, and with what intent. */
export const CountersignatureNote = ({ entry, minutes }: { entry: EntryView; minutes: AgreedMinutesView }) => {
  const { t } = useT('agreed-minutes');
  const signed = minutes.versions.find((version) =>
    version.countersignatures.some((signature) => signature.entryHash === entry.entryHash),
  );
  const intent = signed?.countersignatures.find((signature) => signature.entryHash === entry.entryHash)?.intent;
  return (
    <p className="hint" data-testid="countersignature-of">
      {signed && intent
        ? t(signed.title ? 'panel.countersignsTitled' : 'panel.countersigns', {
            version: signed.version,
            title: signed.title,
            intent: t(`intent.${intent}`),
          })
        : t('panel.notCounted')}
    </p>
  );
};

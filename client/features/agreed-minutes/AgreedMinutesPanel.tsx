import { Link } from 'react-router';
import type { AgreedMinutesView } from '../../../shared/content/agreed-minutes-state';
import type { EntryView } from '../../entries/entry-view';
import { partyName } from '../../entries/entry-view';
import { formatInstant } from '../timeline/labels';
import { VerificationState } from '../timeline/VerificationState';
import { personName, type WorkflowScope } from '../workflows/workflow-scope';
import { CountersignForm } from './CountersignForm';
import { INTENT_LABELS } from './intent-labels';

const stateOf = (version: AgreedMinutesView['requested']) =>
  version.supersededBy ? 'superseded' : version.retractedBy ? 'retracted' : version.isAgreed ? 'agreed' : 'awaiting';

const VersionLink = ({ minutes, hash }: { minutes: AgreedMinutesView; hash: string }) => (
  <a href={`#entry-${hash}`} className="pointer">
    version {minutes.versions.find((version) => version.entryHash === hash)?.version ?? '?'}
  </a>
);

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
  const version = minutes.requested;
  const state = stateOf(version);
  const name = (party: string) => partyName(scope.names, party);
  return (
    <div className={`minutes-state is-${state}`} data-testid="minutes-state" data-state={state}>
      <p>
        <strong data-testid="minutes-version">
          Version {version.version} of {minutes.versions.length}
        </strong>
        {version.supersedes ? (
          <>
            {' '}
            · supersedes <VersionLink minutes={minutes} hash={version.supersedes} />
          </>
        ) : null}
      </p>
      <p data-testid="minutes-status">
        {state === 'superseded' && version.supersededBy ? (
          <>
            Superseded by <VersionLink minutes={minutes} hash={version.supersededBy} />: kept as it was signed.{' '}
          </>
        ) : null}
        {state === 'retracted' ? 'Retracted by its author. ' : null}
        {version.isAgreed
          ? `Agreed: every listed party countersigned this exact text${version.isApprovedByAll ? ' and approved it' : ''}.`
          : `Awaiting countersignature of ${version.awaiting.map(name).join(', ')}.`}
      </p>
      <table className="signatures">
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col">Countersignature</th>
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
                      {personName(scope, signature.person)}: {INTENT_LABELS[signature.intent]},{' '}
                      <time dateTime={signature.receivedAt}>{formatInstant(signature.receivedAt)}</time> ·{' '}
                      <VerificationState
                        checks={scope.checks.get(signature.entryHash)}
                        testId="countersignature-verification"
                      />
                    </>
                  ) : (
                    <span className="hint">awaiting</span>
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
          Propose a new version
        </Link>
      ) : null}
    </div>
  );
};

/** On a countersignature: which version of which minutes it signs, and with what intent. */
export const CountersignatureNote = ({ entry, minutes }: { entry: EntryView; minutes: AgreedMinutesView }) => {
  const signed = minutes.versions.find((version) =>
    version.countersignatures.some((signature) => signature.entryHash === entry.entryHash),
  );
  const intent = signed?.countersignatures.find((signature) => signature.entryHash === entry.entryHash)?.intent;
  return (
    <p className="hint" data-testid="countersignature-of">
      {signed && intent
        ? `Countersigns version ${signed.version}${signed.title ? ` of “${signed.title}”` : ''}: ${INTENT_LABELS[intent]}.`
        : 'Not counted: not a countersignature in force of a listed party.'}
    </p>
  );
};

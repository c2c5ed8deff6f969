import type { ReactNode } from 'react';
import type { Place } from '../../../shared/content/child-whereabouts';
import { type CaseRecordView, formatName } from '../../entries/case-view';
import { useT } from '../../i18n/useT';
import { AttachmentList } from '../attachments/AttachmentList';

const placeText = (place: Place | undefined): string | undefined =>
  place && [place.detail, place.settlement, place.region, place.country].filter(Boolean).join(', ');

const words = (value: string | undefined): string | undefined => value?.replaceAll('_', ' ');

const Fact = ({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) =>
  children === undefined || children === '' ? null : (
    <>
      <dt>{term}</dt>
      <dd {...(testId === undefined ? {} : { 'data-testid': testId })}>{children}</dd>
    </>
  );

/** The decrypted child record in force: identity, whereabouts, family, consent and photos. */
export const ChildRecord = ({ record, testId = 'child-record' }: { record: CaseRecordView; testId?: string }) => {
  const { t } = useT('case');
  const { birth, separation, lastKnownLocation: location, identity, consent } = record;
  return (
    <div className="child-record" data-testid={testId}>
      <AttachmentList files={record.photos ?? []} showImages />
      <dl className="facts">
        <Fact term={t('record.names')} testId="record-names">
          {record.names.length === 0
            ? t('record.notKnown')
            : record.names
                .map((name) => `${formatName(name)} (${words(name.kind)}, ${name.script}; ${name.source})`)
                .join(' · ')}
        </Fact>
        <Fact term={t('record.sex')}>{record.sex}</Fact>
        <Fact term={t('record.birth')} testId="record-birth">
          {birth?.dobEstimated === 'no'
            ? birth.date
            : birth
              ? `aged ${birth.ageMin}–${birth.ageMax} on ${birth.asOf} (estimated${birth.basis ? `: ${birth.basis}` : ''})`
              : undefined}
        </Fact>
        <Fact term={t('record.origin')}>{placeText(record.origin)}</Fact>
        <Fact term={t('record.separation')} testId="record-separation">
          {separation
            ? [
                separation.date && `${separation.date}${separation.dateApproximate === 'yes' ? ' (approx.)' : ''}`,
                placeText(separation.place),
                words(separation.separatedBy),
                words(separation.circumstances),
                separation.description,
              ]
                .filter(Boolean)
                .join(' — ')
            : undefined}
        </Fact>
        <Fact term={t('record.location')} testId="record-location">
          {location
            ? [
                placeText(location.place),
                location.facility,
                words(location.placement),
                location.asOf && `as of ${location.asOf}`,
                `confidence: ${words(location.confidence)}`,
              ]
                .filter(Boolean)
                .join(' — ')
            : undefined}
        </Fact>
        <Fact term={t('record.relatives')} testId="record-relatives">
          {record.relatives?.length
            ? record.relatives
                .map((relative) =>
                  [
                    words(relative.relation),
                    relative.name,
                    relative.contact,
                    `contact: ${words(relative.contactStatus)}`,
                    `consent: ${words(relative.consentStatus)}`,
                  ]
                    .filter(Boolean)
                    .join(', '),
                )
                .join(' · ')
            : undefined}
        </Fact>
        <Fact term={t('record.identity')} testId="record-identity">
          {identity
            ? `${words(identity.level)}${identity.sources.length ? ` — ${identity.sources.map((source) => [words(source.kind), source.reference].filter(Boolean).join(' ')).join('; ')}` : ''}`
            : undefined}
        </Fact>
        <Fact term={t('record.consent')} testId="record-consent">
          {consent
            ? `${words(consent.givenBy)}${consent.name ? ` (${consent.name})` : ''}, ${words(consent.legalBasis)}; scope: ${consent.scope.map(words).join(', ') || 'none'}`
            : undefined}
        </Fact>
        <Fact term={t('record.notes')}>{record.notes}</Fact>
      </dl>
    </div>
  );
};

import type { ReactNode } from 'react';
import type { Place } from '../../../shared/content/child-whereabouts';
import { type CaseRecordView, formatName } from '../../entries/case-view';
import { useT } from '../../i18n/useT';
import { AttachmentList } from '../attachments/AttachmentList';
import { useDisplayDate } from '../timeline/useDisplayDate';
import { type ValueGroup, valueLabel } from './value-labels';

const placeText = (place: Place | undefined): string | undefined =>
  place && [place.detail, place.settlement, place.region, place.country].filter(Boolean).join(', ');

const Fact = ({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) =>
  children === undefined || children === '' ? null : (
    <>
      <dt>{term}</dt>
      <dd {...(testId === undefined ? {} : { 'data-testid': testId })}>{children}</dd>
    </>
  );

/** The decrypted child record in force: identity, whereabouts, family, consent and photos. */
export const ChildRecord = ({ record, testId = 'child-record' }: { record: CaseRecordView; testId?: string }) => {
  const { t } = useT(['case', 'cases-record']);
  const { plainDate } = useDisplayDate();
  const words = (group: ValueGroup, value: string | undefined) => (value ? valueLabel(t, group, value) : undefined);
  const { birth, separation, lastKnownLocation: location, identity, consent } = record;
  return (
    <div className="child-record" data-testid={testId}>
      <AttachmentList files={record.photos ?? []} showImages />
      <dl className="facts">
        <Fact term={t('record.names')} testId="record-names">
          {record.names.length === 0
            ? t('record.notKnown')
            : record.names
                .map(
                  (name) =>
                    `${formatName(name)} (${words('nameKind', name.kind)}, ${words('scriptCode', name.script)}; ${name.source})`,
                )
                .join(' · ')}
        </Fact>
        <Fact term={t('record.sex')}>{words('sex', record.sex)}</Fact>
        <Fact term={t('record.birth')} testId="record-birth">
          {birth?.dobEstimated === 'no'
            ? plainDate(birth.date)
            : birth
              ? t(birth.basis ? 'cases-record:record.estimatedBirthWithBasis' : 'cases-record:record.estimatedBirth', {
                  min: birth.ageMin,
                  max: birth.ageMax,
                  asOf: plainDate(birth.asOf),
                  basis: birth.basis,
                })
              : undefined}
        </Fact>
        <Fact term={t('record.origin')}>{placeText(record.origin)}</Fact>
        <Fact term={t('record.separation')} testId="record-separation">
          {separation
            ? [
                separation.date &&
                  (separation.dateApproximate === 'yes'
                    ? t('cases-record:record.approximateDate', { date: plainDate(separation.date) })
                    : plainDate(separation.date)),
                placeText(separation.place),
                words('separatedBy', separation.separatedBy),
                words('circumstances', separation.circumstances),
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
                words('placement', location.placement),
                location.asOf && t('cases-record:record.asOf', { date: plainDate(location.asOf) }),
                t('cases-record:record.confidence', { confidence: words('confidence', location.confidence) }),
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
                    words('relation', relative.relation),
                    relative.name,
                    relative.contact,
                    t('cases-record:record.contact', { status: words('contactStatus', relative.contactStatus) }),
                    t('cases-record:record.consent', { status: words('consentStatus', relative.consentStatus) }),
                  ]
                    .filter(Boolean)
                    .join(', '),
                )
                .join(' · ')
            : undefined}
        </Fact>
        <Fact term={t('record.identity')} testId="record-identity">
          {identity
            ? [
                words('identityLevel', identity.level),
                identity.sources
                  .map((source) => [words('sourceKind', source.kind), source.reference].filter(Boolean).join(' '))
                  .join('; '),
              ]
                .filter(Boolean)
                .join(' — ')
            : undefined}
        </Fact>
        <Fact term={t('record.consent')} testId="record-consent">
          {consent
            ? t(consent.name ? 'cases-record:record.consentGivenNamed' : 'cases-record:record.consentGiven', {
                givenBy: words('givenBy', consent.givenBy),
                name: consent.name,
                legalBasis: words('legalBasis', consent.legalBasis),
                scope:
                  consent.scope.map((scope) => words('consentScope', scope)).join(', ') ||
                  t('cases-record:record.noScope'),
              })
            : undefined}
        </Fact>
        <Fact term={t('record.notes')}>{record.notes}</Fact>
      </dl>
    </div>
  );
};

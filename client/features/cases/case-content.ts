import type { CaseOpenContent } from '../../../shared/content/case-open-content';
import { birthOf, type CaseDraft, opt, placeOf, when } from './case-draft';

type Content = CaseOpenContent;

const locationOf = (location: CaseDraft['location']): Content['lastKnownLocation'] => {
  const place = placeOf(location.place);
  const facts = {
    ...when('place', place),
    ...opt('asOf', location.asOf),
    ...opt('facility', location.facility),
    ...opt('source', location.source),
    ...opt('databaseListing', location.databaseListing),
  };
  if (Object.keys(facts).length === 0 && location.placement === '' && location.confidence === '') {
    return undefined;
  }
  return {
    ...facts,
    ...(location.placement === '' ? {} : { placement: location.placement }),
    confidence: (location.confidence || 'unconfirmed') as 'unconfirmed',
    ...(location.naturalised === '' ? {} : { naturalised: location.naturalised }),
  } as Content['lastKnownLocation'];
};

const separationOf = (separation: CaseDraft['separation']): Content['separation'] => {
  const value = {
    ...opt('date', separation.date),
    ...(separation.dateApproximate && separation.date ? { dateApproximate: 'yes' } : {}),
    ...when('place', placeOf(separation.place)),
    ...opt('separatedBy', separation.separatedBy),
    ...opt('circumstances', separation.circumstances),
    ...opt('description', separation.description),
    ...opt('institutionOfOrigin', separation.institutionOfOrigin),
    ...opt('deprivedOfParentalCare', separation.deprivedOfParentalCare),
  };
  return Object.keys(value).length > 0 ? (value as Content['separation']) : undefined;
};

const consentOf = (consent: CaseDraft['consent']): Content['consent'] =>
  consent.givenBy === '' && consent.legalBasis === ''
    ? undefined
    : ({
        givenBy: consent.givenBy || 'parent',
        ...opt('name', consent.name),
        ...opt('date', consent.date),
        scope: consent.scope,
        legalBasis: consent.legalBasis || 'consent',
        withheldFrom: consent.withheldFrom
          .split(',')
          .map((label) => label.trim())
          .filter(Boolean)
          .map((label) => ({ label })),
        ...opt('note', consent.note),
      } as Content['consent']);

/**
 * The child record to seal, without photos (they are added once encrypted and uploaded). The
 * casts only narrow strings the form offers from the schema's own enums; the schema is checked
 * in full when the entry is sealed.
 */
export const toCaseOpenContent = (draft: CaseDraft): Content => {
  const names = draft.unknownName
    ? []
    : draft.names.map((name) => ({
        ...opt('given', name.given),
        ...opt('family', name.family),
        ...opt('patronymic', name.patronymic),
        kind: name.kind,
        script: name.script,
        ...opt('language', name.language),
        source: name.source.trim(),
      }));
  const sources = draft.identity.sources.map((source) => ({
    kind: source.kind,
    ...opt('reference', source.reference),
    ...opt('date', source.date),
    ...opt('note', source.note),
  }));
  const relatives = draft.relatives.map((relative) => ({
    relation: relative.relation,
    ...opt('name', relative.name),
    ...opt('isLegalGuardian', relative.isLegalGuardian),
    ...opt('contact', relative.contact),
    contactStatus: relative.contactStatus,
    consentStatus: relative.consentStatus,
    ...opt('note', relative.note),
  }));
  return {
    type: 'case_open',
    ...opt('fileNumber', draft.fileNumber),
    names,
    ...(draft.unknownName ? { unknownName: 'yes' } : {}),
    ...opt('sex', draft.sex),
    ...when('birth', birthOf(draft.birth)),
    ...when('origin', placeOf(draft.origin)),
    ...when('separation', separationOf(draft.separation)),
    ...when('lastKnownLocation', locationOf(draft.location)),
    ...(relatives.length > 0 ? { relatives } : {}),
    ...(draft.identity.level === '' ? {} : { identity: { level: draft.identity.level, sources } }),
    ...when('consent', consentOf(draft.consent)),
    ...opt('notes', draft.notes),
  } as Content;
};

/**
 * The "open a case" form's state and its conversion into a child record (`CaseOpenContent`).
 * Empty fields become absent members (content is canonical JSON: no empty strings, no nulls);
 * the schema itself is checked when the entry is sealed.
 */
import type { CaseOpenContent } from '../../../shared/content/case-open-content';
import type { Birth } from '../../../shared/content/child-birth';
import type { NameKind } from '../../../shared/content/child-identity';
import type { Place } from '../../../shared/content/child-whereabouts';

export type NameDraft = {
  given: string;
  family: string;
  patronymic: string;
  kind: NameKind;
  script: string;
  language: string;
  source: string;
};
export type PlaceDraft = { country: string; region: string; settlement: string; detail: string };
export type RelativeDraft = {
  relation: string;
  name: string;
  isLegalGuardian: string;
  contact: string;
  contactStatus: string;
  consentStatus: string;
  note: string;
};
export type SourceDraft = { kind: string; reference: string; date: string; note: string };

export type CaseDraft = {
  /** The organisation's own file number: sealed in the record, so it may be anything staff use. */
  fileNumber: string;
  members: string[];
  unknownName: boolean;
  names: NameDraft[];
  sex: string;
  birth: {
    mode: 'unknown' | 'exact' | 'estimated';
    date: string;
    ageMin: string;
    ageMax: string;
    asOf: string;
    basis: string;
  };
  origin: PlaceDraft;
  separation: {
    date: string;
    dateApproximate: boolean;
    place: PlaceDraft;
    separatedBy: string;
    circumstances: string;
    description: string;
    institutionOfOrigin: string;
    deprivedOfParentalCare: string;
  };
  location: {
    place: PlaceDraft;
    asOf: string;
    placement: string;
    facility: string;
    confidence: string;
    source: string;
    databaseListing: string;
    naturalised: string;
  };
  relatives: RelativeDraft[];
  identity: { level: string; sources: SourceDraft[] };
  consent: {
    givenBy: string;
    name: string;
    date: string;
    scope: string[];
    legalBasis: string;
    withheldFrom: string;
    note: string;
  };
  notes: string;
};

const emptyPlace = (): PlaceDraft => ({ country: '', region: '', settlement: '', detail: '' });

export const emptyName = (): NameDraft => ({
  given: '',
  family: '',
  patronymic: '',
  kind: 'birth',
  script: 'Cyrl',
  language: '',
  source: '',
});

export const emptyRelative = (): RelativeDraft => ({
  relation: 'mother',
  name: '',
  isLegalGuardian: '',
  contact: '',
  contactStatus: 'not_contacted',
  consentStatus: 'not_asked',
  note: '',
});

export const emptySource = (): SourceDraft => ({ kind: 'document', reference: '', date: '', note: '' });

export const emptyCaseDraft = (ownParty: string): CaseDraft => ({
  fileNumber: '',
  members: [ownParty],
  unknownName: false,
  names: [emptyName()],
  sex: '',
  birth: { mode: 'unknown', date: '', ageMin: '', ageMax: '', asOf: '', basis: '' },
  origin: emptyPlace(),
  separation: {
    date: '',
    dateApproximate: false,
    place: emptyPlace(),
    separatedBy: '',
    circumstances: '',
    description: '',
    institutionOfOrigin: '',
    deprivedOfParentalCare: '',
  },
  location: {
    place: emptyPlace(),
    asOf: '',
    placement: '',
    facility: '',
    confidence: '',
    source: '',
    databaseListing: '',
    naturalised: '',
  },
  relatives: [],
  identity: { level: '', sources: [] },
  consent: { givenBy: '', name: '', date: '', scope: [], legalBasis: '', withheldFrom: '', note: '' },
  notes: '',
});

/** `{ [key]: trimmed value }`, or nothing for an empty field. */
export const opt = <K extends string>(key: K, value: string): { [P in K]?: string } => {
  const trimmed = value.trim();
  return (trimmed === '' ? {} : { [key]: trimmed }) as { [P in K]?: string };
};

/** An object with at least one member, or undefined (an all-empty group is left out). */
const nonEmpty = <T extends object>(value: T): T | undefined => (Object.keys(value).length > 0 ? value : undefined);

export const placeOf = (place: PlaceDraft): Place | undefined =>
  nonEmpty({
    ...opt('country', place.country.toUpperCase()),
    ...opt('region', place.region),
    ...opt('settlement', place.settlement),
    ...opt('detail', place.detail),
  });

/** `{ [key]: value }` when value is defined. */
export const when = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export const birthOf = (birth: CaseDraft['birth']): Birth | undefined => {
  if (birth.mode === 'exact') {
    return { dobEstimated: 'no', date: birth.date };
  }
  if (birth.mode === 'estimated') {
    return {
      dobEstimated: 'yes',
      ageMin: Number(birth.ageMin),
      ageMax: Number(birth.ageMax || birth.ageMin),
      asOf: birth.asOf,
      ...opt('basis', birth.basis),
    };
  }
  return undefined;
};

export type { CaseOpenContent };

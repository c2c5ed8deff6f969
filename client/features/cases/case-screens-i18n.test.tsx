import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { CaseRecordView } from '../../entries/case-view';
import { renderInLanguage } from '../../i18n/render-in-language';
import { AgeBadge } from './AgeBadge';
import { BirthFieldset } from './BirthFieldset';
import { ChildRecord } from './ChildRecord';
import { ConsentFieldset } from './ConsentFieldset';
import { toCaseOpenContent } from './case-content';
import { type CaseDraft, emptyCaseDraft, emptyRelative, emptySource } from './case-draft';
import { IdentityFieldset } from './IdentityFieldset';
import { LocationFieldset } from './LocationFieldset';
import { NamesFieldset } from './NamesFieldset';
import { ParticipantsFieldset } from './ParticipantsFieldset';
import { RelativesFieldset } from './RelativesFieldset';
import { SeparationFieldset } from './SeparationFieldset';

const render = renderInLanguage;

/** What a person reads or hears: text between tags, option labels, and read attributes. */
const readText = (markup: string): string =>
  [
    ...[...markup.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((match) => match[1]),
    markup.replace(/<[^>]*>/g, ' '),
  ].join(' ');

/** Latin words of three letters or more: country and language codes (UA, uk) are shorter. */
const latinWords = (markup: string) => readText(markup).match(/[A-Za-z]{3,}/g) ?? [];

/** A draft with every part of the form shown, filled in the way a Ukrainian caseworker would. */
const draft: CaseDraft = {
  ...emptyCaseDraft('party-ua'),
  names: [
    {
      given: 'Олена',
      family: 'Коваленко',
      patronymic: 'Андріївна',
      kind: 'birth',
      script: 'Cyrl',
      language: 'uk',
      source: 'свідоцтво',
    },
  ],
  sex: 'female',
  birth: { mode: 'estimated', date: '', ageMin: '9', ageMax: '11', asOf: '2026-03-01', basis: 'огляд лікаря' },
  separation: {
    ...emptyCaseDraft('').separation,
    date: '2022-09-14',
    dateApproximate: true,
    separatedBy: 'front_line',
    circumstances: 'deportation',
  },
  location: {
    ...emptyCaseDraft('').location,
    asOf: '2026-01-10',
    placement: 'foster',
    confidence: 'confirmed_by_holder',
  },
  relatives: [{ ...emptyRelative(), relation: 'aunt_uncle', name: 'Ірина' }],
  identity: { level: 'documented', sources: [{ ...emptySource(), kind: 'national_register', reference: '№ 12' }] },
  consent: {
    ...emptyCaseDraft('').consent,
    givenBy: 'legal_guardian',
    legalBasis: 'vital_interests',
    scope: ['tracing', 'return'],
  },
};
const onChange = () => undefined;

const SCREENS: [string, ReactElement][] = [
  ['names', <NamesFieldset key="names" draft={draft} onChange={onChange} />],
  ['birth', <BirthFieldset key="birth" draft={draft} onChange={onChange} />],
  ['separation', <SeparationFieldset key="separation" draft={draft} onChange={onChange} />],
  ['location', <LocationFieldset key="location" draft={draft} onChange={onChange} />],
  ['relatives', <RelativesFieldset key="relatives" draft={draft} onChange={onChange} />],
  ['identity', <IdentityFieldset key="identity" draft={draft} onChange={onChange} />],
  ['consent', <ConsentFieldset key="consent" draft={draft} onChange={onChange} />],
  [
    'participants',
    <ParticipantsFieldset
      key="participants"
      participants={[{ name: 'Ірина', party: '', role: '' }]}
      parties={[]}
      onChange={onChange}
    />,
  ],
  ['record', <ChildRecord key="record" record={toCaseOpenContent(draft) as CaseRecordView} />],
  ['age', <AgeBadge key="age" age={{ min: 17, max: 18, isEstimated: true, hasTurned18: false }} />],
];

describe('the open-case form and the child record speak the language on screen', () => {
  it.each(SCREENS)('%s: no English word in Ukrainian or Russian', (_, screen) => {
    for (const language of ['uk', 'ru']) {
      expect(latinWords(render(language, screen)), language).toEqual([]);
    }
  });

  it('keeps the English wording the browser tests look for', () => {
    const record = render('en', <ChildRecord record={toCaseOpenContent(draft) as CaseRecordView} />);
    expect(readText(record)).toContain('confidence: confirmed by holder');
    expect(readText(record)).toContain('aunt uncle, Ірина, contact: not contacted, consent: not asked');
    expect(readText(render('en', <RelativesFieldset draft={draft} onChange={onChange} />))).toContain(
      'Add a relative or guardian',
    );
  });

  it('writes the values of the record in words, not schema identifiers', () => {
    const record = readText(render('uk', <ChildRecord record={toCaseOpenContent(draft) as CaseRecordView} />));
    expect(record).toContain('тітка або дядько');
    expect(record).toContain('депортація');
    expect(record).not.toMatch(/_/);
  });

  it('writes calendar dates the way each language does, on the day written', () => {
    const record = (language: string) =>
      readText(render(language, <ChildRecord record={toCaseOpenContent(draft) as CaseRecordView} />));
    expect(record('en')).toContain('14 Sept 2022 (approx.)');
    expect(record('uk')).toMatch(/14 вер\. 2022 р\. \(приблизно\)/);
    expect(record('ru')).toMatch(/14 сент\. 2022 г\. \(приблизительно\)/);
  });
});

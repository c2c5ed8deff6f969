/**
 * Eight invented children for tests and documentation only, shaped on the US channel of
 * October 2025 (domain.md): three separated by the front line, five taken across the border.
 * Three were taken as minors and have since turned 18 (one of them on an estimated age), one is
 * too uncertain to tell, and one was already an adult when separated.
 */
import type { CaseOpenContent } from './case-open-content';
import type { Birth } from './child-birth';

type Child = { readonly given: string; readonly family: string; readonly latin: string; readonly birth?: Birth };

const CHILDREN: readonly (Child & {
  readonly separatedBy: 'front_line' | 'international_border';
  readonly on: string;
})[] = [
  {
    given: 'Олена',
    family: 'Коваль',
    latin: 'Olena Koval',
    separatedBy: 'front_line',
    on: '2022-03-12',
    birth: { dobEstimated: 'no', date: '2013-05-02' },
  },
  {
    given: 'Максим',
    family: 'Бондар',
    latin: 'Maksym Bondar',
    separatedBy: 'front_line',
    on: '2022-03-12',
    birth: { dobEstimated: 'no', date: '2016-11-20' },
  },
  {
    given: 'Дарина',
    family: 'Ткаченко',
    latin: 'Daryna Tkachenko',
    separatedBy: 'front_line',
    on: '2022-09-30',
    birth: { dobEstimated: 'no', date: '2003-01-15' },
  },
  {
    given: 'Артем',
    family: 'Мельник',
    latin: 'Artem Melnyk',
    separatedBy: 'international_border',
    on: '2022-04-01',
    birth: { dobEstimated: 'no', date: '2006-03-10' },
  },
  {
    given: 'Софія',
    family: 'Шевченко',
    latin: 'Sofiia Shevchenko',
    separatedBy: 'international_border',
    on: '2022-04-01',
    birth: { dobEstimated: 'no', date: '2007-09-01' },
  },
  {
    given: 'Богдан',
    family: 'Кравець',
    latin: 'Bohdan Kravets',
    separatedBy: 'international_border',
    on: '2022-05-01',
    birth: { dobEstimated: 'yes', ageMin: 15, ageMax: 16, asOf: '2022-05-01', basis: 'medical assessment' },
  },
  {
    given: 'Іван',
    family: 'Олійник',
    latin: 'Ivan Oliinyk',
    separatedBy: 'international_border',
    on: '2022-06-01',
    birth: { dobEstimated: 'yes', ageMin: 14, ageMax: 15, asOf: '2022-06-01', basis: "holder's statement" },
  },
  { given: 'Анна', family: 'Лисенко', latin: 'Anna Lysenko', separatedBy: 'international_border', on: '2022-08-15' },
];

/** The eight case records, in the order of the list handed over. */
export const sampleChildren = (): CaseOpenContent[] =>
  CHILDREN.map((child) => {
    const [latinGiven = child.latin, latinFamily = child.latin] = child.latin.split(' ');
    return {
      type: 'case_open',
      names: [
        {
          given: child.given,
          family: child.family,
          kind: 'birth',
          script: 'Cyrl',
          language: 'uk',
          source: 'birth certificate',
        },
        {
          given: latinGiven,
          family: latinFamily,
          kind: 'transliteration',
          script: 'Latn',
          language: 'uk-Latn',
          source: 'KMU 55 transliteration',
        },
      ],
      ...(child.birth ? { birth: child.birth } : {}),
      origin: { country: 'UA', region: 'Khersonska oblast' },
      separation: {
        date: child.on,
        separatedBy: child.separatedBy,
        circumstances: child.separatedBy === 'front_line' ? 'evacuation' : 'deportation',
      },
      lastKnownLocation: { placement: 'institution', confidence: 'confirmed_by_holder' },
      relatives: [{ relation: 'mother', contactStatus: 'in_contact', consentStatus: 'given' }],
      identity: { level: 'jointly_verified', sources: [{ kind: 'commissioner_check', date: '2025-10-15' }] },
      consent: {
        givenBy: 'parent',
        scope: ['tracing', 'share_with_counterpart', 'share_with_intermediary', 'return'],
        legalBasis: 'consent',
        withheldFrom: [{ label: 'prosecution files without a separate basis' }],
      },
    };
  });

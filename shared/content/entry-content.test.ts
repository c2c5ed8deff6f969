import { describe, expect, expectTypeOf, it } from 'vitest';
import { EntryType } from '../schemas/entry-type';
import { EntryContent } from './entry-content';
import { sampleChildren } from './sample-children';
import { sampleBytes, sampleUuid } from './sample-log';

const [olena] = sampleChildren();
const hash = (label: string) => sampleBytes(label, 32);
const attachment = (id: string) => ({
  id: sampleUuid(id),
  name: 'birth-certificate.pdf',
  mediaType: 'application/pdf',
  size: 182_044,
  key: sampleBytes(`${id}/key`, 32),
  header: sampleBytes(`${id}/header`, 24),
  digest: hash(`${id}/digest`),
});
const refuses = (value: unknown) => expect(EntryContent.safeParse(value).success).toBe(false);
const accepts = (value: unknown) => expect(EntryContent.safeParse(value).error?.issues).toBeUndefined();

describe('EntryContent', () => {
  it('has exactly one content variant per entry type', () => {
    expectTypeOf<EntryContent['type']>().toEqualTypeOf<EntryType>();
    expect(EntryContent.options.map((option) => option.shape.type.value).sort()).toEqual([...EntryType.options].sort());
  });

  it('accepts a full child record with names in two scripts', () => {
    accepts({ ...olena, photos: [attachment('photo')], notes: 'Mother in contact through the ombudsman.' });
  });

  it('accepts a child whose name nobody knows yet, said explicitly', () => {
    accepts({ type: 'case_open', names: [], unknownName: 'yes', sex: 'male' });
    refuses({ type: 'case_open', names: [] });
    refuses({ ...olena, unknownName: 'yes' });
  });

  it('refuses booleans, null and unknown members: content is canonical JSON of strings and integers', () => {
    refuses({ type: 'case_open', names: [], unknownName: true });
    refuses({ ...olena, sex: null });
    refuses({ ...olena, nationalId: '1234' });
  });

  it('keeps an estimated age as a range, and refuses an inverted one', () => {
    accepts({ ...olena, birth: { dobEstimated: 'yes', ageMin: 14, ageMax: 15, asOf: '2022-06-01' } });
    refuses({ ...olena, birth: { dobEstimated: 'yes', ageMin: 15, ageMax: 14, asOf: '2022-06-01' } });
    refuses({ ...olena, birth: { dobEstimated: 'no', ageMin: 14, ageMax: 15, asOf: '2022-06-01' } });
  });

  it('ties status fields to their status', () => {
    accepts({ type: 'status_change', status: 'located', locationConfidence: 'confirmed_by_intermediary', note: '' });
    refuses({ type: 'status_change', status: 'located', note: '' });
    refuses({ type: 'status_change', status: 'returned', locationConfidence: 'unconfirmed', note: '' });
    accepts({ type: 'status_change', status: 'reunified', reunifiedWith: [{ relation: 'grandparent' }], note: '' });
    refuses({ type: 'status_change', status: 'returned', reunifiedWith: [{ relation: 'mother' }], note: '' });
    refuses({ type: 'status_change', status: 'disputed', note: 'contested' });
    refuses({ type: 'status_change', status: 'declined_return', note: 'the person declines' });
    accepts({ type: 'status_change', status: 'declined_return', consentEvidence: hash('consent'), note: '' });
  });

  it('follows diplomatic forms: numbered notes verbales, no courtesy formula in an aide-memoire, no attribution on a non-paper', () => {
    const written = { subject: 'Lists', body: 'The Embassy presents its compliments…', attachments: [] };
    accepts({ type: 'note_verbale', ...written, number: 412, reference: 'No. 412/2025' });
    refuses({ type: 'note_verbale', ...written });
    refuses({ type: 'aide_memoire', ...written, salutation: 'Excellency,' });
    accepts({ type: 'non_paper', ...written, attribution: 'none' });
    refuses({ type: 'non_paper', ...written });
  });

  it('refuses an attachment listed twice or with a key of the wrong length', () => {
    const base = { type: 'letter', subject: 'Documents', body: 'Enclosed.' };
    accepts({ ...base, attachments: [attachment('a'), attachment('b')] });
    refuses({ ...base, attachments: [attachment('a'), attachment('a')] });
    refuses({ ...base, attachments: [{ ...attachment('a'), key: sampleBytes('short', 16) }] });
    refuses({ ...base, attachments: [{ ...attachment('a'), mediaType: 'PDF' }] });
  });

  it('keeps a place for meetings and a medium for calls, and clause numbers unique', () => {
    const minutes = {
      type: 'minutes',
      date: '2025-10-15',
      participants: [{ name: 'Commissioner' }],
      subject: 'Joint check',
      text: 'Notes.',
      attachments: [],
    };
    accepts({ ...minutes, kind: 'call', medium: 'secure video' });
    refuses({ ...minutes, kind: 'call', place: 'Doha' });
    refuses({ ...minutes, kind: 'meeting', medium: 'telephone' });
    const agreed = {
      type: 'agreed_minutes',
      title: 'Agreed minutes',
      date: '2025-10-24',
      participants: [{ name: 'Envoy' }],
      attachments: [],
    };
    refuses({
      ...agreed,
      clauses: [
        { number: 1, text: 'a' },
        { number: 1, text: 'b' },
      ],
    });
  });

  it('checks a commitment names two different parties and a source that can bind', () => {
    const commitment = {
      type: 'commitment',
      commitmentId: sampleUuid('c'),
      source: { kind: 'exchange_of_notes', notes: [hash('note-1'), hash('note-2')] },
      obligor: sampleUuid('RU'),
      obligee: sampleUuid('UA'),
      text: 'Returns within 30 days.',
      scope: {
        kind: 'cohort',
        cohort: { rule: 'taken_as_minor_now_adult', asOf: '2025-10-24' },
        caseIds: [sampleUuid('case')],
      },
      madeAt: '2025-10-24',
      due: { kind: 'within_days', days: 30, of: hash('minutes') },
    };
    accepts(commitment);
    refuses({ ...commitment, obligee: commitment.obligor });
    refuses({ ...commitment, intermediary: commitment.obligee });
    refuses({ ...commitment, source: { kind: 'exchange_of_notes', notes: [hash('n'), hash('n')] } });
    refuses({ ...commitment, scope: { kind: 'cases', caseIds: [] } });
    refuses({ ...commitment, due: { kind: 'within_days', days: 0, of: hash('minutes') } });
  });

  it('requires an update to say something, and an amendment to carry amendable content', () => {
    refuses({ type: 'commitment_update', note: '' });
    accepts({
      type: 'commitment_update',
      fulfilment: { caseId: sampleUuid('case'), evidenceEntry: hash('e') },
      note: '',
    });
    accepts({
      type: 'amendment',
      replacement: { type: 'status_change', status: 'in_transit', note: '' },
      reason: 'Date corrected',
    });
    refuses({ type: 'amendment', replacement: { type: 'commitment_update', note: '' }, reason: 'empty' });
    refuses({ type: 'amendment', replacement: { type: 'countersignature' }, reason: 'cannot amend intent' });
  });

  it('grants content keys of 32 bytes, each entry once', () => {
    const grant = { entryHash: hash('entry'), contentKey: sampleBytes('k', 32) };
    accepts({ type: 'disclosure', grants: [grant], purpose: 'Joint verification by the ombudsman', scope: 'entries' });
    refuses({ type: 'disclosure', grants: [grant, grant], purpose: 'twice', scope: 'entries' });
    refuses({
      type: 'disclosure',
      grants: [{ ...grant, contentKey: sampleBytes('k', 24) }],
      purpose: 'p',
      scope: 'case',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { encodeContent } from '../../../shared/content/encode-content';
import { emptyCommitmentDraft, toCommitmentContent } from './commitment-draft';

const ID = '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const RU = '11111111-1111-4111-8111-111111111111';
const UA = '22222222-2222-4222-8222-222222222222';
const CASE_A = '33333333-3333-4333-8333-333333333333';
const CASE_B = '44444444-4444-4444-8444-444444444444';
const MINUTES = 'A'.repeat(43);

const base = {
  ...emptyCommitmentDraft('2026-11-29'),
  obligor: RU,
  obligee: UA,
  text: ' The listed children will be returned. ',
  minutes: MINUTES,
  clause: '2',
  caseIds: [CASE_A],
  dueDate: '2026-03-31',
};

describe('toCommitmentContent', () => {
  it('writes a clause source, listed cases and a date, which the schema accepts', () => {
    const content = toCommitmentContent(base, ID, [CASE_B]);
    expect(content).toEqual({
      type: 'commitment',
      commitmentId: ID,
      source: { kind: 'agreed_minutes', entry: MINUTES, clause: 2 },
      obligor: RU,
      obligee: UA,
      text: 'The listed children will be returned.',
      scope: { kind: 'cases', caseIds: [CASE_A] },
      madeAt: '2026-11-29',
      due: { kind: 'date', date: '2026-03-31' },
    });
    expect(() => encodeContent(content)).not.toThrow();
  });

  it('freezes a cohort as the case ids the rule selected, and counts days from an entry', () => {
    const content = toCommitmentContent(
      { ...base, scopeKind: 'cohort', cohortAsOf: '2026-11-01', dueKind: 'within_days', dueDays: '30', dueOf: MINUTES },
      ID,
      [CASE_B, CASE_A],
    );
    expect(content.scope).toEqual({
      kind: 'cohort',
      cohort: { rule: 'taken_as_minor_now_adult', asOf: '2026-11-01' },
      caseIds: [CASE_B, CASE_A],
    });
    expect(content.due).toEqual({ kind: 'within_days', days: 30, of: MINUTES });
    expect(() => encodeContent(content)).not.toThrow();
  });

  it('leaves the schema to refuse the same party as obligor and obligee', () => {
    expect(() => encodeContent(toCommitmentContent({ ...base, obligee: RU }, ID, []))).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { encodeContent } from '../../../shared/content/encode-content';
import { draftSuperseding, emptyAgreedMinutesDraft, toAgreedMinutesContent } from './agreed-minutes-draft';

const PARTY = '0f0e5c1a-4b7d-4c1e-8a2b-3c4d5e6f7a8b';

describe('agreed minutes drafts', () => {
  it('numbers the non-empty clauses from 1 and leaves empty optional fields out', () => {
    const draft = {
      ...emptyAgreedMinutesDraft('2026-11-20'),
      title: ' Joint check ',
      participants: [{ name: 'Envoy ', party: PARTY, role: '' }],
      clauses: ['First.', '  ', 'Second.'],
    };
    const content = toAgreedMinutesContent(draft);
    expect(content).toEqual({
      type: 'agreed_minutes',
      title: 'Joint check',
      date: '2026-11-20',
      participants: [{ name: 'Envoy', party: PARTY }],
      clauses: [
        { number: 1, text: 'First.' },
        { number: 2, text: 'Second.' },
      ],
      attachments: [],
    });
    expect(() => encodeContent(content)).not.toThrow();
  });

  it('starts a new version from the text it supersedes, in clause order, with the changes to state', () => {
    const draft = draftSuperseding({
      type: 'agreed_minutes',
      title: 'Joint check',
      date: '2026-11-20',
      place: 'Doha',
      participants: [{ name: 'Envoy', role: 'chair' }],
      clauses: [
        { number: 2, text: 'Second.' },
        { number: 1, text: 'First.' },
      ],
      changes: 'Old note',
    });
    expect(draft).toEqual({
      title: 'Joint check',
      date: '2026-11-20',
      place: 'Doha',
      participants: [{ name: 'Envoy', party: '', role: 'chair' }],
      clauses: ['First.', 'Second.'],
      changes: '',
    });
    expect(toAgreedMinutesContent({ ...draft, changes: 'Clause 2 corrected' }).changes).toBe('Clause 2 corrected');
  });

  it('produces content its schema refuses when no clause is written', () => {
    const content = toAgreedMinutesContent({ ...emptyAgreedMinutesDraft('2026-11-20'), title: 'T' });
    expect(content.clauses).toEqual([]);
    expect(() => encodeContent({ ...content, participants: [{ name: 'A' }] })).toThrow();
  });
});

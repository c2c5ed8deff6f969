import { describe, expect, it } from 'vitest';
import type { ContentView } from '../../entries/content-view';
import { claimSummary } from './claim-summary';

describe('claimSummary', () => {
  it('states a status change with its note', () => {
    expect(claimSummary({ type: 'status_change', status: 'returned', note: 'At the border' })).toBe(
      'Status: Returned (At the border)',
    );
  });

  it('reads a dispute by its counter-claim, or by its reasons when it has none', () => {
    const dispute: ContentView = {
      type: 'dispute',
      reasons: ['Not him.', 'Wrong papers.'],
      evidence: { entries: [], attachments: [] },
    };
    expect(claimSummary({ ...dispute, counterClaim: '19, not 29' })).toBe('19, not 29');
    expect(claimSummary(dispute)).toBe('Not him. Wrong papers.');
  });

  it('cites the clauses of agreed minutes by number', () => {
    const minutes: ContentView = {
      type: 'agreed_minutes',
      title: 'Joint check',
      date: '2026-11-20',
      participants: [{ name: 'Envoy' }],
      clauses: [
        { number: 1, text: 'One.' },
        { number: 2, text: 'Two.' },
      ],
      attachments: [],
    };
    expect(claimSummary(minutes)).toBe('Joint check: (1) One. (2) Two.');
  });

  it('claims nothing for a receipt', () => {
    expect(claimSummary({ type: 'acknowledgement' })).toBeUndefined();
  });
});

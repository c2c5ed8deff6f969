import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ContentView } from '../../entries/content-view';
import { catalogues, namespaces } from '../../i18n/catalogues';
import { claimSummary } from './claim-summary';

const resources = catalogues();
const i18n = createInstance();
void i18n.init({
  resources,
  ns: namespaces(resources),
  defaultNS: 'common',
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const en = i18n.getFixedT('en');
const uk = i18n.getFixedT('uk');
const ru = i18n.getFixedT('ru');

describe('claimSummary', () => {
  it('states a status change with its note', () => {
    expect(claimSummary({ type: 'status_change', status: 'returned', note: 'At the border' }, en)).toBe(
      'Status: Returned (At the border)',
    );
  });

  it('states it in the language on screen, keeping what people wrote as written', () => {
    const status: ContentView = { type: 'status_change', status: 'returned', note: 'At the border' };
    expect(claimSummary(status, uk)).toBe('Статус: Повернуто (At the border)');
    expect(claimSummary(status, ru)).toBe('Статус: Возвращён (At the border)');
    const evidence: ContentView = {
      type: 'evidence',
      caseId: 'c',
      kind: 'handover_record',
      summary: 'Signed.',
      attachments: [],
    };
    expect(claimSummary(evidence, en)).toBe('Evidence (record of a handover): Signed.');
    expect(claimSummary(evidence, uk)).toBe('Доказ (акт передання): Signed.');
    expect(claimSummary({ type: 'commitment_update', status: 'in_progress', note: '' }, ru)).toBe(
      'Позиция: выполняется',
    );
  });

  it('reads a dispute by its counter-claim, or by its reasons when it has none', () => {
    const dispute: ContentView = {
      type: 'dispute',
      reasons: ['Not him.', 'Wrong papers.'],
      evidence: { entries: [], attachments: [] },
    };
    expect(claimSummary({ ...dispute, counterClaim: '19, not 29' }, en)).toBe('19, not 29');
    expect(claimSummary(dispute, en)).toBe('Not him. Wrong papers.');
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
    expect(claimSummary(minutes, en)).toBe('Joint check: (1) One. (2) Two.');
  });

  it('claims nothing for a receipt', () => {
    expect(claimSummary({ type: 'acknowledgement' }, en)).toBeUndefined();
  });
});

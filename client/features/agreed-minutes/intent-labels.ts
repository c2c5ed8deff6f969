import type { CountersignIntent } from '../../../shared/schemas/entry';

/** What each countersignature intent means (VCLT art. 10 and 12). */
export const INTENT_LABELS: Readonly<Record<CountersignIntent, string>> = {
  authenticate: 'Authenticate the text (initialled)',
  ad_referendum: 'Ad referendum (subject to confirmation)',
  approve: 'Approve',
};

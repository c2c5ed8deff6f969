/**
 * Which status a case may move to next: one step along the main path (a case cannot jump from
 * reported to returned), or aside into a side state and back to where it left the path. Clients
 * offer only these; the server cannot read a status to refuse one.
 */
import type { CaseStatus } from './status-change-content';

/** The main path, in order. */
export const MAIN_PATH: readonly CaseStatus[] = [
  'reported',
  'identity_verified',
  'located',
  'on_list',
  'return_agreed',
  'in_transit',
  'returned',
  'reunified',
  'follow_up',
  'closed',
];

const SIDE_STATES: readonly CaseStatus[] = ['disputed', 'no_longer_sought', 'deceased', 'declined_return', 'withdrawn'];
const FINAL: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['closed', 'deceased']);

/**
 * The statuses a case may take next, given its statuses in force in chain order (empty: just
 * reported). A final state may only be disputed.
 */
export const nextStatuses = (history: readonly CaseStatus[]): CaseStatus[] => {
  const current = history.at(-1) ?? 'reported';
  const sides = SIDE_STATES.filter((status) => status !== current);
  if (FINAL.has(current)) {
    return current === 'closed' ? ['disputed'] : sides.filter((status) => status === 'disputed');
  }
  const lastMain = [...history].reverse().find((status) => MAIN_PATH.includes(status)) ?? 'reported';
  const step = MAIN_PATH[MAIN_PATH.indexOf(lastMain) + 1];
  const forward = step === undefined ? [] : [step];
  // From a side state the case resumes where it left the path, or takes the next step.
  const resume = MAIN_PATH.includes(current) ? [] : [lastMain];
  return [...resume, ...forward, ...sides];
};

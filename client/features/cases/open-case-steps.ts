/**
 * The open-case form's steps, one group of fieldsets each, in order; the last one reviews the
 * record and seals it.
 */
export const OPEN_CASE_STEPS = ['parties', 'child', 'separation', 'family', 'review'] as const;

export type OpenCaseStep = (typeof OPEN_CASE_STEPS)[number];

/** The step a stored position stands for: a whole index within the steps (a draft may be stale). */
export const stepIndexOf = (position: number): number =>
  Number.isFinite(position) ? Math.min(Math.max(Math.trunc(position), 0), OPEN_CASE_STEPS.length - 1) : 0;

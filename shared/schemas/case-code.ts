/**
 * A case's clear reference: an opaque code the opening client draws at random, so nothing a
 * person types about a child can reach a header the server, reviewers and the log keep forever.
 * Spec: docs/PROTOCOL.md#41-header-fields
 */
import { base32crockford } from '@scure/base';
import { z } from 'zod';

/** Random bytes behind a case code: 80 bits, 16 Crockford base32 characters. */
export const CASE_CODE_BYTES = 10;

const CASE_CODE_GRAMMAR = /^C-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** `C-` and four groups of four Crockford base32 characters, e.g. `C-7K2M-Q9XD-4HTR-V0BN`. */
export const CaseCode = z.string().regex(CASE_CODE_GRAMMAR, 'must be a case code such as C-7K2M-Q9XD-4HTR-V0BN');
export type CaseCode = z.infer<typeof CaseCode>;

/** Whether a stream's clear reference is a case code (older logs may hold staff-typed labels). */
export const isCaseCode = (reference: string): reference is CaseCode => CASE_CODE_GRAMMAR.test(reference);

/** The case code for `random` (exactly {@link CASE_CODE_BYTES} bytes from a CSPRNG). */
export const caseCodeFrom = (random: Uint8Array): CaseCode => {
  if (random.length !== CASE_CODE_BYTES) {
    throw new RangeError(`a case code needs ${CASE_CODE_BYTES} random bytes, got ${random.length}`);
  }
  const text = base32crockford.encode(random);
  return `C-${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}`;
};

/**
 * Draws a fresh case code from the CSPRNG; the opening client does this, never a person.
 * Spec: docs/PROTOCOL.md#41-header-fields
 */
import { CASE_CODE_BYTES, type CaseCode, caseCodeFrom } from '../schemas/case-code';
import { randomBytes } from './random';

/** A new random case code; `initCrypto()` must have resolved. */
export const drawCaseCode = (): CaseCode => caseCodeFrom(randomBytes(CASE_CODE_BYTES));

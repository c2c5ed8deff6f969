/**
 * The rules a JSON text from outside must obey beyond RFC 8259 (docs/PROTOCOL.md §1.5): the
 * member names no Parley format uses and JavaScript treats specially, numbers in their one JCS
 * form, and where in a document a breach was found.
 */

/** A place in a JSON document: member names and array indexes from the top. */
export type JsonPath = readonly (string | number)[];

/** A breach of the JSON rules: where it is, and why, in words. */
export type JsonViolation = { readonly path: JsonPath; readonly reason: string };

/**
 * Member names refused at every level. No Parley format uses them, and JavaScript parsers treat
 * them specially: `JSON.parse` keeps an own `__proto__` member that zod's record parser drops, so
 * a signed record could carry an unsigned member that one reader sees and another does not.
 */
export const FORBIDDEN_MEMBER_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a member name is refused, or undefined when it may be used. */
export const findMemberNameProblem = (name: string, isWellFormed: boolean): string | undefined => {
  if (FORBIDDEN_MEMBER_NAMES.has(name)) {
    return `member name ${JSON.stringify(name)} is never allowed`;
  }
  return isWellFormed ? undefined : 'member name is not well-formed Unicode (it holds a lone surrogate)';
};

/**
 * True when `text` is how RFC 8785 writes the number it denotes (ECMAScript's Number::toString):
 * `2`, never `2.0`, `2e0`, `02` or `-0`; a number that does not survive a round trip through a
 * 64-bit float (such as 2^53 + 1) has no such form either.
 */
export const isCanonicalNumberText = (text: string, value: number): boolean =>
  Number.isFinite(value) && String(value) === text;

const PLAIN_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A path as text: `entries[2].header.meta`, or `(top level)` for the document itself. Other names
 * are quoted as JSON strings (`header["x\\ud800"]`), so the text never carries a lone surrogate.
 */
export const formatJsonPath = (path: JsonPath): string => {
  if (path.length === 0) {
    return '(top level)';
  }
  return path
    .map((part, index) => {
      if (typeof part === 'number') {
        return `[${part}]`;
      }
      if (!PLAIN_NAME.test(part)) {
        return `[${JSON.stringify(part)}]`;
      }
      return index === 0 ? part : `.${part}`;
    })
    .join('');
};

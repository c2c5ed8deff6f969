/**
 * The rules of docs/PROTOCOL.md §1.5 that survive parsing, checked on a value already in memory
 * (handed over by code rather than read from text): no forbidden member names as own members, and
 * well-formed Unicode in every name and string. Duplicate names and number forms leave no trace
 * in a value; only the text shows them (json-text.ts).
 */
import { findMemberNameProblem, type JsonPath, type JsonViolation } from './json-rules';
import { isWellFormedText } from './unicode';

const walk = (value: unknown, path: JsonPath, out: JsonViolation[]): void => {
  if (typeof value === 'string') {
    if (!isWellFormedText(value)) {
      out.push({ path, reason: 'string is not well-formed Unicode (it holds a lone surrogate)' });
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      walk(item, [...path, index], out);
    }
    return;
  }
  if (typeof value === 'object' && value !== null) {
    // Own names only, `__proto__` included: `Object.keys` lists an own `__proto__` member.
    for (const name of Object.keys(value)) {
      const problem = findMemberNameProblem(name, isWellFormedText(name));
      if (problem !== undefined) {
        out.push({ path: [...path, name], reason: problem });
      }
      walk((value as Record<string, unknown>)[name], [...path, name], out);
    }
  }
};

/** Every breach of the value-level JSON rules in `value`, with its path, in document order. */
export const findJsonValueViolations = (value: unknown): JsonViolation[] => {
  const out: JsonViolation[] = [];
  walk(value, [], out);
  return out;
};

/**
 * Reading JSON text from outside (request bodies, API replies, audit bundles) under Parley's JSON
 * rules (docs/PROTOCOL.md §1.5): RFC 8259 syntax, then I-JSON (RFC 7493) and one text form per
 * value. `JSON.parse` decides the syntax and builds the value; Microsoft's `jsonc-parser` visitor
 * walks the same text to see what `JSON.parse` hides: duplicate member names, the digits each
 * number was written with, and where each string sits.
 */
import { visit } from 'jsonc-parser';
import {
  findMemberNameProblem,
  formatJsonPath,
  isCanonicalNumberText,
  type JsonPath,
  type JsonViolation,
} from './json-rules';
import { isWellFormedText } from './unicode';

/** The outcome of {@link readJsonText}: a syntax failure, or the value and every breach of the rules. */
export type JsonTextReading =
  | { readonly ok: true; readonly value: unknown; readonly violations: readonly JsonViolation[] }
  | { readonly ok: false; readonly reason: string };

const syntaxReason = (text: string, error: unknown): string => {
  if (text.startsWith('\uFEFF')) {
    return 'starts with a byte-order mark';
  }
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'invalid JSON') : 'invalid JSON';
};

/**
 * The deepest nesting a Parley JSON text may have (docs/PROTOCOL.md §1.5). Every Parley document is
 * far shallower (an audit bundle nests about 8 deep); the limit keeps a hostile text from
 * exhausting the stack of any reader that walks it recursively.
 */
export const MAX_JSON_DEPTH = 64;

/** How deep `text` nests arrays and objects, counted without recursion; stops counting past `limit`. */
const nestingDepth = (text: string, limit: number): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let at = 0; at < text.length && deepest <= limit; at += 1) {
    const char = text[at];
    if (inString) {
      if (char === '\\') {
        at += 1;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
    } else if (char === '[' || char === '{') {
      depth += 1;
      deepest = Math.max(deepest, depth);
    } else if (char === ']' || char === '}') {
      depth -= 1;
    }
  }
  return deepest;
};

/** Every breach of the rules in a text that `JSON.parse` accepted, in document order. */
const findTextViolations = (text: string): JsonViolation[] => {
  const violations: JsonViolation[] = [];
  const namesSeen: Set<string>[] = [];
  const add = (path: JsonPath, reason: string) => violations.push({ path, reason });
  visit(
    text,
    {
      onObjectBegin: () => {
        namesSeen.push(new Set());
      },
      onObjectEnd: () => {
        namesSeen.pop();
      },
      onObjectProperty: (name, _offset, _length, _line, _column, pathSupplier) => {
        const seen = namesSeen.at(-1);
        if (seen?.has(name)) {
          add([...pathSupplier(), name], `member ${JSON.stringify(name)} appears twice in one object`);
        }
        seen?.add(name);
        const problem = findMemberNameProblem(name, isWellFormedText(name));
        if (problem !== undefined) {
          add([...pathSupplier(), name], problem);
        }
      },
      onLiteralValue: (value: unknown, offset, length, _line, _column, pathSupplier) => {
        if (typeof value === 'string' && !isWellFormedText(value)) {
          add(pathSupplier(), 'string is not well-formed Unicode (it holds a lone surrogate)');
        } else if (typeof value === 'number') {
          const written = text.slice(offset, offset + length);
          if (!isCanonicalNumberText(written, value)) {
            add(pathSupplier(), `number ${written} is not in its one canonical form (${String(value)})`);
          }
        }
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return violations;
};

/**
 * Parses `text` as JSON and finds every breach of Parley's JSON rules in it, each with its path,
 * so that a caller reading a document of many records (an audit bundle) can name the record
 * that breaks a rule instead of refusing the whole document.
 */
export const readJsonText = (text: string): JsonTextReading => {
  if (nestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { ok: false, reason: `arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: syntaxReason(text, error) };
  }
  return { ok: true, value, violations: findTextViolations(text) };
};

/** The outcome of {@link parseStrictJson}. */
export type StrictJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string; readonly path?: JsonPath };

/** Describes a breach as one line: `header.meta.__proto__: member name "__proto__" is never allowed`. */
export const describeJsonViolation = ({ path, reason }: JsonViolation): string => `${formatJsonPath(path)}: ${reason}`;

/**
 * Parses `text` as JSON under Parley's JSON rules, refusing it at the first breach: what servers
 * and clients use for a body or reply that is one record or one message.
 */
export const parseStrictJson = (text: string): StrictJson => {
  const reading = readJsonText(text);
  if (!reading.ok) {
    return { ok: false, reason: `not JSON: ${reading.reason}` };
  }
  const [first] = reading.violations;
  if (first !== undefined) {
    return { ok: false, reason: describeJsonViolation(first), path: first.path };
  }
  return { ok: true, value: reading.value };
};

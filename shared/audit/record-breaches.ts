/**
 * Where in a bundle a breach of the JSON rules (docs/PROTOCOL.md §1.5) sits, and so who answers
 * for it (docs/AUDIT-BUNDLE.md §4, step 1): a breach inside a record fails that record by name; in
 * `origin` or `logKey`, the bundle; anywhere else (the top-level object, `format`, `scope`), the
 * file is not a bundle.
 */
import type { JsonViolation } from '../encoding/json-rules';
import { describeJsonViolation } from '../encoding/json-text';

/** The lists whose items are records, each failed by name in its own step. */
export type RecordList = 'checkpoints' | 'consistency' | 'statements' | 'entries' | 'streams' | 'leaves';

const RECORD_LISTS: ReadonlySet<string> = new Set<RecordList>([
  'checkpoints',
  'consistency',
  'statements',
  'entries',
  'streams',
  'leaves',
]);
const BUNDLE_STRINGS: ReadonlySet<string> = new Set(['origin', 'logKey']);

/** The breaches of a bundle's text, sorted by who answers for them. */
export type RecordBreaches = {
  /** Why item `index` of `list` breaks the rules, as one line, or undefined when it does not. */
  readonly of: (list: RecordList, index: number) => string | undefined;
  /** Breaches in `origin` and `logKey`: each fails the subject `bundle`. */
  readonly bundle: readonly string[];
  /** The first breach outside every record, which makes the file not a bundle. */
  readonly structure: string | undefined;
};

const summarise = (found: readonly JsonViolation[]): string => {
  const [first] = found;
  const more = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
  return `breaks the JSON rules: ${first ? describeJsonViolation(first) : ''}${more}`;
};

/** Sorts `violations` (paths from the top of the bundle) by the record, if any, that holds each. */
export const sortBreaches = (violations: readonly JsonViolation[]): RecordBreaches => {
  const byRecord = new Map<string, JsonViolation[]>();
  const bundle: string[] = [];
  let structure: string | undefined;
  for (const violation of violations) {
    const [list, index] = violation.path;
    if (typeof list === 'string' && RECORD_LISTS.has(list) && typeof index === 'number') {
      const key = `${list}/${index}`;
      byRecord.set(key, [...(byRecord.get(key) ?? []), violation]);
    } else if (typeof list === 'string' && BUNDLE_STRINGS.has(list) && violation.path.length === 1) {
      bundle.push(describeJsonViolation(violation));
    } else {
      structure ??= describeJsonViolation(violation);
    }
  }
  return {
    of: (list, index) => {
      const found = byRecord.get(`${list}/${index}`);
      return found ? summarise(found) : undefined;
    },
    bundle,
    structure,
  };
};

/** A bundle with no breaches found (its value was built in memory, or its text is clean). */
export const NO_BREACHES: RecordBreaches = { of: () => undefined, bundle: [], structure: undefined };

/**
 * The changes the strict-input vectors make to a valid record (test/vectors/strict-input-v1.json),
 * applied to any record of the same kind: the sample log's, one a test server signed, or one in a
 * server's reply. Text changes write what `JSON.stringify` cannot (a duplicate member, `1.0`, an
 * escaped lone surrogate); value changes are signed as changed (see `signedEdits`).
 */
import type { JsonPath } from '../../shared/encoding/json-rules';

/** A change to a record's JSON text, or to a value its author then signs. Paths start at the record. */
export type JsonChange =
  | { readonly kind: 'insert-member'; readonly at: JsonPath; readonly name: string; readonly json: string }
  | { readonly kind: 'replace-text'; readonly at: JsonPath; readonly json: string }
  | { readonly kind: 'set-signed-value'; readonly at: JsonPath; readonly value: unknown }
  | { readonly kind: 'delete-signed-member'; readonly at: JsonPath };

const samePath = (a: JsonPath, b: JsonPath): boolean => a.length === b.length && a.every((part, i) => part === b[i]);

/** `value` as JSON text with a text change made at `prefix + change.at` (a value change is not a text change). */
export const writeWithChange = (value: unknown, change: JsonChange, prefix: JsonPath = []): string => {
  const at = [...prefix, ...change.at];
  const write = (item: unknown, path: JsonPath): string => {
    if (change.kind === 'replace-text' && samePath(path, at)) {
      return change.json;
    }
    if (Array.isArray(item)) {
      return `[${item.map((element, index) => write(element, [...path, index])).join(',')}]`;
    }
    if (typeof item === 'object' && item !== null) {
      const members = Object.entries(item).map(
        ([name, member]) => `${JSON.stringify(name)}:${write(member, [...path, name])}`,
      );
      if (change.kind === 'insert-member' && samePath(path, at)) {
        members.unshift(`${JSON.stringify(change.name)}:${change.json}`);
      }
      return `{${members.join(',')}}`;
    }
    return JSON.stringify(item);
  };
  return write(value, []);
};

/** A copy of `value` with a value change made at `path` (relative to `value`). */
export const withValueChange = <T>(value: T, change: JsonChange, path: JsonPath): T => {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const parent = path
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>((node, part) => node[part] as Record<string | number, unknown>, copy);
  const last = path.at(-1) as string | number;
  if (change.kind === 'set-signed-value') {
    parent[last] = change.value;
  } else if (change.kind === 'delete-signed-member') {
    delete parent[last];
  }
  return copy as T;
};

/** True for the changes that are signed as changed (the log is rebuilt around them). */
export const isSignedChange = (change: JsonChange): boolean =>
  change.kind === 'set-signed-value' || change.kind === 'delete-signed-member';

import { describe, expect, it } from 'vitest';
import { bundleFileName, scopeFromSearch, scopeKindsFor, searchOfScope } from './verify-scope';

const CASE = '0b7c2a56-9a3e-4b1e-8d0c-5f1e2a3b4c5d';

describe('verification scopes', () => {
  it('offers each role only what the server lets it export', () => {
    expect(scopeKindsFor('reviewer')).toEqual(['all', 'case', 'thread', 'party']);
    expect(scopeKindsFor('admin')).toEqual(['all', 'party']);
    expect(scopeKindsFor('envoy')).toEqual(['case', 'thread', 'party']);
    expect(scopeKindsFor('staff')).toEqual(['case', 'thread', 'party']);
  });

  it('reads a scope back from the address it writes', () => {
    for (const scope of [{ kind: 'all' } as const, { kind: 'case', id: CASE } as const]) {
      expect(scopeFromSearch(new URLSearchParams(searchOfScope(scope)))).toEqual(scope);
    }
  });

  it('takes no scope from an address without one, with an unknown kind, or with an id that is no UUID', () => {
    for (const search of ['', 'scope=log', `scope=stream&id=${CASE}`, 'scope=case', 'scope=case&id=C-7']) {
      expect(scopeFromSearch(new URLSearchParams(search))).toBeNull();
    }
    expect(scopeFromSearch(new URLSearchParams(`scope=case&id=${CASE.toUpperCase()}`))).toBeNull();
  });

  it('names the downloaded file after the scope', () => {
    expect(bundleFileName({ kind: 'all' })).toBe('parley-audit-all.json');
    expect(bundleFileName({ kind: 'thread', id: CASE })).toBe('parley-audit-thread.json');
  });
});

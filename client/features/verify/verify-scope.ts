/**
 * What the verification page verifies, as it travels in the address (`/verify?scope=case&id=…`,
 * so a reload verifies the same thing again), and which scopes each role may export: the rules of
 * server/audit/bundle-access.ts, offered in advance so nobody picks a refusal.
 */
import { Uuid } from '../../../shared/schemas/common';
import type { Role } from '../../../shared/schemas/role';

export type ScopeKind = 'all' | 'case' | 'thread' | 'party';
export type VerifyScope = { readonly kind: 'all' } | { readonly kind: Exclude<ScopeKind, 'all'>; readonly id: string };

/**
 * The kinds a role may export, in the picker's order. Reviewers and admins may export any scope,
 * but admins cannot list cases and threads (they read no streams), so they are offered the log
 * and parties. Envoys and staff export streams of their party and their own party's correspondence.
 */
export const scopeKindsFor = (role: Role): readonly ScopeKind[] => {
  switch (role) {
    case 'reviewer':
      return ['all', 'case', 'thread', 'party'];
    case 'admin':
      return ['all', 'party'];
    default:
      return ['case', 'thread', 'party'];
  }
};

/** The scope in the address, or null when it names none (or an id that is no UUID). */
export const scopeFromSearch = (search: URLSearchParams): VerifyScope | null => {
  const kind = search.get('scope');
  if (kind === 'all') {
    return { kind };
  }
  const id = search.get('id');
  if ((kind === 'case' || kind === 'thread' || kind === 'party') && Uuid.safeParse(id).success) {
    return { kind, id: id as string };
  }
  return null;
};

/** The address parameters of a scope. */
export const searchOfScope = (scope: VerifyScope): Record<string, string> =>
  scope.kind === 'all' ? { scope: 'all' } : { scope: scope.kind, id: scope.id };

/** The name the downloaded bundle is saved under. */
export const bundleFileName = (scope: VerifyScope): string => `parley-audit-${scope.kind}.json`;

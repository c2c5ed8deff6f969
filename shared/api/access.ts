import type { Access } from './route';

/** Anyone, signed in or not. */
export const PUBLIC: Access = { kind: 'public' };
/** Any signed-in, endorsed person. */
export const ANY_PERSON: Access = { kind: 'person', roles: ['admin', 'envoy', 'staff', 'reviewer'] };
/** Any signed-in person, including one whose keys await endorsement. */
export const ANY_PERSON_OR_PENDING: Access = { ...ANY_PERSON, allowPending: true };
/** Admins only. */
export const ADMINS: Access = { kind: 'person', roles: ['admin'] };

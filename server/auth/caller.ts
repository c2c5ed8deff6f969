import type { Role } from '../../shared/schemas/role';

/** The signed-in person behind a request, as resolved from their session. */
export type Caller = {
  readonly personId: string;
  readonly partyId: string;
  readonly role: Role;
  readonly name: string;
  readonly status: 'pending' | 'active';
  readonly sessionId: string;
  readonly credentialId: string;
  readonly sessionExpiresAt: Date;
  readonly csrfToken: string;
};

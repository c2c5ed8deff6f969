import { z } from 'zod';
import { Uuid } from '../schemas/common';
import { SessionView } from '../schemas/identity';
import {
  RecoveryInvitation,
  RecoveryOptionsRequest,
  RecoveryOptionsResponse,
  RecoveryVerifyRequest,
} from '../schemas/recovery';
import { ADMINS, PUBLIC } from './access';
import { defineRoute } from './route';

const CEREMONY = ['rateLimited', 'badOrigin'] as const;

export const recoveryRoutes = {
  createRecovery: defineRoute({
    method: 'POST',
    path: '/api/people/:personId/recovery',
    tag: 'identity',
    access: ADMINS,
    status: 201,
    summary:
      'A one-time recovery link (72 hours) for an active person of the admin’s own party who lost their passkeys; replaces any earlier one',
    params: z.object({ personId: Uuid }),
    response: RecoveryInvitation,
    problems: ['notFound', 'conflict'],
  }),
  recoveryOptions: defineRoute({
    method: 'POST',
    path: '/api/recovery/options',
    tag: 'identity',
    access: PUBLIC,
    summary: 'Check a recovery link and get the registration options of the new passkey',
    body: RecoveryOptionsRequest,
    response: RecoveryOptionsResponse,
    problems: [...CEREMONY, 'forbidden'],
  }),
  recoveryVerify: defineRoute({
    method: 'POST',
    path: '/api/recovery/verify',
    tag: 'identity',
    access: PUBLIC,
    status: 201,
    summary: 'Register the new passkey of the recovering person, spend the link, and sign them in (keys stay locked)',
    body: RecoveryVerifyRequest,
    response: SessionView,
    problems: [...CEREMONY, 'forbidden', 'conflict'],
  }),
};

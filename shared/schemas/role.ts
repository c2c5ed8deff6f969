import { z } from 'zod';

/** What a person may do inside their party (delegation). */
export const Role = z.enum(['admin', 'envoy', 'staff', 'reviewer']);
export type Role = z.infer<typeof Role>;
export const ALL_ROLES: readonly Role[] = Role.options;

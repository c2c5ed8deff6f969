import type { z } from 'zod';
import type { ProblemCode } from '../schemas/problem';
import type { Role } from '../schemas/role';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Who may call a route. There is no default: every route states it.
 * - `public`: anyone, signed in or not (health, sign-in ceremonies).
 * - `person`: a signed-in, unrevoked person holding one of `roles`; `scope` adds a check on the
 *   resource named in the path (own party, member of the stream).
 */
export type Access =
  | { readonly kind: 'public' }
  | {
      readonly kind: 'person';
      readonly roles: readonly Role[];
      readonly scope?: AccessScope;
      /** Also admits people whose keys still await their admin's endorsement. */
      readonly allowPending?: true;
    };

/**
 * Resource checks the server makes once the input is parsed:
 * - `stream-reader`: the `streamId` in the path is a stream of the caller's party, or the caller is
 *   a reviewer (who sees signed headers, and content only where it was disclosed to them);
 * - `entry-author`: the entry in the body is authored by the caller, in a stream of their party
 *   (or opening one that lists it).
 */
export type AccessScope = 'stream-reader' | 'entry-author';

/** How a route's body travels: JSON parsed with `body`, or a raw byte stream. */
export type BodyKind = 'json' | 'stream' | 'none';

/** One HTTP route: the contract the server implements and every client calls. */
export type RouteContract = {
  readonly method: HttpMethod;
  /** Express-style path under `/api`, e.g. `/api/cases/:caseId`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly bodyKind?: BodyKind;
  /** Success status, 200 unless stated. */
  readonly status?: 200 | 201 | 202 | 204;
  /** Schema of the success reply; `null` for a byte stream or an empty reply. */
  readonly response: z.ZodType | null;
  /** Problems this route answers with beyond the ones every route may give. */
  readonly problems?: readonly ProblemCode[];
};

/** Identity helper that keeps each route's literal types for typed handlers and clients. */
export const defineRoute = <const R extends RouteContract>(route: R): R => route;

/** Parsed input of a route, as a handler receives it and a client sends it. */
export type RouteInput<R extends RouteContract> = {
  params: R['params'] extends z.ZodObject ? z.infer<R['params']> : Record<string, never>;
  query: R['query'] extends z.ZodObject ? z.infer<R['query']> : Record<string, never>;
  body: R['body'] extends z.ZodType ? z.infer<R['body']> : undefined;
};

/** Parsed success reply of a route. */
export type RouteOutput<R extends RouteContract> = R['response'] extends z.ZodType ? z.infer<R['response']> : undefined;

/** Fills `:name` segments of a route path, encoding each value. */
export const buildPath = (path: string, params: Record<string, string | number>): string =>
  path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new Error(`missing path parameter ${name}`);
    }
    return encodeURIComponent(String(value));
  });

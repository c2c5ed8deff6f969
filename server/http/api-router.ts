import express, { type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { API } from '../../shared/api/index';
import type { RouteContract, RouteInput, RouteOutput } from '../../shared/api/route';
import type { Caller } from '../auth/caller';
import { ProblemError, validationProblem } from '../problems';
import { strictJsonBody } from './strict-json-body';

/** What a handler gets besides its parsed input. */
export type HandlerContext = {
  readonly req: Request;
  readonly res: Response;
  /** The signed-in person; present on every route whose access is `person`. */
  readonly caller: Caller | null;
};

export type Handler<R extends RouteContract> = (
  input: RouteInput<R>,
  context: HandlerContext,
) => Promise<RouteOutput<R> | undefined> | RouteOutput<R> | undefined;

export type Implementation = {
  readonly route: RouteContract;
  readonly handle: Handler<RouteContract>;
};

/** Pairs a contract route with its handler, keeping the handler's types tied to the route. */
export const implement = <R extends RouteContract>(route: R, handle: Handler<R>): Implementation => ({
  route,
  handle: handle as unknown as Handler<RouteContract>,
});

/**
 * Decides whether a request may reach a route, from the route's `access`: `admit` resolves the
 * caller before the body is read; `checkScope` checks the resource once the input is parsed.
 * Both refuse by throwing `ProblemError`.
 */
export type Gatekeeper = {
  admit(route: RouteContract, req: Request): Promise<Caller | null>;
  checkScope(route: RouteContract, caller: Caller | null, input: RouteInput<RouteContract>): Promise<void>;
};

export type ApiRouterOptions = {
  readonly implementations: readonly Implementation[];
  /** The routes that must all be implemented; the shared `API` unless a test supplies its own. */
  readonly contract?: Readonly<Record<string, RouteContract>>;
  readonly gatekeeper: Gatekeeper;
  /** Largest JSON body a route reads, by route; bodies over it are refused unread (413). */
  readonly jsonLimitOf: (route: RouteContract) => string;
  /**
   * Runs first, before the session is looked up or the body read (a rate limit, counting every
   * attempt whatever its body); refuses by throwing `ProblemError`.
   */
  readonly beforeAdmit?: (route: RouteContract, req: Request) => void | Promise<void>;
};

const parsePart = <T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T | Record<string, never> => {
  if (!schema) {
    return {};
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw validationProblem(parsed.error, where);
  }
  return parsed.data;
};

const requireJson: RequestHandler = (req, _res, next) => {
  if (req.headers['content-length'] === '0' || !req.is('application/json')) {
    next(new ProblemError('unsupportedMediaType', 'This route takes a JSON body: send Content-Type: application/json'));
    return;
  }
  next();
};

/**
 * Mounts every route of the shared contract, each behind its gatekeeper. Fails at start-up when a
 * contract route has no handler or a handler has no contract, so nothing is reachable by accident.
 */
export const apiRouter = ({
  implementations,
  contract = API,
  gatekeeper,
  jsonLimitOf,
  beforeAdmit = () => {},
}: ApiRouterOptions): express.Router => {
  assertComplete(contract, implementations);
  const router = express.Router({ strict: true });
  const jsonParsers = new Map<string, RequestHandler[]>();
  const jsonParserOf = (route: RouteContract): RequestHandler[] => {
    const limit = jsonLimitOf(route);
    const parser = jsonParsers.get(limit) ?? strictJsonBody(limit);
    jsonParsers.set(limit, parser);
    return parser;
  };
  const methodsByPath = new Map<string, string[]>();

  for (const { route, handle } of implementations) {
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
    const bodyKind = route.bodyKind ?? (route.body ? 'json' : 'none');
    const gate: RequestHandler = async (req, res, next) => {
      await beforeAdmit(route, req);
      res.locals['caller'] = await gatekeeper.admit(route, req);
      next();
    };
    const body: RequestHandler[] = bodyKind === 'json' ? [requireJson, ...jsonParserOf(route)] : [];
    const run = async (req: Request, res: Response): Promise<void> => {
      const input = {
        params: parsePart(route.params, req.params, 'path'),
        query: parsePart(route.query, req.query, 'query'),
        body: bodyKind === 'json' ? parsePart(route.body, req.body, 'body') : undefined,
      } as RouteInput<RouteContract>;
      const caller = (res.locals['caller'] as Caller | null) ?? null;
      await gatekeeper.checkScope(route, caller, input);
      const output = await handle(input, { req, res, caller });
      if (res.headersSent) {
        return;
      }
      if (route.response === null || output === undefined) {
        res.status(route.status ?? 204).end();
        return;
      }
      // Replies pass the same schema clients parse them with; undeclared fields are dropped.
      res.status(route.status ?? 200).json(route.response.parse(output));
    };
    router[EXPRESS_METHOD[route.method]](route.path, gate, ...body, run);
  }

  for (const [path, methods] of methodsByPath) {
    const allow = [...new Set(methods.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method])))].join(', ');
    router.all(path, (_req, _res, next) =>
      next(new ProblemError('methodNotAllowed', `Allowed: ${allow}`, { headers: { Allow: allow } })),
    );
  }
  router.use('/api', (req, _res, next) =>
    next(new ProblemError('notFound', `No API route ${req.method} ${req.originalUrl.split('?')[0]}`)),
  );
  return router;
};

const EXPRESS_METHOD = { GET: 'get', POST: 'post', PUT: 'put', DELETE: 'delete' } as const satisfies Record<
  RouteContract['method'],
  string
>;

const assertComplete = (
  contract: Readonly<Record<string, RouteContract>>,
  implementations: readonly Implementation[],
): void => {
  const declared = new Set<RouteContract>(Object.values(contract));
  const implemented = new Set(implementations.map((implementation) => implementation.route));
  for (const route of declared) {
    if (!implemented.has(route)) {
      throw new Error(`No handler for ${route.method} ${route.path}`);
    }
  }
  for (const route of implemented) {
    if (!declared.has(route)) {
      throw new Error(`Handler for ${route.method} ${route.path} has no contract`);
    }
  }
  if (implemented.size !== implementations.length) {
    throw new Error('A route has two handlers');
  }
};

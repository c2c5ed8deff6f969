import { PROBLEMS, Problem } from '../schemas/problem';
import { buildPath, type RouteContract, type RouteInput, type RouteOutput } from './route';

/** One HTTP exchange. The browser and the Node SDK each supply one (cookies, CSRF header, base URL). */
export type Transport = (request: {
  readonly method: RouteContract['method'];
  readonly path: string;
  readonly body?: string;
}) => Promise<{ readonly status: number; readonly contentType: string | null; text(): Promise<string> }>;

/** A non-2xx reply, always carrying a problem+json body. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
  }
  /** Whether this is the given problem from the shared registry. */
  is(code: keyof typeof PROBLEMS): boolean {
    return this.problem.type === PROBLEMS[code].type;
  }
}

export type CallInput<R extends RouteContract> = Partial<RouteInput<R>>;

const queryString = (query: Record<string, unknown> | undefined): string => {
  const pairs = Object.entries(query ?? {}).filter(([, value]) => value !== undefined);
  return pairs.length === 0
    ? ''
    : `?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`).join('&')}`;
};

const toProblem = (status: number, text: string): Problem => {
  try {
    return Problem.parse(JSON.parse(text));
  } catch {
    return { type: 'about:blank', title: 'Unexpected reply', status: status >= 400 ? status : 502 };
  }
};

/** Calls a contract route and parses the reply with the route's own schema. */
export const callRoute = async <R extends RouteContract>(
  transport: Transport,
  route: R,
  input: CallInput<R> = {},
): Promise<RouteOutput<R>> => {
  const path = buildPath(route.path, (input.params ?? {}) as Record<string, string>) + queryString(input.query);
  const reply = await transport({
    method: route.method,
    path,
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
  });
  const text = await reply.text();
  if (reply.status < 200 || reply.status > 299) {
    throw new ApiProblem(toProblem(reply.status, text));
  }
  if (route.response === null || text === '') {
    return undefined as RouteOutput<R>;
  }
  return route.response.parse(JSON.parse(text)) as RouteOutput<R>;
};

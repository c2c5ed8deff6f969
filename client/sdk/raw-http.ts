import { ApiProblem, replyJson } from '../../shared/api/client';
import type { SessionView } from '../../shared/schemas/identity';
import { Problem } from '../../shared/schemas/problem';
import type { ParleyHttp } from './parley-http';

/**
 * Headers for a request that does not go through the JSON transport (streamed uploads and
 * downloads, server-sent events), as `ParleyHttp` would send them: the session cookie and, on a
 * write, `Origin` and the session's anti-forgery token.
 */
export const streamingHeaders = (
  http: ParleyHttp,
  session: SessionView | null,
  write: boolean,
  extra: Record<string, string> = {},
): Record<string, string> => {
  const headers: Record<string, string> = { ...extra };
  const cookie = http.cookies.header();
  if (cookie !== undefined) {
    headers['cookie'] = cookie;
  }
  if (write) {
    headers['origin'] = http.origin;
    if (session && http.hasSessionCookie) {
      headers['x-parley-csrf'] = session.csrfToken;
    }
  }
  return headers;
};

/** Keeps cookies the server set on a streamed reply, as the JSON transport does. */
export const storeCookies = (http: ParleyHttp, response: Response): void => {
  http.cookies.store(response.headers.getSetCookie());
};

/** The `ApiProblem` a non-2xx streamed reply carries (its body is problem+json). */
export const problemOf = async (response: Response): Promise<ApiProblem> => {
  const text = await response.text();
  try {
    return new ApiProblem(Problem.parse(replyJson(text)));
  } catch {
    return new ApiProblem({
      type: 'about:blank',
      title: 'Unexpected reply',
      status: response.status >= 400 ? response.status : 502,
    });
  }
};

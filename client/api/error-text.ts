import { ApiProblem } from '../../shared/api/client';

/** "body.partyName" → "Party name": the field a person typed into, not the schema's path. */
const fieldName = (path: string): string => {
  const last =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part) && part !== 'body' && part !== 'query')
      .pop() ?? '';
  const words = last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words === '' ? '' : `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}`;
};

/** zod's "Too small: expected string to have >=2 characters" → "too short (at least 2 characters)". */
const plainMessage = (message: string): string => {
  const small = /Too small: expected (?:string|array) to have >=?(\d+) (characters|items)/.exec(message);
  if (small) {
    return `too short (at least ${small[1]} ${small[2]})`;
  }
  const big = /Too big: expected (?:string|array) to have <=?(\d+) (characters|items)/.exec(message);
  if (big) {
    return `too long (at most ${big[1]} ${big[2]})`;
  }
  return message.replace(/^Invalid input: expected (\w+), received (\w+)$/, 'missing or not a $1');
};

/**
 * What to tell a person about a failure: the server's problem title and detail (never a stack or
 * a schema path), or the message of a local error such as a refused passkey ceremony.
 */
export const errorText = (error: unknown): string => {
  if (error instanceof ApiProblem) {
    const { title, detail, errors } = error.problem;
    const fields = errors
      ?.map((issue) => {
        const field = fieldName(issue.path);
        return field === '' ? plainMessage(issue.message) : `${field}: ${plainMessage(issue.message)}`;
      })
      .join('; ');
    return [title, fields || detail].filter(Boolean).join(' — ');
  }
  if (error instanceof Error) {
    return error.name === 'NotAllowedError'
      ? 'The passkey prompt was cancelled or timed out. Try again.'
      : error.message || error.name;
  }
  return String(error);
};

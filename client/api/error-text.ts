import type { TFunction } from 'i18next';
import { ApiProblem } from '../../shared/api/client';
import { PROBLEMS } from '../../shared/schemas/problem';

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

/** A catalogue lookup in the `problems` namespace: i18next's `t`, bound to it. */
export type ProblemTranslate = TFunction<string | readonly string[]>;

const codeOfType = new Map<string, string>(Object.entries(PROBLEMS).map(([code, { type }]) => [type, code]));

/** zod's "Too small: expected string to have >=2 characters" → "too short (at least 2 characters)". */
const plainMessage = (message: string, t: ProblemTranslate): string => {
  const small = /Too small: expected (?:string|array) to have >=?(\d+) (characters|items)/.exec(message);
  if (small) {
    return t(small[2] === 'items' ? 'tooShortItems' : 'tooShortCharacters', { count: Number(small[1]) });
  }
  const big = /Too big: expected (?:string|array) to have <=?(\d+) (characters|items)/.exec(message);
  if (big) {
    return t(big[2] === 'items' ? 'tooLongItems' : 'tooLongCharacters', { count: Number(big[1]) });
  }
  const missing = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  return missing ? t('missing', { kind: missing[1] ?? '' }) : message;
};

/**
 * What to tell a person about a failure, in their language: the problem's title from the
 * catalogue by its type (the server's own title for a type the client does not know) and the
 * server's detail or the fields at fault (never a stack or a schema path), or the message of a
 * local error such as a refused passkey ceremony.
 */
export const errorText = (error: unknown, t: ProblemTranslate): string => {
  if (error instanceof ApiProblem) {
    const { type, title, detail, errors } = error.problem;
    const code = codeOfType.get(type);
    const shownTitle = code ? t(`titles.${code}`, { defaultValue: title }) : title;
    const fields = errors
      ?.map((issue) => {
        const field = fieldName(issue.path);
        const message = plainMessage(issue.message, t);
        return field === '' ? message : `${field}: ${message}`;
      })
      .join('; ');
    return [shownTitle, fields || detail].filter(Boolean).join(' — ');
  }
  if (error instanceof Error) {
    return error.name === 'NotAllowedError' ? t('passkeyCancelled') : error.message || error.name;
  }
  return String(error);
};

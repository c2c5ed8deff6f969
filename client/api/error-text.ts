import { ApiProblem } from '../../shared/api/client';

/**
 * What to tell a person about a failure: the server's problem title and detail (never a stack), or
 * the message of a local error such as a refused passkey ceremony.
 */
export const errorText = (error: unknown): string => {
  if (error instanceof ApiProblem) {
    const { title, detail, errors } = error.problem;
    const fields = errors?.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return [title, detail, fields].filter(Boolean).join(' — ');
  }
  if (error instanceof Error) {
    return error.name === 'NotAllowedError'
      ? 'The passkey prompt was cancelled or timed out. Try again.'
      : error.message || error.name;
  }
  return String(error);
};

import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../shared/api/client';
import { errorText } from './error-text';

const problem = (errors: { path: string; message: string }[], detail = 'Request body does not match the schema') =>
  new ApiProblem({ type: '/problems/validation', title: 'Invalid request', status: 400, detail, errors } as never);

describe('errorText', () => {
  it('names the field a person typed into, never the schema path', () => {
    const text = errorText(
      problem([{ path: 'body.name', message: 'Too small: expected string to have >=2 characters' }]),
    );
    expect(text).toBe('Invalid request — Name: too short (at least 2 characters)');
    expect(text).not.toContain('body.');
    expect(text).not.toContain('>=');
  });

  it('turns camelCase and nested paths into words', () => {
    expect(
      errorText(
        problem([{ path: 'body.parties.0.partyName', message: 'Too big: expected string to have <=120 characters' }]),
      ),
    ).toBe('Invalid request — Party name: too long (at most 120 characters)');
  });

  it('keeps the detail when there are no field errors', () => {
    expect(errorText(problem([], 'The invitation expired'))).toBe('Invalid request — The invitation expired');
  });
});

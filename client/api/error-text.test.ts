import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../shared/api/client';
import { PROBLEMS } from '../../shared/schemas/problem';
import { errorText as errorTextIn, type ProblemTranslate } from './error-text';

const catalogue = (language: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'i18n', 'locales', language, 'problems.json'), 'utf8'));
const [en, uk] = [catalogue('en'), catalogue('uk')];
const i18n = i18next.createInstance();
void i18n.init({ resources: { en: { problems: en }, uk: { problems: uk } }, lng: 'en', initAsync: false });
const inLanguage = (language: string) => i18n.getFixedT(language, 'problems') as ProblemTranslate;
const errorText = (error: unknown) => errorTextIn(error, inLanguage('en'));

const problem = (errors: { path: string; message: string }[], detail = 'Request body does not match the schema') =>
  new ApiProblem({
    type: '/problems/validation',
    title: 'The request does not match its schema',
    status: 400,
    detail,
    errors,
  } as never);

describe('errorText', () => {
  it('names the field a person typed into, never the schema path', () => {
    const text = errorText(
      problem([{ path: 'body.name', message: 'Too small: expected string to have >=2 characters' }]),
    );
    expect(text).toBe('The request does not match its schema — Name: too short (at least 2 characters)');
    expect(text).not.toContain('body.');
    expect(text).not.toContain('>=');
  });

  it('turns camelCase and nested paths into words', () => {
    expect(
      errorText(
        problem([{ path: 'body.parties.0.partyName', message: 'Too big: expected string to have <=120 characters' }]),
      ),
    ).toBe('The request does not match its schema — Party name: too long (at most 120 characters)');
  });

  it('keeps the detail when there are no field errors', () => {
    expect(errorText(problem([], 'The invitation expired'))).toBe(
      'The request does not match its schema — The invitation expired',
    );
  });

  it("speaks the person's language for a known problem and its fields, and the server's title otherwise", () => {
    const known = new ApiProblem({
      type: '/problems/validation',
      title: 'The request does not match its schema',
      status: 400,
      errors: [{ path: 'body.name', message: 'Too small: expected string to have >=2 characters' }],
    } as never);
    expect(errorTextIn(known, inLanguage('uk'))).toBe(
      'Запит не відповідає схемі — Name: закоротко (щонайменше 2 символів)',
    );
    const unknown = new ApiProblem({ type: '/problems/other', title: 'Server words', status: 418 } as never);
    expect(errorTextIn(unknown, inLanguage('uk'))).toBe('Server words');
  });

  it('tells a cancelled passkey prompt in plain words', () => {
    const cancelled = Object.assign(new Error('The operation either timed out or was not allowed.'), {
      name: 'NotAllowedError',
    });
    expect(errorText(cancelled)).toBe('The passkey prompt was cancelled or timed out. Try again.');
  });

  it('has a title in the catalogue for every problem the API defines, the same words in English', () => {
    expect(en.titles).toEqual(Object.fromEntries(Object.entries(PROBLEMS).map(([code, { title }]) => [code, title])));
  });
});

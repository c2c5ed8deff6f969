/** Why entry content could not be encoded or decoded: one reason per check. */
export type ContentFailure = 'not-utf8-json' | 'not-canonical' | 'invalid-content' | 'type-mismatch';

const MESSAGES: Readonly<Record<ContentFailure, string>> = {
  'not-utf8-json': 'the content is not UTF-8 JSON',
  'not-canonical': 'the content is not in canonical form (JCS, strings and integers only)',
  'invalid-content': 'the content does not match the schema of its type',
  'type-mismatch': 'the content is of another type than its header',
};

/** Content was refused; `reason` says which check, `detail` (never the content) says more. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  /** The check that failed. */
  readonly reason: ContentFailure;

  constructor(reason: ContentFailure, detail?: string) {
    super(detail === undefined ? MESSAGES[reason] : `${MESSAGES[reason]}: ${detail}`);
    this.reason = reason;
  }
}

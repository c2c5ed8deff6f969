import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

/** A pino destination that keeps what was written. */
class LogCapture {
  text = '';
  write(line: string): void {
    this.text += line;
  }
}

describe('errors in the log', () => {
  it('keep the SQL of a failed query but none of its parameters', () => {
    const logs = new LogCapture();
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "entries_id_unique"'), {
      code: '23505',
      detail: 'Key (id)=(secret-entry-id) already exists.',
    });
    const error = new DrizzleQueryError(
      'insert into "entries" ("id", "ciphertext") values ($1, $2)',
      ['secret-entry-id', 'CIPHERTEXT-SECRET'],
      cause,
    );
    createLogger('info', logs).error({ err: error }, 'unhandled error');
    expect(logs.text).toContain('insert into \\"entries\\"');
    expect(logs.text).toContain('23505');
    expect(logs.text).not.toContain('CIPHERTEXT-SECRET');
    expect(logs.text).not.toContain('secret-entry-id');
  });

  it('drop the pg client node-postgres hangs on a connection error, cancel key and all', () => {
    const logs = new LogCapture();
    const error = Object.assign(new Error('Connection terminated unexpectedly'), {
      client: { processID: 42, secretKey: 987654321, connectionParameters: { password: 'hunter2' } },
    });
    createLogger('info', logs).warn({ err: error }, 'PostgreSQL connection lost');
    expect(logs.text).toContain('Connection terminated unexpectedly');
    expect(logs.text).not.toMatch(/secretKey|987654321|hunter2/);
  });
});

import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { parsePostgresTargets } from '../db/postgres-targets';
import { type Limits, LimitsEnvironment, limitsFrom } from './config-limits';
import { parseWitnessTargets, type WitnessTarget } from './witness-collector/witness-targets';

const Port = z.coerce
  .number({ error: 'must be a whole number from 0 to 65535' })
  .int('must be a whole number from 0 to 65535')
  .min(0, 'must be a whole number from 0 to 65535')
  .max(65535, 'must be a whole number from 0 to 65535');

const PostgresUrl = z.string().superRefine((value, context) => {
  try {
    parsePostgresTargets(value);
  } catch (error) {
    // The parser's message never echoes the value: it may hold a password.
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const Origin = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
    } catch {
      return false;
    }
  },
  { error: 'must be an origin such as https://parley.example.org (scheme, host and optional port, no path)' },
);

const Environment = z
  .object({
    PORT: Port.default(8080),
    HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
    DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
    DATABASE_URL: PostgresUrl.optional(),
    PUBLIC_ORIGIN: Origin.optional(),
    RP_ID: z
      .string()
      .regex(/^[a-z0-9.-]+$/, 'must be a lower-case host name such as parley.example.org')
      .optional(),
    RP_NAME: z.string().min(1, 'must not be empty').default('Parley'),
    LOG_ORIGIN: z
      .string()
      .regex(
        /^[\x21-\x2a\x2c-\x7e]{1,200}$/,
        'must be printable ASCII without spaces or "+", e.g. parley.example.org/log/v1',
      )
      .optional(),
    LOG_SIGNING_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a 32-byte Ed25519 seed in base64url (43 characters)')
      .optional(),
    PARLEY_WITNESSES: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .extend(LimitsEnvironment.shape);

export type Config = Limits & {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** The origin browsers load the app from; WebAuthn and the CSRF origin check expect it. */
  readonly publicOrigin: string;
  readonly rpId: string;
  readonly rpName: string;
  readonly logLevel: z.infer<typeof Environment>['LOG_LEVEL'];
  /** First line of every checkpoint: names this log. */
  readonly logOrigin: string;
  /** The log's Ed25519 seed when given through the environment; otherwise kept in `dataDir`. */
  readonly logSigningSeed: string | undefined;
  /** Witnesses the log asks to cosign its checkpoints (`PARLEY_WITNESSES`, docs/PROTOCOL.md §9.3). */
  readonly witnesses: readonly WitnessTarget[];
};

const isLocalHost = (host: string): boolean =>
  host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';

/** A configuration problem, named by its environment variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}

/** Reads the configuration from the environment; throws `ConfigError` naming the first bad variable. */
export const loadConfig = (env: Record<string, string | undefined>): Config => {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = Environment.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'is invalid');
  }
  const vars = parsed.data;
  const publicOrigin = vars.PUBLIC_ORIGIN ?? `http://localhost:${vars.PORT}`;
  const { hostname: originHost, protocol } = new URL(publicOrigin);
  if (protocol === 'http:' && !isLocalHost(originHost)) {
    // Over http: the session cookie cannot be Secure; only a browser on this machine may use it.
    throw new ConfigError('PUBLIC_ORIGIN', 'must be https:// unless its host is localhost or a loopback address');
  }
  const rpId = vars.RP_ID ?? originHost;
  if (originHost !== rpId && !originHost.endsWith(`.${rpId}`)) {
    throw new ConfigError('RP_ID', `must be the host of PUBLIC_ORIGIN (${originHost}) or a parent domain of it`);
  }
  let witnesses: WitnessTarget[];
  try {
    witnesses = parseWitnessTargets(vars.PARLEY_WITNESSES);
  } catch (error) {
    throw new ConfigError('PARLEY_WITNESSES', (error as Error).message);
  }
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: isAbsolute(vars.DATA_DIR) ? vars.DATA_DIR : resolve(vars.DATA_DIR),
    databaseUrl: vars.DATABASE_URL,
    publicOrigin,
    rpId,
    rpName: vars.RP_NAME,
    logLevel: vars.LOG_LEVEL,
    logOrigin: vars.LOG_ORIGIN ?? `${rpId}/parley/log/v1`,
    logSigningSeed: vars.LOG_SIGNING_KEY,
    witnesses,
    ...limitsFrom(vars),
  };
};

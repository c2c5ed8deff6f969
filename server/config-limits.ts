import { isIP } from 'node:net';
import { z } from 'zod';

const count = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

const isAddressOrSubnet = (part: string): boolean => {
  const [address = '', prefix, ...rest] = part.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) {
    return false;
  }
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

/**
 * `TRUST_PROXY`: which hops may set `X-Forwarded-For`. `false` (none), `loopback`, a hop count, or
 * addresses and subnets of the proxies, comma-separated. Never `true`: trusting every hop lets any
 * client choose the address its rate limit counts against.
 */
const TrustProxy = z
  .string()
  .refine(
    (value) =>
      value === 'false' ||
      value === 'loopback' ||
      /^[1-9]$/.test(value) ||
      value.split(',').every((part) => isAddressOrSubnet(part.trim())),
    { error: 'must be false, loopback, a hop count from 1 to 9, or proxy addresses/subnets separated by commas' },
  )
  .transform((value): false | number | string[] =>
    value === 'false' ? false : /^[1-9]$/.test(value) ? Number(value) : value.split(',').map((part) => part.trim()),
  );

/** The environment variables for limits, quotas and timeouts, with their defaults. */
export const LimitsEnvironment = z.object({
  TRUST_PROXY: TrustProxy.default(false),
  DISK_RESERVE_MB: count(0, 1_048_576).default(64),
  LIVE_STREAMS_PER_SESSION: count(1, 1_000).default(4),
  LIVE_STREAMS_MAX: count(1, 100_000).default(500),
  ATTACHMENT_QUOTA_MB: count(1, 1_048_576).default(1_024),
  ATTACHMENT_UPLOADS_PER_HOUR: count(1, 100_000).default(120),
  UNCLAIMED_UPLOAD_TTL_MINUTES: count(5, 525_600).default(1_440),
  EXPORT_MAX_MB: count(1, 1_048_576).default(256),
  EXPORTS_AT_ONCE: count(1, 64).default(2),
  CEREMONY_GLOBAL_PER_MINUTE: count(1, 1_000_000).default(600),
  HEADERS_TIMEOUT_S: count(1, 600).default(20),
  REQUEST_TIMEOUT_S: count(1, 3_600).default(120),
  SEQUENCER_BATCH_MAX: count(1, 1_000).default(64),
  SEQUENCER_DELAY_MS: count(0, 1_000).default(2),
  STREAM_TURN_KEEP_MS: count(0, 10_000).default(1_000),
});

export type Limits = {
  /** `trust proxy` as Express takes it. */
  readonly trustProxy: false | number | readonly string[];
  /** Free bytes under `DATA_DIR` below which the embedded database refuses writes (507). */
  readonly diskReserveBytes: number;
  readonly liveStreamsPerSession: number;
  readonly liveStreamsMax: number;
  readonly attachmentQuotaBytes: number;
  readonly attachmentUploadsPerHour: number;
  /** Age after which an uploaded attachment no entry references is removed. */
  readonly unclaimedUploadTtlMs: number;
  readonly exportMaxBytes: number;
  readonly exportsAtOnce: number;
  /** Ceremony attempts per minute from all clients together. */
  readonly ceremonyGlobalPerMinute: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Entries integrated in one sequencer batch at most, and how long the first waits for company. */
  readonly sequencer: { readonly maxBatch: number; readonly maxDelayMs: number };
  /** How long a writer whose append lost a stream's head (409) keeps the stream's turn to send it again. */
  readonly streamTurnKeepMs: number;
};

const MIB = 1024 * 1024;

export const limitsFrom = (vars: z.infer<typeof LimitsEnvironment>): Limits => ({
  trustProxy: vars.TRUST_PROXY,
  diskReserveBytes: vars.DISK_RESERVE_MB * MIB,
  liveStreamsPerSession: vars.LIVE_STREAMS_PER_SESSION,
  liveStreamsMax: vars.LIVE_STREAMS_MAX,
  attachmentQuotaBytes: vars.ATTACHMENT_QUOTA_MB * MIB,
  attachmentUploadsPerHour: vars.ATTACHMENT_UPLOADS_PER_HOUR,
  unclaimedUploadTtlMs: vars.UNCLAIMED_UPLOAD_TTL_MINUTES * 60_000,
  exportMaxBytes: vars.EXPORT_MAX_MB * MIB,
  exportsAtOnce: vars.EXPORTS_AT_ONCE,
  ceremonyGlobalPerMinute: vars.CEREMONY_GLOBAL_PER_MINUTE,
  headersTimeoutMs: vars.HEADERS_TIMEOUT_S * 1000,
  requestTimeoutMs: vars.REQUEST_TIMEOUT_S * 1000,
  sequencer: { maxBatch: vars.SEQUENCER_BATCH_MAX, maxDelayMs: vars.SEQUENCER_DELAY_MS },
  streamTurnKeepMs: vars.STREAM_TURN_KEEP_MS,
});

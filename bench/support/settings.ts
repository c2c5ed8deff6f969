import { parseArgs } from 'node:util';

export const BENCHMARKS = ['append', 'live', 'verify', 'proofs', 'timeline', 'browser', 'attachments'] as const;
export type BenchmarkId = (typeof BENCHMARKS)[number];
export type DriverName = 'pglite' | 'postgres';

/** Everything a run does, from the command line. */
export type Settings = {
  readonly quick: boolean;
  readonly drivers: readonly DriverName[];
  readonly only: ReadonlySet<BenchmarkId>;
  /** Measured runs per benchmark; results are their medians. */
  readonly runs: number;
  /** Profile one extra run: of each benchmark that misses a target, of every one, or none. */
  readonly profile: 'missed' | 'always' | 'never';
  readonly out: string | undefined;
  /** Rebuild cached logs and bundles instead of reusing them. */
  readonly fresh: boolean;
  readonly append: {
    readonly clients: readonly number[];
    readonly cases: readonly number[];
    readonly writers: number;
    readonly contenders: number;
    /** Appends per run spread over many cases, and on one contended case (each lost race costs a retry). */
    readonly perRun: number;
    readonly contendedPerRun: number;
  };
  readonly verify: { readonly entries: number; readonly entriesPerCase: number };
  readonly proofs: { readonly sizes: readonly number[]; readonly samples: number };
  readonly timeline: { readonly entries: number };
  /** The case the browser opens, written as the timeline's is. */
  readonly browser: { readonly entries: number };
  /** A small and a large file (bytes): memory that grows with size shows as a difference. */
  readonly attachments: { readonly sizes: readonly [number, number] };
};

export const USAGE = `usage: npm run bench -- [--quick] [--runs N] [--drivers pglite,postgres] [--only ${BENCHMARKS.join(',')}]
                       [--max-leaves N] [--profile | --no-profile] [--out FILE] [--fresh]`;

const MIB = 1024 * 1024;

const list = <T extends string>(value: string | undefined, allowed: readonly T[], name: string): T[] | undefined => {
  if (value === undefined) {
    return undefined;
  }
  const items = value.split(',').filter((item) => item !== '');
  const wrong = items.find((item) => !allowed.includes(item as T));
  if (wrong !== undefined) {
    throw new Error(`--${name}: unknown ${JSON.stringify(wrong)}; choose from ${allowed.join(', ')}`);
  }
  return items as T[];
};

const whole = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) {
    return undefined;
  }
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new Error(`--${name} must be a whole number of at least 1`);
  }
  return number;
};

/** Parses the command line; quick mode scales every size down and runs on PGlite alone by default. */
export const parseSettings = (argv: readonly string[], env: NodeJS.ProcessEnv): Settings | 'help' => {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      quick: { type: 'boolean' },
      runs: { type: 'string' },
      drivers: { type: 'string' },
      only: { type: 'string' },
      'max-leaves': { type: 'string' },
      profile: { type: 'boolean' },
      'no-profile': { type: 'boolean' },
      out: { type: 'string' },
      fresh: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    return 'help';
  }
  const quick = values.quick ?? false;
  const hasPostgres = Boolean(env['DATABASE_URL']);
  const drivers =
    list(values.drivers, ['pglite', 'postgres'] as const, 'drivers') ??
    (quick || !hasPostgres ? ['pglite'] : ['pglite', 'postgres']);
  if (drivers.includes('postgres') && !hasPostgres) {
    throw new Error('--drivers postgres needs DATABASE_URL (a superuser URL: throwaway databases are created)');
  }
  // Quick logs fit in one block of cached records (5,000), sealed once.
  const maxLeaves = whole(values['max-leaves'], 'max-leaves') ?? (quick ? 4_000 : 1_000_000);
  // Quick mode measures one log, the largest: every proof ratio, within the 90 s a quick run has.
  const sizes = (quick ? [] : [10_000, 100_000, 1_000_000]).filter((size) => size < maxLeaves);
  return {
    quick,
    drivers,
    only: new Set(list(values.only, BENCHMARKS, 'only') ?? BENCHMARKS),
    runs: whole(values.runs, 'runs') ?? (quick ? 1 : 3),
    profile: values.profile ? 'always' : values['no-profile'] || quick ? 'never' : 'missed',
    // RESULTS.md is rewritten whole: only a full run of every benchmark writes it unasked.
    out: values.out ?? (quick || values.only !== undefined ? undefined : 'bench/RESULTS.md'),
    fresh: values.fresh ?? false,
    append: {
      // Quick mode keeps the 8 clients the targets are set at, and one client for scale.
      clients: quick ? [1, 8] : [1, 8, 32],
      cases: [1, 100],
      writers: 3,
      // The one contended case has writers of its own, in a party of their own (so the other cases'
      // entries keep their recipients): one person per client at the targets' 8, as turns are per person.
      contenders: 8,
      perRun: quick ? 96 : 320,
      contendedPerRun: quick ? 48 : 128,
    },
    verify: quick ? { entries: 2_000, entriesPerCase: 100 } : { entries: 100_000, entriesPerCase: 1_000 },
    proofs: { sizes: [...sizes, maxLeaves], samples: quick ? 150 : 600 },
    timeline: { entries: quick ? 200 : 1_000 },
    browser: { entries: quick ? 200 : 1_000 },
    attachments: { sizes: quick ? [1 * MIB, 5 * MIB] : [10 * MIB, 50 * MIB] },
  };
};

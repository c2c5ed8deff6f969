/**
 * The parties and people of the sample channel (tests and documentation only): Russia holds the
 * children, Ukraine receives them, the United States is the intermediary.
 */
import { type SamplePerson, sampleUuid } from './sample-log';

const party = (name: string) => ({ id: sampleUuid(`party/${name}`) });

/** The three parties. */
export const PARTIES = { RU: party('RU'), UA: party('UA'), US: party('US') } as const;

const person = (name: string, of: keyof typeof PARTIES): SamplePerson => ({
  id: sampleUuid(`person/${name}`),
  party: PARTIES[of],
  name,
});

/** Envoys and staff of each party. */
export const PEOPLE = {
  ruEnvoy: person('ru-envoy', 'RU'),
  ruStaff: person('ru-staff', 'RU'),
  uaEnvoy: person('ua-envoy', 'UA'),
  uaStaff: person('ua-staff', 'UA'),
  usEnvoy: person('us-envoy', 'US'),
} as const;

/** Every party, as stream members and agreed-minutes parties. */
export const MEMBERS = [PARTIES.RU.id, PARTIES.UA.id, PARTIES.US.id];

/** An instant in 2025: `at('11-05')` is 5 November, 09:00 UTC. */
export const at = (day: string, time = '09:00'): string => `2025-${day}T${time}:00.000Z`;

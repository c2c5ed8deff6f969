import { expect } from 'vitest';
import type { EnrolOptions } from '../../client/sdk/enrol-person';
import type { PinnedLog } from '../../client/sdk/log-checker';
import { ParleyPerson, type ServerAddress } from '../../client/sdk/parley-person';
import { ApiProblem } from '../../shared/api/client';
import { PROBLEMS, type ProblemCode } from '../../shared/schemas/problem';
import type { Role } from '../../shared/schemas/role';
import { bootstrapAdminInvitation } from './sdk-bootstrap';
import type { TestServer } from './test-server';

/**
 * How the SDK reaches a test server: its listening URL and the public origin passkeys bind to.
 */
export const addressOf = (server: TestServer): ServerAddress => ({
  baseUrl: server.url,
  origin: server.origin,
});

/**
 * The first admin of a new party, invited from the "command line" and enrolled through the SDK.
 * `log` pins the log as the operator would hand it out (default: what the server names at first contact).
 */
export const enrolBootstrapAdmin = async (server: TestServer, partyName: string, name: string, log?: PinnedLog) => {
  const { link, partyId } = await bootstrapAdminInvitation(server, partyName, name);
  const admin = await ParleyPerson.enrol(server.url, link, { origin: server.origin, ...(log ? { log } : {}) });
  return { admin, partyId };
};

/** A party started the operator's way: a new party whose first admin, its root, is enrolled through the SDK. */
export const startParty = (server: TestServer, name: string, adminName = `Admin of ${name}`, log?: PinnedLog) =>
  enrolBootstrapAdmin(server, name, adminName, log);

/** Someone `inviter` invites, enrolled through the SDK (pending until endorsed). */
export const enrolInvitee = async (
  server: TestServer,
  inviter: ParleyPerson,
  invitation: { partyId: string; role: Role; name: string },
  options: EnrolOptions & { log?: PinnedLog } = {},
): Promise<ParleyPerson> =>
  ParleyPerson.enrol(server.url, await inviter.invite(invitation), {
    origin: server.origin,
    ...options,
  });

/** Awaits a refusal and checks it is the given problem, with its registered status. */
export const expectProblem = async (promise: Promise<unknown>, code: ProblemCode): Promise<ApiProblem> => {
  const error: unknown = await promise.then(
    () => new Error(`expected the problem ${code}, but the call succeeded`),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ApiProblem);
  const problem = (error as ApiProblem).problem;
  expect({ type: problem.type, status: problem.status }).toEqual({
    type: PROBLEMS[code].type,
    status: PROBLEMS[code].status,
  });
  return error as ApiProblem;
};

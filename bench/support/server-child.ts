import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerAddress } from '../../client/sdk/parley-person';
import type { PeakAndNow } from './memory';
import type { ProfileSummary } from './report';

/** Where the server keeps its data, as `startTestServer` takes it. */
export type ServerOptions = {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  readonly env?: Record<string, string>;
};

type Requests =
  | { type: 'invite-admin'; party: string; name: string }
  | { type: 'memory-peak' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; label: string; file: string }
  | { type: 'stop' };

/** A request to the server process, numbered so that its reply can be matched. */
export type ServerRequest = Requests & { readonly id: number };

/** What the server process answers (one member per kind of request), or its first message. */
export type ServerReply = {
  readonly id: number;
  readonly error?: string;
  readonly ready?: { readonly url: string; readonly origin: string };
  readonly invitation?: { readonly link: string; readonly partyId: string };
  readonly memory?: PeakAndNow;
  readonly profile?: ProfileSummary;
};

const SCRIPT = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/** The real server in a child process (see server-process.ts), driven over IPC. */
export class BenchServer {
  readonly #child: ChildProcess;
  readonly #waiting = new Map<number, (reply: ServerReply) => void>();
  #next = 1;

  private constructor(
    child: ChildProcess,
    readonly address: ServerAddress & { readonly origin: string },
  ) {
    this.#child = child;
    child.on('message', (reply: ServerReply) => this.#waiting.get(reply.id)?.(reply));
  }

  /** Forks the server on `options` and waits until it listens. */
  static async start(options: ServerOptions): Promise<BenchServer> {
    const child = fork(SCRIPT, [], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, PARLEY_BENCH_SERVER: JSON.stringify(options) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<NonNullable<ServerReply['ready']>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start in time')), START_TIMEOUT_MS);
      child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before listening`)));
      child.once('message', (reply: ServerReply) => {
        clearTimeout(timer);
        reply.ready ? resolve(reply.ready) : reject(new Error(reply.error ?? 'unexpected first message'));
      });
    });
    return new BenchServer(child, { baseUrl: ready.url, origin: ready.origin });
  }

  get pid(): number {
    return this.#child.pid ?? 0;
  }

  #ask(request: Requests): Promise<ServerReply> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const onExit = () => reject(new Error(`the server exited while answering ${request.type}`));
      this.#child.once('exit', onExit);
      this.#waiting.set(id, (reply) => {
        this.#waiting.delete(id);
        this.#child.off('exit', onExit);
        reply.error === undefined ? resolve(reply) : reject(new Error(`${request.type}: ${reply.error}`));
      });
      this.#child.send({ ...request, id });
    });
  }

  /** A party and an operator invitation for its first admin, as `npm run admin -- invite` makes. */
  async inviteAdmin(party: string, name: string): Promise<{ link: string; partyId: string }> {
    const { invitation } = await this.#ask({ type: 'invite-admin', party, name });
    if (!invitation) {
      throw new Error('no invitation in the reply');
    }
    return invitation;
  }

  /** The server's peak memory since the previous call, and its usage now. */
  async takePeakMemory(): Promise<PeakAndNow> {
    const { memory } = await this.#ask({ type: 'memory-peak' });
    if (!memory) {
      throw new Error('no memory sample in the reply');
    }
    return memory;
  }

  async startProfile(): Promise<void> {
    await this.#ask({ type: 'profile-start' });
  }

  async stopProfile(label: string, file: string): Promise<ProfileSummary> {
    const { profile } = await this.#ask({ type: 'profile-stop', label, file });
    if (!profile) {
      throw new Error('no profile in the reply');
    }
    return profile;
  }

  /** Shuts the server down cleanly (in-flight requests finish, the database closes). */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    await this.#ask({ type: 'stop' }).catch(() => undefined);
    await exited;
  }
}

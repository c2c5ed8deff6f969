import { entryRoutes } from '../../shared/api/entries';
import { RATE_WINDOWS_SECRET_LABEL, SharedRateLimiter } from '../auth/shared-rate-limit';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import type { StorageMonitor } from '../http/storage-guard';
import type { TransparencyLog } from '../log/transparency-log';
import { type Appending, appendEntry } from '../services/entries/append-entry';
import { downloadAttachment, type UploadGuards, uploadAttachment } from '../services/entries/attachments';
import { AuthorKeys } from '../services/entries/author-keys';
import type { EntryNotices } from '../services/entries/entry-notices';
import { EntrySequencer } from '../services/entries/entry-sequencer';
import type { LiveEvents } from '../services/entries/live-events';
import { listStreams, readEntry, readStream } from '../services/entries/read-entries';
import { streamInclusionProofs } from '../services/entries/stream-proofs';
import { StreamTurns, turnLimits } from '../services/entries/stream-turns';
import { UploadSlots } from '../services/entries/upload-slots';
import { signedIn } from './vault';

/** Uploads that may hold a PostgreSQL connection at once: a fifth of the default pool of 10. */
const DATABASE_UPLOAD_SLOTS = 2;

export const entryHandlers = (
  context: ServerContext,
  log: TransparencyLog,
  notices: EntryNotices,
  live: LiveEvents,
  storage?: StorageMonitor,
): Implementation[] => {
  const db = context.database.db;
  const appending: Appending = {
    log,
    sequencer: new EntrySequencer(context, log, context.config.sequencer),
    turns: new StreamTurns(turnLimits(context.config.streamTurnKeepMs)),
    notices,
    authorKeys: new AuthorKeys(),
  };
  const uploads: UploadGuards = {
    perPerson: new SharedRateLimiter(
      context.database,
      log.signer.deriveSecret(RATE_WINDOWS_SECRET_LABEL),
      'uploads',
      context.config.attachmentUploadsPerHour,
      60 * 60 * 1000,
    ),
    quotaBytes: context.config.attachmentQuotaBytes,
    storage,
    databaseSlots: new UploadSlots(DATABASE_UPLOAD_SLOTS),
  };
  return [
    implement(entryRoutes.listStreams, async (_input, { caller }) => ({
      streams: await listStreams(db, signedIn(caller)),
    })),
    implement(entryRoutes.listEntries, ({ params, query }, { caller }) =>
      readStream(db, signedIn(caller), params.streamId, query.after, query.limit),
    ),
    implement(entryRoutes.streamProofs, ({ params, query }) => streamInclusionProofs(db, log, params.streamId, query)),
    implement(entryRoutes.getEntry, ({ params }, { caller }) => readEntry(db, signedIn(caller), params.entryHash)),
    implement(entryRoutes.appendEntry, ({ body }, { caller }) =>
      appendEntry(context, appending, signedIn(caller), body),
    ),
    implement(entryRoutes.events, async (_input, { caller, res }) => {
      await live.serve(signedIn(caller), res);
      return undefined;
    }),
    implement(entryRoutes.uploadAttachment, (_input, { caller, req }) =>
      uploadAttachment(context, signedIn(caller), req, uploads),
    ),
    implement(entryRoutes.downloadAttachment, async ({ params }, { caller, res }) => {
      await downloadAttachment(context, signedIn(caller), params.attachmentId, res);
      return undefined;
    }),
  ];
};

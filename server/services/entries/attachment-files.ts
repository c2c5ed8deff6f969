import { createReadStream } from 'node:fs';
import { chmod, type FileHandle, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * The embedded default keeps each attachment's ciphertext in a file of its own under
 * `DATA_DIR/attachments`, named by its id: PGlite's WebAssembly heap would otherwise marshal every
 * byte and keep the memory. A file exists under its final name only once its bytes are on disk.
 */
const TEMP_SUFFIX = '.part';
const READ_BYTES = 1024 * 1024;

/** The directory holding attachment files, under the data directory. */
export const attachmentDir = (dataDir: string): string => join(dataDir, 'attachments');

/** Where the ciphertext of attachment `id` lives. */
export const attachmentPath = (dataDir: string, id: string): string => join(attachmentDir(dataDir), id);

/** Creates the directory private to this user (0700), like the data directory around it. */
export const ensureAttachmentDir = async (dataDir: string): Promise<string> => {
  const dir = attachmentDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  return dir;
};

const WRITE_BYTES = 1024 * 1024;
const WRITE_PIECES = 64;

/** Writes every byte of `buffers` in order: writev may write fewer than asked, like write. */
export const writeAll = async (handle: Pick<FileHandle, 'writev'>, buffers: Buffer[]): Promise<void> => {
  let pending = buffers.filter((buffer) => buffer.length > 0);
  while (pending.length > 0) {
    let { bytesWritten } = await handle.writev(pending);
    if (bytesWritten === 0) {
      throw new Error('the file took none of the bytes written to it');
    }
    while (pending.length > 0 && bytesWritten >= (pending[0] as Buffer).length) {
      bytesWritten -= (pending[0] as Buffer).length;
      pending = pending.slice(1);
    }
    if (bytesWritten > 0) {
      pending = [(pending[0] as Buffer).subarray(bytesWritten), ...pending.slice(1)];
    }
  }
};

/**
 * Writes `source` one write at a time, so that it is read no faster than the disk takes it; each a
 * writev of its chunks up to 1 MiB, not one write (and thread-pool round trip) per network chunk.
 * At most WRITE_PIECES chunks wait, so a client trickling tiny packets cannot pile up objects.
 */
export const writeBatched = async (
  handle: Pick<FileHandle, 'writev'>,
  source: AsyncIterable<Buffer>,
): Promise<void> => {
  let batch: Buffer[] = [];
  let batchBytes = 0;
  for await (const chunk of source) {
    batch.push(chunk);
    batchBytes += chunk.length;
    if (batchBytes >= WRITE_BYTES || batch.length >= WRITE_PIECES) {
      await writeAll(handle, batch);
      [batch, batchBytes] = [[], 0];
    }
  }
  await writeAll(handle, batch);
};

const fsyncDir = async (dir: string) => {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/**
 * Streams `source` into a temporary file (0600), fsyncs it, renames it to the attachment's name and
 * fsyncs the directory, so that once this resolves the bytes survive a crash. On any failure
 * (including `source` throwing a refusal) the temporary file is removed and the error rethrown.
 */
export const writeAttachmentFile = async (
  dataDir: string,
  id: string,
  source: AsyncIterable<Buffer>,
): Promise<void> => {
  const dir = await ensureAttachmentDir(dataDir);
  const temp = join(dir, `${id}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await writeBatched(handle, source);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  await rename(temp, join(dir, id));
  await fsyncDir(dir);
};

/** Removes an attachment's file; one already gone is not an error. */
export const removeAttachmentFile = async (dataDir: string, id: string): Promise<void> => {
  await unlink(attachmentPath(dataDir, id)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') {
      throw error;
    }
  });
};

/** Size of an attachment's file, or undefined when there is none. */
export const attachmentFileSize = async (dataDir: string, id: string): Promise<number | undefined> =>
  stat(attachmentPath(dataDir, id)).then(
    (stats) => stats.size,
    () => undefined,
  );

/** Reads an attachment's file in 1 MiB pieces; the caller's pipeline gives backpressure. */
export const readAttachmentFile = (dataDir: string, id: string): Readable =>
  createReadStream(attachmentPath(dataDir, id), { highWaterMark: READ_BYTES });

/**
 * Removes temporary files and files no row claims (a crash between the rename and the commit);
 * `isStored` answers whether a row records a file of that name. Returns the names removed.
 */
export const collectAbandonedFiles = async (
  dataDir: string,
  isStored: (names: string[]) => Promise<Set<string>>,
): Promise<string[]> => {
  const dir = await ensureAttachmentDir(dataDir);
  const names = await readdir(dir);
  const stored = await isStored(names.filter((name) => !name.endsWith(TEMP_SUFFIX)));
  const abandoned = names.filter((name) => !stored.has(name));
  for (const name of abandoned) {
    await unlink(join(dir, name)).catch(() => {});
  }
  if (abandoned.length > 0) {
    await fsyncDir(dir);
  }
  return abandoned;
};

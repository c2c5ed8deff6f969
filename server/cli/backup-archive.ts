import { createReadStream, createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { extract, pack } from 'tar-stream';
import {
  attachmentDir,
  attachmentFileSize,
  readAttachmentFile,
  writeAttachmentFile,
} from '../services/entries/attachment-files';

/**
 * A backup is one gzipped tar: `parley-backup.json` first (its format), then PGlite's own dump
 * (`pglite.tar.gz`), then each attachment file as `attachments/<id>`. Attachment files are streamed
 * in and out, never held whole. A backup from before attachments lived in files is PGlite's dump
 * alone, and still restores.
 */
const MANIFEST = 'parley-backup.json';
const DATABASE = 'pglite.tar.gz';
const ATTACHMENTS = 'attachments/';
const FORMAT = { format: 'parley-backup', version: 2 } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Writes a new backup file (0600, never over an existing one) and fsyncs it; returns its size. */
export const writeBackup = async (out: string, database: Uint8Array, dataDir: string): Promise<number> => {
  const tar = pack();
  const written = pipeline(tar, createGzip(), createWriteStream(out, { flags: 'wx', mode: 0o600 }));
  const add = (name: string, size: number, body: Readable) =>
    new Promise<void>((resolve, reject) => {
      const entry = tar.entry({ name, size, mode: 0o600 }, (error) => (error ? reject(error) : resolve()));
      body.on('error', reject);
      body.pipe(entry);
    });
  try {
    tar.entry({ name: MANIFEST, mode: 0o600 }, Buffer.from(JSON.stringify(FORMAT)));
    tar.entry({ name: DATABASE, mode: 0o600 }, Buffer.from(database));
    for (const id of attachmentIds(dataDir)) {
      const size = await attachmentFileSize(dataDir, id);
      if (size !== undefined) {
        await add(`${ATTACHMENTS}${id}`, size, readAttachmentFile(dataDir, id));
      }
    }
    tar.finalize();
    await written;
  } catch (error) {
    tar.destroy(error as Error);
    await written.catch(() => {});
    await unlink(out).catch(() => {});
    throw error;
  }
  const handle = await open(out, 'r');
  try {
    await handle.sync();
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
};

const attachmentIds = (dataDir: string): string[] => {
  try {
    return readdirSync(attachmentDir(dataDir)).filter((name) => UUID.test(name));
  } catch {
    return [];
  }
};

/**
 * Reads a backup: puts its attachment files back under `dataDir` (each fsynced, as an upload's)
 * and returns PGlite's dump to load. An old backup (PGlite's dump alone) is returned as it is.
 */
export const readBackup = async (input: string, dataDir: string): Promise<Blob> => {
  let database: Buffer | undefined;
  let isArchive: boolean | undefined;
  const entries = extract();
  entries.on('entry', (header, body, next) => {
    const done = (error?: unknown) => (error ? entries.destroy(error as Error) : next());
    if (isArchive === undefined) {
      isArchive = header.name === MANIFEST;
      if (!isArchive) {
        // Not ours: PGlite's own dump (an old backup). Stop reading; the file is loaded as it is.
        body.resume();
        entries.destroy();
        return;
      }
    }
    if (header.name === DATABASE) {
      collect(body).then((bytes) => {
        database = bytes;
        done();
      }, done);
    } else if (header.name.startsWith(ATTACHMENTS) && UUID.test(header.name.slice(ATTACHMENTS.length))) {
      writeAttachmentFile(dataDir, header.name.slice(ATTACHMENTS.length), body as AsyncIterable<Buffer>).then(
        () => done(),
        done,
      );
    } else {
      body.resume();
      body.on('end', () => done());
    }
  });
  try {
    await pipeline(createReadStream(input), createGunzip(), entries);
  } catch (error) {
    if (isArchive !== false) {
      throw error;
    }
  }
  if (isArchive === false) {
    return new Blob([readFileSync(input)]);
  }
  if (!database) {
    throw new Error(`${DATABASE} is missing from the backup`);
  }
  return new Blob([database]);
};

const collect = async (body: AsyncIterable<unknown>): Promise<Buffer> => {
  const pieces: Buffer[] = [];
  for await (const piece of body) {
    pieces.push(piece as Buffer);
  }
  return Buffer.concat(pieces);
};

import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { attachments } from '../../db/schema/index';
import { equalHashes } from '../../shared/log/hash-checks';
import { startAttachmentDigest } from '../crypto/hashes';
import { attachmentFileSize, readAttachmentFile } from '../services/entries/attachment-files';
import { readAttachmentRows } from '../services/entries/attachment-rows';

const PAGE = 500;

/**
 * Re-reads every stored attachment, from its file under `dataDir` or its rows, and checks its size
 * and §6.3 ciphertext digest against its row: a missing, truncated or altered file is named.
 * Returns how many attachments were checked.
 */
export const checkAttachments = async (
  db: Db,
  dataDir: string,
  fail: (subject: string, reason: string) => void,
): Promise<number> => {
  let checked = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select()
      .from(attachments)
      .where(gt(attachments.id, after))
      .orderBy(asc(attachments.id))
      .limit(PAGE);
    for (const row of rows) {
      checked += 1;
      const subject = `attachment ${row.id}`;
      if (row.storedIn === 'file') {
        const size = await attachmentFileSize(dataDir, row.id);
        if (size === undefined) {
          fail(subject, `its file ${row.id} is missing from ${dataDir}/attachments`);
          continue;
        }
        if (size !== row.size) {
          fail(subject, `its file holds ${size} bytes, its row records ${row.size} (truncated or altered)`);
          continue;
        }
      }
      const digest = startAttachmentDigest();
      let size = 0;
      try {
        const source =
          row.storedIn === 'file'
            ? readAttachmentFile(dataDir, row.id)
            : readAttachmentRows({ db }, row.id, row.chunkCount);
        for await (const piece of source as AsyncIterable<Buffer>) {
          size += piece.length;
          digest.update(piece);
        }
      } catch (error) {
        fail(subject, `its bytes cannot be read: ${(error as Error).message}`);
        continue;
      }
      if (size !== row.size) {
        fail(subject, `${size} bytes stored, its row records ${row.size}`);
      } else if (!equalHashes(new Uint8Array(digest.digest()), row.digest)) {
        fail(subject, 'its bytes do not match the ciphertext digest recorded at upload (altered)');
      }
    }
    if (rows.length < PAGE) {
      return checked;
    }
    after = rows.at(-1)?.id ?? after;
  }
};

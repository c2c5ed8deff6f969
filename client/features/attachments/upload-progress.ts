/** One file's upload as a screen shows it: ciphertext bytes sent out of all of them. */
export type FileUpload = { readonly name: string; readonly sent: number; readonly total: number };

/** Whole percent of `upload` sent (100 once every byte is). */
export const percentSent = ({ sent, total }: Pick<FileUpload, 'sent' | 'total'>): number =>
  total <= 0 ? 100 : Math.floor((Math.min(Math.max(sent, 0), total) / total) * 100);

/**
 * The uploads with file `index` at `sent` of `total` bytes. Answers `uploads` itself when the
 * whole percent shown would not change (a streamed body reports every 64 KiB chunk), so that a
 * screen re-renders about a hundred times per file at most; the first and last reports always count.
 */
export const withUploadProgress = (
  uploads: readonly FileUpload[],
  index: number,
  next: FileUpload,
): readonly FileUpload[] => {
  const previous = uploads[index];
  if (
    previous !== undefined &&
    previous.name === next.name &&
    previous.total === next.total &&
    next.sent !== next.total &&
    next.sent !== 0 &&
    percentSent(previous) === percentSent(next)
  ) {
    return uploads;
  }
  const updated = [...uploads];
  updated[index] = next;
  return updated;
};

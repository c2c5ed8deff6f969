/** Image types a browser shows inertly; never SVG, which carries script. */
const INERT_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/**
 * The type a decrypted attachment's `blob:` URL is given. The author chose the stated media type:
 * `text/html` or `image/svg+xml` opened from a `blob:` URL of this origin would run the author's
 * script in the reader's session. Only inert image types keep theirs (so photos still show);
 * everything else is a download, `application/octet-stream`.
 */
export const blobMediaType = (stated: string): string => {
  const type = stated.split(';')[0]?.trim().toLowerCase() ?? '';
  return INERT_IMAGE_TYPES.has(type) ? type : 'application/octet-stream';
};

import { useEffect, useState } from 'react';
import { openAttachment } from '../../entries/download-attachment';

export type AttachmentUrlState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly url: string };

/**
 * Decrypts the attachment behind `handle` when `enabled`, and answers a `blob:` URL for it that
 * is revoked when the component goes away. The file's key never leaves client/entries.
 */
export const useAttachmentUrl = (handle: string, enabled: boolean): AttachmentUrlState => {
  const [state, setState] = useState<AttachmentUrlState>({ status: 'idle' });
  useEffect(() => {
    if (!enabled) {
      return;
    }
    let url: string | null = null;
    let current = true;
    setState({ status: 'loading' });
    openAttachment(handle).then(
      ({ blob }) => {
        if (current) {
          url = URL.createObjectURL(blob);
          setState({ status: 'ready', url });
        }
      },
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
      if (url !== null) {
        URL.revokeObjectURL(url);
      }
    };
  }, [handle, enabled]);
  return state;
};

import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { AttachmentView } from '../../entries/content-view';
import { formatBytes } from '../timeline/labels';
import { useAttachmentUrl } from './useAttachmentUrl';

/** One file: its name and size, and a button that decrypts it and offers it to save. */
export const AttachmentItem = ({ file }: { file: AttachmentView }) => {
  const [isWanted, setWanted] = useState(false);
  const state = useAttachmentUrl(file.handle, isWanted);
  return (
    <li className="attachment" data-testid="attachment">
      <span data-testid="attachment-name">{file.name}</span>{' '}
      <span className="hint">
        {file.mediaType} · {formatBytes(file.size)}
      </span>{' '}
      {state.status === 'ready' ? (
        <a href={state.url} download={file.name} data-testid="attachment-save">
          Save decrypted file
        </a>
      ) : (
        <button
          type="button"
          onClick={() => setWanted(true)}
          disabled={state.status === 'loading'}
          data-testid="attachment-decrypt"
        >
          {state.status === 'loading' ? 'Decrypting…' : 'Decrypt'}
        </button>
      )}
      {state.status === 'error' ? <ErrorNotice error={state.error} testId="attachment-error" /> : null}
    </li>
  );
};

import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { AttachmentView } from '../../entries/content-view';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { useAttachmentUrl } from './useAttachmentUrl';

/** One file: its name and size, and a button that decrypts it and offers it to save. */
export const AttachmentItem = ({ file }: { file: AttachmentView }) => {
  const { t } = useT('attachments');
  const { bytes } = useFormat();
  const [isWanted, setWanted] = useState(false);
  const state = useAttachmentUrl(file.handle, isWanted);
  return (
    <li className="attachment" data-testid="attachment">
      <span data-testid="attachment-name" dir="auto">
        {file.name}
      </span>{' '}
      <span className="hint">
        {file.mediaType} · {bytes(file.size)}
      </span>{' '}
      {state.status === 'ready' ? (
        <a href={state.url} download={file.name} data-testid="attachment-save">
          {t('save')}
        </a>
      ) : (
        <button
          type="button"
          onClick={() => setWanted(true)}
          disabled={state.status === 'loading'}
          data-testid="attachment-decrypt"
        >
          {state.status === 'loading' ? t('decrypting') : t('decrypt')}
        </button>
      )}
      {state.status === 'error' ? <ErrorNotice error={state.error} testId="attachment-error" /> : null}
    </li>
  );
};

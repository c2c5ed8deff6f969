import { ErrorNotice } from '../../components/ErrorNotice';
import type { AttachmentView } from '../../entries/content-view';
import { useT } from '../../i18n/useT';
import { useAttachmentUrl } from './useAttachmentUrl';

/** A photo decrypted in the browser and shown from a `blob:` URL. */
export const AttachmentImage = ({ file }: { file: AttachmentView }) => {
  const { t } = useT('attachments');
  const state = useAttachmentUrl(file.handle, true);
  if (state.status === 'error') {
    return <ErrorNotice error={state.error} testId="attachment-error" />;
  }
  return state.status === 'ready' ? (
    <img className="photo" src={state.url} alt={file.name} data-testid="attachment-photo" />
  ) : (
    <span className="photo placeholder hint">{t('decryptingImage', { name: file.name })}</span>
  );
};

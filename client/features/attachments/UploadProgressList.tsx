import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import type { FileUpload } from './upload-progress';

/** Each file being uploaded, with a progress bar of its encrypted bytes sent. */
export const UploadProgressList = ({ uploads }: { uploads: readonly FileUpload[] }) => {
  const { t } = useT('forms');
  const { bytes } = useFormat();
  if (uploads.length === 0) {
    return null;
  }
  return (
    <ul className="upload-progress" data-testid="upload-progress-list">
      {uploads.map((upload) => {
        const label =
          upload.sent >= upload.total
            ? t('upload.done', { name: upload.name })
            : t('upload.label', { name: upload.name });
        return (
          <li key={upload.name}>
            <span>
              {label} ({bytes(upload.sent)} / {bytes(upload.total)})
            </span>
            <progress value={upload.sent} max={upload.total} aria-label={label} data-testid="upload-progress" />
          </li>
        );
      })}
    </ul>
  );
};

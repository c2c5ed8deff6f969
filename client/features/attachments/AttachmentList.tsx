import type { AttachmentView } from '../../entries/content-view';
import { useT } from '../../i18n/useT';
import { AttachmentImage } from './AttachmentImage';
import { AttachmentItem } from './AttachmentItem';

/** Files carried by an entry: images shown decrypted when `showImages`, every file offered to save. */
export const AttachmentList = ({
  files,
  showImages = false,
}: {
  files: readonly AttachmentView[];
  showImages?: boolean;
}) => {
  const { t } = useT('attachments');
  return files.length === 0 ? null : (
    <div className="attachments">
      {showImages ? (
        <div className="photos">
          {files
            .filter((file) => file.mediaType.startsWith('image/'))
            .map((file) => (
              <AttachmentImage key={file.handle} file={file} />
            ))}
        </div>
      ) : null}
      <ul className="attachment-list" aria-label={t('list')}>
        {files.map((file) => (
          <AttachmentItem key={file.handle} file={file} />
        ))}
      </ul>
    </div>
  );
};

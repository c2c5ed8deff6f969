import { useId, useState } from 'react';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/crypto/attachment-size';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { fileProblem } from './file-check';

/**
 * Chooses files to attach. They are encrypted in this browser, chunk by chunk, when the entry is
 * sent; the server receives only ciphertext (and never the file name).
 */
export const FilePicker = ({
  label,
  files,
  onChange,
  accept,
  testId = 'file-input',
}: {
  label: string;
  files: readonly File[];
  onChange: (files: File[]) => void;
  accept?: string;
  testId?: string;
}) => {
  const { t } = useT('attachments');
  const { bytes } = useFormat();
  const limit = bytes(ATTACHMENT_MAX_BYTES);
  const id = useId();
  const [refused, setRefused] = useState<string[]>([]);
  return (
    <div className="file-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        multiple
        {...(accept === undefined ? {} : { accept })}
        onChange={(event) => {
          const picked = Array.from(event.target.files ?? []);
          setRefused(
            picked.flatMap((file) => {
              const problem = fileProblem(file, accept);
              return problem ? [`${file.name}: ${t(`refused.${problem}`, { limit })}`] : [];
            }),
          );
          onChange([...files, ...picked.filter((file) => fileProblem(file, accept) === null)]);
          event.target.value = '';
        }}
        data-testid={testId}
      />
      <p className="hint">{t('pickerHint', { limit })}</p>
      {refused.length > 0 ? (
        <p role="alert" className="error" data-testid={`${testId}-refused`}>
          {t('notAttached', { files: refused.join('; ') })}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="chosen-files" data-testid="chosen-files">
          {files.map((file, index) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}`}>
              {file.name} ({bytes(file.size)}){' '}
              <button type="button" onClick={() => onChange(files.filter((_, other) => other !== index))}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

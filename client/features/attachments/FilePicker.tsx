import { useId } from 'react';
import { formatBytes } from '../timeline/labels';

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
  const id = useId();
  return (
    <div className="file-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        multiple
        {...(accept === undefined ? {} : { accept })}
        onChange={(event) => {
          onChange([...files, ...Array.from(event.target.files ?? [])]);
          event.target.value = '';
        }}
        data-testid={testId}
      />
      <p className="hint">Encrypted in this browser before upload; at most 50 MiB each.</p>
      {files.length > 0 ? (
        <ul className="chosen-files" data-testid="chosen-files">
          {files.map((file, index) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}`}>
              {file.name} ({formatBytes(file.size)}){' '}
              <button type="button" onClick={() => onChange(files.filter((_, other) => other !== index))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

import { useId, useState } from 'react';
import { formatBytes } from '../timeline/labels';
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
          const reasons = {
            'too-large': 'larger than 50 MiB',
            empty: 'empty',
            'wrong-type': 'not a type this field takes',
          };
          setRefused(
            picked.flatMap((file) => {
              const problem = fileProblem(file, accept);
              return problem ? [`${file.name}: ${reasons[problem]}`] : [];
            }),
          );
          onChange([...files, ...picked.filter((file) => fileProblem(file, accept) === null)]);
          event.target.value = '';
        }}
        data-testid={testId}
      />
      <p className="hint">Encrypted in this browser before upload; at most 50 MiB each.</p>
      {refused.length > 0 ? (
        <p role="alert" className="error" data-testid={`${testId}-refused`}>
          Not attached: {refused.join('; ')}.
        </p>
      ) : null}
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

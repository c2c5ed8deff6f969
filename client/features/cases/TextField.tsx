import { type ReactNode, useId } from 'react';

/** A labelled text input (or textarea), controlled. */
export const TextField = ({
  label,
  value,
  onChange,
  testId,
  type = 'text',
  multiline = false,
  required = false,
  hint,
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  type?: 'text' | 'date' | 'datetime-local' | 'number';
  multiline?: boolean;
  required?: boolean;
  hint?: ReactNode;
  maxLength?: number;
}) => {
  const id = useId();
  const common = {
    id,
    value,
    required,
    ...(maxLength === undefined ? {} : { maxLength }),
    ...(testId === undefined ? {} : { 'data-testid': testId }),
    ...(hint === undefined ? {} : { 'aria-describedby': `${id}-hint` }),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={6} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(event) => onChange(event.target.value)} />
      )}
      {hint === undefined ? null : (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
};

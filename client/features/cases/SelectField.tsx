import { useId } from 'react';

/** A labelled select over fixed options; `empty` offers "not stated" as the first choice. */
export const SelectField = <V extends string>({
  label,
  value,
  onChange,
  options,
  empty,
  testId,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (value: V | '') => void;
  options: readonly (readonly [V, string])[];
  empty?: string;
  testId?: string;
  required?: boolean;
}) => {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        required={required}
        onChange={(event) => onChange(event.target.value as V | '')}
        {...(testId === undefined ? {} : { 'data-testid': testId })}
      >
        {empty === undefined ? null : <option value="">{empty}</option>}
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
};

/** Options from enum values, with underscores shown as spaces. */
export const optionsOf = <V extends string>(values: readonly V[]): (readonly [V, string])[] =>
  values.map((value) => [value, value.replaceAll('_', ' ')] as const);

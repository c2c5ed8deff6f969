/** A fieldset of checkboxes; `locked` values are always checked and cannot be unchecked. */
export const CheckboxGroup = ({
  legend,
  options,
  selected,
  onChange,
  locked = [],
  testId,
}: {
  legend: string;
  options: readonly (readonly [string, string])[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  locked?: readonly string[];
  testId?: string;
}) => (
  <fieldset className="checkbox-group" {...(testId === undefined ? {} : { 'data-testid': testId })}>
    <legend>{legend}</legend>
    {options.map(([value, text]) => {
      const isLocked = locked.includes(value);
      return (
        <label key={value} className="checkbox">
          <input
            type="checkbox"
            value={value}
            checked={isLocked || selected.includes(value)}
            disabled={isLocked}
            onChange={(event) =>
              onChange(event.target.checked ? [...selected, value] : selected.filter((other) => other !== value))
            }
          />{' '}
          {text}
        </label>
      );
    })}
  </fieldset>
);

import { useId } from 'react';
import type { KeyHolder } from '../../entries/directory-people';

/**
 * Who may receive the keys: anyone with a current key in the directory taken from the log who
 * reads streams, other than the discloser. Reviewers come first: they are who disclosure is usually for.
 */
export const GranteePicker = ({
  people,
  partyName,
  me,
  value,
  onChange,
}: {
  people: readonly KeyHolder[];
  partyName: (id: string) => string;
  me: string;
  value: string;
  onChange: (personId: string) => void;
}) => {
  const id = useId();
  const candidates = people.filter((person) => person.role !== 'admin' && person.id !== me);
  const groups = [
    ['Reviewers', candidates.filter((person) => person.role === 'reviewer')],
    ['Others (for instance of a party added later)', candidates.filter((person) => person.role !== 'reviewer')],
  ] as const;
  return (
    <div className="field">
      <label htmlFor={id}>Disclose to</label>
      <select
        id={id}
        value={value}
        required
        onChange={(event) => onChange(event.target.value)}
        data-testid="disclose-grantee"
      >
        <option value="">Choose a person</option>
        {groups.map(([label, members]) =>
          members.length === 0 ? null : (
            <optgroup key={label} label={label}>
              {members.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({person.role}, {partyName(person.party)})
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
    </div>
  );
};

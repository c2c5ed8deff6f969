import { useId } from 'react';
import type { PersonView } from '../../../shared/schemas/identity';

/**
 * Who may receive the keys: any active person who reads streams, other than the discloser.
 * Reviewers come first: they are who disclosure is usually for.
 */
export const GranteePicker = ({
  people,
  me,
  value,
  onChange,
}: {
  people: readonly PersonView[];
  me: string;
  value: string;
  onChange: (personId: string) => void;
}) => {
  const id = useId();
  const candidates = people.filter(
    (person) => person.status === 'active' && person.role !== 'admin' && person.id !== me,
  );
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
                  {person.name} ({person.role}, {person.party.name})
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
    </div>
  );
};

import { useId } from 'react';
import type { KeyHolder } from '../../entries/directory-people';
import { useT } from '../../i18n/useT';

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
  const { t } = useT('disclosure');
  const id = useId();
  const candidates = people.filter((person) => person.role !== 'admin' && person.id !== me);
  const groups = [
    [t('grantee.reviewers'), candidates.filter((person) => person.role === 'reviewer')],
    [t('grantee.others'), candidates.filter((person) => person.role !== 'reviewer')],
  ] as const;
  return (
    <div className="field">
      <label htmlFor={id}>{t('grantee.label')}</label>
      <select
        id={id}
        value={value}
        required
        onChange={(event) => onChange(event.target.value)}
        data-testid="disclose-grantee"
      >
        <option value="">{t('grantee.choose')}</option>
        {groups.map(([label, members]) =>
          members.length === 0 ? null : (
            <optgroup key={label} label={label}>
              {members.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({t(`common:account.role.${person.role}`)}, {partyName(person.party)})
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
    </div>
  );
};

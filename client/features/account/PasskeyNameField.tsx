import { useId, useState } from 'react';
import { useT } from '../../i18n/useT';

/** A passkey's name with a "Rename" button that turns it into a field until saved or cancelled. */
export const PasskeyNameField = ({ name, onRename }: { name: string; onRename: (name: string) => void }) => {
  const { t } = useT('account');
  const id = useId();
  const [editing, setEditing] = useState<string | null>(null);
  if (editing === null) {
    return (
      <h3 className="passkey-name">
        <span dir="auto" data-testid="passkey-name">
          {name}
        </span>{' '}
        <button type="button" onClick={() => setEditing(name)} data-testid="rename-passkey">
          {t('common:actions.rename')}
        </button>
      </h3>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onRename(editing);
        setEditing(null);
      }}
    >
      <label htmlFor={id}>{t('passkeys.nameLabel')}</label>
      <input
        id={id}
        dir="auto"
        value={editing}
        maxLength={60}
        required
        onChange={(event) => setEditing(event.target.value)}
        data-testid="passkey-name-input"
      />
      <button type="submit" data-testid="passkey-name-save">
        {t('common:actions.save')}
      </button>
      <button type="button" onClick={() => setEditing(null)}>
        {t('common:actions.cancel')}
      </button>
    </form>
  );
};

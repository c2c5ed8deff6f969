import { type FormEvent, useState } from 'react';
import type { Role } from '../../../shared/schemas/role';
import { useT } from '../../i18n/useT';
import { SelectField } from '../cases/SelectField';
import type { ScopeOptions } from './useScopeOptions';
import { type ScopeKind, scopeKindsFor, type VerifyScope } from './verify-scope';

/** Chooses what to verify among what the role may export; `onPick` runs on submit. */
export const ScopePicker = ({
  role,
  options,
  current,
  onPick,
}: {
  role: Role;
  options: ScopeOptions;
  current: VerifyScope | null;
  onPick: (scope: VerifyScope) => void;
}) => {
  const { t } = useT('verify');
  const kinds = scopeKindsFor(role);
  const [kind, setKind] = useState<ScopeKind>(current?.kind ?? kinds[0] ?? 'party');
  const [id, setId] = useState(current && current.kind !== 'all' ? current.id : '');
  const choices = kind === 'all' ? [] : options[kind];
  const chosen = choices.find((choice) => choice.id === id)?.id ?? choices[0]?.id ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPick(kind === 'all' ? { kind } : { kind, id: chosen });
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="verify-scope-form">
      <SelectField<ScopeKind>
        label={t('picker.verify')}
        value={kind}
        onChange={(value) => setKind(value || (kinds[0] ?? 'party'))}
        options={kinds.map((option) => [option, t(`scope.${option}`)] as const)}
        testId="verify-scope-kind"
      />
      {kind === 'all' ? null : (
        <SelectField
          label={t(`scope.${kind}`)}
          value={chosen}
          onChange={setId}
          options={choices.map(
            (choice) =>
              [choice.id, kind === 'thread' ? t('picker.thread', { label: choice.label }) : choice.label] as const,
          )}
          testId="verify-scope-id"
        />
      )}
      <button type="submit" className="primary" disabled={kind !== 'all' && chosen === ''} data-testid="verify-submit">
        {t('picker.submit')}
      </button>
      {kind !== 'all' && choices.length === 0 ? <span className="hint">{t('picker.nothing')}</span> : null}
    </form>
  );
};

import { witnessKeyHash } from '../../../shared/witness/witness-key-hash';
import type { PinnedWitness } from '../../../shared/witness/witness-policy';
import { useT } from '../../i18n/useT';

/** Pinned (or offered) witnesses as a person compares them with their operators: name, key hash, party. */
export const WitnessPinList = ({ witnesses, testId }: { witnesses: readonly PinnedWitness[]; testId: string }) => {
  const { t } = useT('witnesses');
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('list.name')}</th>
          <th scope="col">{t('list.keyHash')}</th>
          <th scope="col">{t('list.party')}</th>
        </tr>
      </thead>
      <tbody>
        {witnesses.map(({ key, party }) => (
          <tr key={key.name} data-testid={`${testId}-row`}>
            <td data-testid={`${testId}-name`}>{key.name}</td>
            <td>
              <code data-testid={`${testId}-hash`}>{witnessKeyHash(key)}</code>
            </td>
            <td data-testid={`${testId}-party`}>{party ?? t('list.noParty')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

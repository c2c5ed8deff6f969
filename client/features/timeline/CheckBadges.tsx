import type { EntryCheck } from '../../entries/entry-checks';
import type { EntryChecks } from '../../entries/read-stream';
import { useT } from '../../i18n/useT';

const CheckBadge = ({ name, check, testId }: { name: string; check: EntryCheck; testId: string }) => {
  const { t } = useT('timeline');
  return (
    <li className={`check ${check.state}`} title={check.detail} data-testid={testId} data-state={check.state}>
      {t('badge', { name, state: t(`state.${check.state}`) })}
      <span className="visually-hidden">: {check.detail}</span>
    </li>
  );
};

/** The signature, chain, inclusion and readers checks of one entry, each with its explanation on hover. */
export const CheckBadges = ({ checks }: { checks: EntryChecks }) => {
  const { t } = useT('timeline');
  return (
    <ul className="checks" aria-label={t('verification')}>
      <CheckBadge name={t('check.signature')} check={checks.signature} testId="check-signature" />
      <CheckBadge name={t('check.chain')} check={checks.chain} testId="check-chain" />
      <CheckBadge name={t('check.inclusion')} check={checks.inclusion} testId="check-inclusion" />
      <CheckBadge name={t('check.readers')} check={checks.readers} testId="check-readers" />
    </ul>
  );
};

import type { EntryChecks } from '../../entries/read-stream';
import { useT } from '../../i18n/useT';

const CHECK_NAMES = ['signature', 'chain', 'inclusion', 'readers'] as const;

/** "verified" when every check passed, "FAILED" naming the failed ones, or "not yet checked". */
export const verificationState = (checks: EntryChecks): 'verified' | 'failed' | 'unchecked' => {
  const states = CHECK_NAMES.map((name) => checks[name].state);
  return states.includes('invalid') ? 'failed' : states.includes('unchecked') ? 'unchecked' : 'verified';
};

/** The verification state of one entry in words, for the screen and for paper. */
export const VerificationState = ({ checks, testId }: { checks: EntryChecks | undefined; testId?: string }) => {
  const { t } = useT('print');
  if (!checks) {
    return (
      <span data-testid={testId} data-state="unknown">
        {t('state.unknown')}
      </span>
    );
  }
  const state = verificationState(checks);
  const failed = CHECK_NAMES.filter((name) => checks[name].state === 'invalid').map((name) => t(`check.${name}`));
  return (
    <span data-testid={testId} data-state={state} className={`verification is-${state}`}>
      {state === 'failed' ? t('state.failed', { checks: failed.join(', ') }) : t(`state.${state}`)}
    </span>
  );
};

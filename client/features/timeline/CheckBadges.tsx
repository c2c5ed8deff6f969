import type { EntryCheck } from '../../entries/entry-checks';
import type { EntryChecks } from '../../entries/read-stream';

const STATE_TEXT: Readonly<Record<EntryCheck['state'], string>> = {
  valid: 'valid',
  invalid: 'FAILED',
  unchecked: 'not yet checked',
};

const CheckBadge = ({ name, check, testId }: { name: string; check: EntryCheck; testId: string }) => (
  <li className={`check ${check.state}`} title={check.detail} data-testid={testId} data-state={check.state}>
    {name} {STATE_TEXT[check.state]}
    <span className="visually-hidden">: {check.detail}</span>
  </li>
);

/** The signature, chain, inclusion and readers checks of one entry, each with its explanation on hover. */
export const CheckBadges = ({ checks }: { checks: EntryChecks }) => (
  <ul className="checks" aria-label="Verification">
    <CheckBadge name="Signature" check={checks.signature} testId="check-signature" />
    <CheckBadge name="Chain" check={checks.chain} testId="check-chain" />
    <CheckBadge name="Log inclusion" check={checks.inclusion} testId="check-inclusion" />
    <CheckBadge name="Readers" check={checks.readers} testId="check-readers" />
  </ul>
);

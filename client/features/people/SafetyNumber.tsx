import type { FingerprintSubject } from '../../../shared/crypto/safety-number';
import { useQuery } from '../../api/useQuery';
import { safetyNumberView } from '../../crypto/safety-view';
import { SafetyDigits } from './SafetyDigits';

/** The 60-digit safety number of two keys in 12 groups, and its QR code. */
export const SafetyNumber = ({
  mine,
  theirs,
  withQr = true,
}: {
  mine: FingerprintSubject;
  theirs: FingerprintSubject;
  withQr?: boolean;
}) => {
  const [view] = useQuery(
    () => safetyNumberView(mine, theirs),
    [mine.person, mine.signKey, mine.boxKey, theirs.person, theirs.signKey, theirs.boxKey],
  );
  return <SafetyDigits view={view} withQr={withQr} />;
};

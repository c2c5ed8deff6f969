import type { FingerprintSubject } from '../../../shared/crypto/safety-number';
import { useQuery } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { safetyNumberView } from '../../crypto/safety-view';

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
  if (view.status === 'loading') {
    return <Loading what="Computing the safety number" />;
  }
  if (view.status === 'error') {
    return <ErrorNotice error={view.error} />;
  }
  return (
    <div className="safety">
      <p className="safety-number">
        <span className="visually-hidden">Safety number: </span>
        <span data-testid="safety-number">
          {view.data.groups.map((group, index) => (
            <span key={index}>{`${group}${index < view.data.groups.length - 1 ? ' ' : ''}`}</span>
          ))}
        </span>
      </p>
      {withQr ? (
        <img
          className="qr"
          src={view.data.qrDataUrl}
          alt="QR code of the safety number, to scan instead of reading the digits"
          data-testid="safety-qr"
        />
      ) : null}
    </div>
  );
};

import type { QueryState } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import type { SafetyNumberView } from '../../crypto/safety-view';

/** A computed safety number: its digits in groups of five and, optionally, its QR code. */
export const SafetyDigits = ({ view, withQr = true }: { view: QueryState<SafetyNumberView>; withQr?: boolean }) => {
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

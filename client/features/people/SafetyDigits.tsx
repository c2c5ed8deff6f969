import type { QueryState } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import type { SafetyNumberView } from '../../crypto/safety-view';
import { useT } from '../../i18n/useT';

/** A computed safety number: its digits in groups of five and, optionally, its QR code. */
export const SafetyDigits = ({ view, withQr = true }: { view: QueryState<SafetyNumberView>; withQr?: boolean }) => {
  const { t } = useT('people');
  if (view.status === 'loading') {
    return <Loading what={t('safety.computing')} />;
  }
  if (view.status === 'error') {
    return <ErrorNotice error={view.error} />;
  }
  return (
    <div className="safety">
      <p className="safety-number">
        <span className="visually-hidden">{t('safety.label')}</span>
        <span data-testid="safety-number">
          {view.data.groups.map((group, index) => (
            <span key={index}>{`${group}${index < view.data.groups.length - 1 ? ' ' : ''}`}</span>
          ))}
        </span>
      </p>
      {withQr ? <img className="qr" src={view.data.qrDataUrl} alt={t('safety.qrAlt')} data-testid="safety-qr" /> : null}
    </div>
  );
};

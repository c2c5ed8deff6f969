import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';

/** Opens the browser's print dialog (where "Save as PDF" lives); the print stylesheet does the rest. */
export const PrintButton = () => {
  const { t } = useT('print');
  const format = useFormat();
  return (
    <>
      <button type="button" className="no-print" onClick={() => window.print()} data-testid="print">
        {t('button')}
      </button>
      <p className="print-only hint" data-testid="printed-at">
        {t('printedAt', { time: format.dateTime(Date.now()) })}
      </p>
    </>
  );
};

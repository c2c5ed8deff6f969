import { useT } from '../i18n/useT';

/** A busy state that screen readers announce; `what` is already in the reader's language. */
export const Loading = ({ what }: { what?: string }) => {
  const { t } = useT('components');
  return (
    <p role="status" className="hint">
      {what ?? t('loading')}…
    </p>
  );
};

import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';

/**
 * Saves exactly the text that was verified (not a re-serialisation of it) under `fileName`, for
 * `npm run verify` or any other verifier to check offline.
 */
export const DownloadBundleButton = ({ text, fileName }: { text: string; fileName: string }) => {
  const { t } = useT('verify');
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [text]);
  return url === null ? null : (
    <a className="button" href={url} download={fileName} data-testid="verify-download">
      {t('download')}
    </a>
  );
};

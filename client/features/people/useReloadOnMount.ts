import { useEffect } from 'react';
import { useTrust } from '../../trust/useTrust';

/** Fetches and re-verifies the directory when a people screen opens, so keys shown are current. */
export const useReloadOnMount = (): void => {
  const { reload } = useTrust();
  useEffect(() => {
    reload();
  }, [reload]);
};

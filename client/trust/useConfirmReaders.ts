import { useContext } from 'react';
import type { ConfirmNewReaders } from '../entries/entry-context';
import { ReadersConfirmContext } from './readers-confirm-context';

/** The dialog that asks before sealing to new readers. */
export const useConfirmReaders = (): ConfirmNewReaders => {
  const value = useContext(ReadersConfirmContext);
  if (!value) {
    throw new Error('useConfirmReaders outside <ReadersConfirmProvider>');
  }
  return value;
};

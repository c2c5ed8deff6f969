import { useContext } from 'react';
import { TrustContext, type TrustContextValue } from './trust-context';

/** The verified directory, people and verified contacts of the signed-in person. */
export const useTrust = (): TrustContextValue => {
  const value = useContext(TrustContext);
  if (!value) {
    throw new Error('useTrust outside <TrustProvider>');
  }
  return value;
};

import { createContext } from 'react';
import type { ConfirmNewReaders } from '../entries/entry-context';

/** Asks the person, in a dialog, whether to seal to readers new to them in a stream. */
export const ReadersConfirmContext = createContext<ConfirmNewReaders | null>(null);

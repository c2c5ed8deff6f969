import { createContext } from 'react';
import type { LiveHub } from './live-hub';

/** The tab's live-updates hub; null outside the provider. */
export const LiveContext = createContext<LiveHub | null>(null);

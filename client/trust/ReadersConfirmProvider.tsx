import { type ReactNode, useCallback, useRef, useState } from 'react';
import type { Reader } from '../core/recipient-choice';
import { ReadersDialog } from './ReadersDialog';
import { ReadersConfirmContext } from './readers-confirm-context';

type Question = { readonly readers: readonly Reader[]; readonly answer: (yes: boolean) => void };

/**
 * Holds the one dialog that asks, before an entry is sealed, whether to seal to readers the
 * person's last entry in that stream was not sealed to (client/core/recipient-choice `newReaders`).
 * Only one question at a time: a second one while the first is open is declined.
 */
export const ReadersConfirmProvider = ({ children }: { children: ReactNode }) => {
  const [question, setQuestion] = useState<Question | null>(null);
  const open = useRef(false);
  const confirm = useCallback(
    (readers: readonly Reader[]) =>
      new Promise<boolean>((resolve) => {
        if (open.current) {
          resolve(false);
          return;
        }
        open.current = true;
        setQuestion({
          readers,
          answer: (yes) => {
            open.current = false;
            setQuestion(null);
            resolve(yes);
          },
        });
      }),
    [],
  );
  return (
    <ReadersConfirmContext.Provider value={confirm}>
      {children}
      <ReadersDialog
        readers={question?.readers ?? []}
        open={question !== null}
        onAnswer={(yes) => question?.answer(yes)}
      />
    </ReadersConfirmContext.Provider>
  );
};

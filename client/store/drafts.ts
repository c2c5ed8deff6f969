/**
 * Drafts of the forms being written, kept in this tab's memory by form (never in localStorage,
 * sessionStorage or IndexedDB, never in clear on disk): a letter, minutes, a commitment or a case
 * record half written when the keys auto-lock is still there after unlocking, even if the person
 * went to another page and came back. Chosen files stay here as the browser's own `File` objects
 * (nothing is read or copied until sending). Dropped when sent, at sign-out and when another
 * person signs in; a reload starts empty.
 */
import { useCallback, useState } from 'react';

const drafts = new Map<string, unknown>();

/** Forgets every draft (sign-out, another person's session). */
export const forgetDrafts = (): void => {
  drafts.clear();
};

/**
 * A form's state that outlives the form: `[draft, update, discard]`. `form` names the form and
 * what it writes to (e.g. `letter <thread id>`); `empty` is the state of a new draft.
 */
export const useDraft = <T extends object>(form: string, empty: T) => {
  const [draft, setDraft] = useState<T>(() => (drafts.get(form) as T | undefined) ?? empty);
  const update = useCallback(
    (change: Partial<T>) =>
      setDraft((previous) => {
        const next = { ...previous, ...change };
        drafts.set(form, next);
        return next;
      }),
    [form],
  );
  const discard = useCallback(() => {
    drafts.delete(form);
    setDraft(empty);
  }, [form, empty]);
  return [draft, update, discard] as const;
};

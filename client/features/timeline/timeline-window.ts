/** The latest entries a timeline shows before its "earlier entries" button. */
export const TIMELINE_WINDOW = 100;

/**
 * The index of the first entry shown: the last `window` entries, or from the entry `hash` names
 * (`#entry-<entry hash>`) when that one is earlier, so that a link to it finds it on the page.
 */
export const firstShown = (
  entries: readonly { readonly entryHash: string }[],
  window: number,
  hash: string,
): number => {
  const fromWindow = Math.max(0, entries.length - window);
  const targeted = hash.startsWith('#entry-')
    ? entries.findIndex(({ entryHash }) => entryHash === hash.slice('#entry-'.length))
    : -1;
  return targeted === -1 ? fromWindow : Math.min(fromWindow, targeted);
};

import { useEffect } from 'react';

/**
 * The last entry of each stream this person has had on screen, per browser profile: what makes
 * an entry "unread". Only stream ids and positions are kept (the server knows both); no content.
 */
const keyOf = (personId: string) => `parley.seen.${personId}`;

/** Stream id → highest seq seen, for `personId`. */
export const seenOf = (personId: string): Map<string, number> => {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(personId)) ?? '{}') as Record<string, unknown>;
    return new Map(Object.entries(stored).filter((pair): pair is [string, number] => Number.isSafeInteger(pair[1])));
  } catch {
    return new Map();
  }
};

/** Records that `personId` has seen `streamId` up to `seq` (never moves back). */
export const markSeen = (personId: string, streamId: string, seq: number): void => {
  const seen = seenOf(personId);
  if ((seen.get(streamId) ?? 0) >= seq) {
    return;
  }
  seen.set(streamId, seq);
  localStorage.setItem(keyOf(personId), JSON.stringify(Object.fromEntries(seen)));
};

/** Marks a stream seen up to its head once its page shows it to `personId`. */
export const useMarkSeen = (
  personId: string | undefined,
  streamId: string,
  head: { seq: number } | null | undefined,
) => {
  const seq = head?.seq;
  useEffect(() => {
    if (personId !== undefined && seq !== undefined) {
      markSeen(personId, streamId, seq);
    }
  }, [personId, streamId, seq]);
};

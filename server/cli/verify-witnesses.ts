// The witness part of `npm run verify` (docs/AUDIT-BUNDLE.md §4, step 6d): which checkpoint of the
// bundle the pinned witnesses make witnessed, and split views against trusted checkpoints.

import { assessWitnessing } from '../../shared/audit/verify-witnessed';
import { decodeStrictUtf8 } from '../../shared/encoding/strict-utf8';
import type { PinnedWitness, WitnessPolicy } from '../../shared/witness/witness-policy';

/** Adds the witness lines to `lines`; returns how many of them are failures (docs/AUDIT-BUNDLE.md §4, 6d). */
export const reportWitnessing = (
  text: string,
  trusted: readonly Uint8Array[],
  options: { pins: readonly PinnedWitness[]; policy: WitnessPolicy; logKey: string; origin: string | undefined },
  lines: string[],
): number => {
  const checkpoints = (JSON.parse(text) as { checkpoints?: unknown }).checkpoints;
  const notes = Array.isArray(checkpoints)
    ? checkpoints.filter((note): note is string => typeof note === 'string')
    : [];
  // As for the bundle itself: the origin defaults to the pinned key's name (PROTOCOL.md §9).
  const origin = options.origin ?? options.logKey.slice(0, options.logKey.indexOf('+'));
  const trustedNotes = trusted.flatMap((bytes) => {
    const decoded = decodeStrictUtf8(bytes);
    return decoded.ok ? [decoded.text] : [];
  });
  const assessed = assessWitnessing(notes, trustedNotes, {
    logKey: options.logKey,
    origin,
    witnesses: options.pins,
    policy: options.policy,
  });
  const policy =
    options.policy.kind === 'each-party'
      ? `one witness of each of ${options.policy.parties.join(', ')}`
      : `${options.policy.threshold} of ${options.pins.length} pinned witnesses`;
  let failures = 0;
  if (assessed.witnessed) {
    const { treeSize, witnessedBy } = assessed.witnessed;
    lines.push(`Witnessed:    checkpoint ${treeSize}, by ${witnessedBy.join(', ')} (policy: ${policy})`);
    if ((assessed.anchorSize ?? 0) > treeSize) {
      lines.push(`Note:         leaves ${treeSize} to ${(assessed.anchorSize ?? 0) - 1} are not yet witnessed`);
    }
  } else {
    lines.push(`FAIL witnesses: no checkpoint of the bundle meets the witness policy (${policy}): not witnessed`);
    failures += 1;
  }
  for (const reason of assessed.forgeries) {
    lines.push(`FAIL witnesses: ${reason}`);
    failures += 1;
  }
  for (const {
    reason,
    notes: [first, second],
  } of assessed.splitViews) {
    lines.push(`FAIL split view: ${reason}; both checkpoints follow`, indent(first), indent(second));
    failures += 1;
  }
  return failures;
};

const indent = (note: string): string =>
  note
    .slice(0, -1)
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

// The witness part of `npm run verify` (docs/AUDIT-BUNDLE.md §4, step 6d): which checkpoint of the
// bundle the pinned witnesses make witnessed, and split views against trusted checkpoints.

import type { StreamMembers } from '../../shared/audit/verify-membership';
import type { StreamWitnessing } from '../../shared/audit/verify-witnessed';
import { assessWitnessing } from '../../shared/audit/verify-witnessed';
import { decodeStrictUtf8 } from '../../shared/encoding/strict-utf8';
import type { PinnedWitness, WitnessPolicy } from '../../shared/witness/witness-policy';

const describePolicy = (policy: WitnessPolicy, pins: readonly PinnedWitness[]): string => {
  if (policy.kind === 'threshold') {
    return `${policy.threshold} of ${pins.length} pinned witnesses`;
  }
  const parties =
    policy.kind === 'each-party' ? policy.parties : [...new Set(pins.flatMap(({ party }) => party ?? []))];
  return `one witness of each of ${parties.join(', ')}`;
};

// Under the default policy, each stream's entries need a witness of each of its member parties.
const reportStreams = (streams: readonly StreamWitnessing[], lines: string[]): number => {
  let failures = 0;
  for (const { stream, members, lastLeaf, witnessed, missingParties } of streams) {
    const policy = `policy: one witness of each member party, ${members.join(', ')}`;
    if (witnessed === undefined) {
      const missing = missingParties.length > 0 ? `; no witness of ${missingParties.join(', ')}` : '';
      lines.push(
        `FAIL witnesses: stream ${stream}: no checkpoint meets the witness policy (${policy})${missing}: not witnessed`,
      );
      failures += 1;
      continue;
    }
    lines.push(
      `Witnessed:    stream ${stream}: checkpoint ${witnessed.treeSize}, by ${witnessed.witnessedBy.join(', ')} (${policy})`,
    );
    if (lastLeaf >= witnessed.treeSize) {
      lines.push(
        `Note:         stream ${stream}: its entries at leaves ${witnessed.treeSize} to ${lastLeaf} are not yet witnessed`,
      );
    }
  }
  return failures;
};

/** Adds the witness lines to `lines`; returns how many of them are failures (docs/AUDIT-BUNDLE.md §4, 6d). */
export const reportWitnessing = (
  text: string,
  trusted: readonly Uint8Array[],
  options: {
    pins: readonly PinnedWitness[];
    policy: WitnessPolicy;
    logKey: string;
    origin: string | undefined;
    streamMembers?: ReadonlyMap<string, StreamMembers> | undefined;
  },
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
  const assessed = assessWitnessing(
    notes,
    trustedNotes,
    { logKey: options.logKey, origin, witnesses: options.pins, policy: options.policy },
    options.streamMembers,
  );
  const policy = describePolicy(options.policy, options.pins);
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
  failures += reportStreams(assessed.streams, lines);
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

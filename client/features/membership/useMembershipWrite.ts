import { useAction } from '../../api/useAction';
import { useAppendStep } from '../../components/useAppendStep';
import { appendEntry } from '../../entries/append-entry';
import type { EntryContext } from '../../entries/entry-context';

/** Where membership entries go: the stream, its kind, and how to read it again once written. */
export type MembershipTarget = {
  readonly context: EntryContext;
  readonly streamId: string;
  readonly streamKind: 'case' | 'thread';
  readonly onWritten: () => void;
};

/**
 * Proposes membership changes and consents to them (docs/PROTOCOL.md §4.9): a `membership` entry
 * with the parties to add and remove in its signed header (removing only one's own party is
 * leaving, at once), or a `membership_consent` whose `refs[0]` is the proposal's entry hash.
 */
export const useMembershipWrite = (target: MembershipTarget) => {
  const { busy, error, run } = useAction();
  const [step, setStep] = useAppendStep();
  const { context, streamId, streamKind, onWritten } = target;
  const propose = (
    change: { add: readonly string[]; remove: readonly string[]; reason: string },
    onDone?: () => void,
  ) =>
    run(
      () =>
        appendEntry(
          context,
          {
            type: 'membership',
            streamKind,
            streamId,
            meta: {
              ...(change.add.length > 0 ? { add: [...change.add] } : {}),
              ...(change.remove.length > 0 ? { remove: [...change.remove] } : {}),
            },
            content: { type: 'membership', reason: change.reason.trim() },
          },
          setStep,
        ),
      () => {
        onDone?.();
        onWritten();
      },
    );
  const consent = (proposal: string, note: string) =>
    run(
      () =>
        appendEntry(
          context,
          {
            type: 'membership_consent',
            streamKind,
            streamId,
            refs: [proposal],
            content: { type: 'membership_consent', ...(note.trim() === '' ? {} : { note: note.trim() }) },
          },
          setStep,
        ),
      onWritten,
    );
  return { propose, consent, busy, error, step };
};

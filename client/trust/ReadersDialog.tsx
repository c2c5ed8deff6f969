import { useEffect, useId, useRef } from 'react';
import type { Reader } from '../core/recipient-choice';
import { partyLabel } from './party-view';
import { useTrust } from './useTrust';

const NO_PARTIES = { parties: [] };

/**
 * The readers an entry is about to be sealed to that the person's last entry in the stream was
 * not: name, party, who endorsed them, and whether the person verified their party's root and
 * their own key. A native modal <dialog>; Escape declines.
 */
export const ReadersDialog = ({
  readers,
  open,
  onAnswer,
}: {
  readers: readonly Reader[];
  open: boolean;
  onAnswer: (yes: boolean) => void;
}) => {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { state } = useTrust();
  const names = state.status === 'ready' ? state : NO_PARTIES;
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) {
      dialog.showModal();
    } else if (!open && dialog?.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="confirm"
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(false);
      }}
      data-testid="readers-dialog"
    >
      <h2 id={titleId}>Seal to {readers.length === 1 ? 'a new reader' : `${readers.length} new readers`}?</h2>
      <p>Your last entry in this stream was not sealed to these people. They will read this entry:</p>
      <table data-testid="new-readers">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Party</th>
            <th scope="col">Endorsed by</th>
            <th scope="col">Party root</th>
            <th scope="col">Person</th>
          </tr>
        </thead>
        <tbody>
          {readers.map((reader) => (
            <tr key={`${reader.person} ${reader.keyId}`} data-testid="new-reader" data-person={reader.person}>
              <td data-testid="new-reader-name">
                {reader.name} <span className="hint">({reader.role})</span>
              </td>
              <td data-testid="new-reader-party">{partyLabel(names, reader.party)}</td>
              <td data-testid="new-reader-endorsed-by">
                {reader.endorsedBy.length === 0
                  ? 'no one: the root of their party'
                  : reader.endorsedBy.map((admin) => `${admin.name} (${partyLabel(names, admin.party)})`).join(', ')}
              </td>
              <td data-testid="new-reader-party-verified">{reader.isPartyVerified ? 'verified' : 'not verified'}</td>
              <td data-testid="new-reader-verified">{reader.isPersonVerified ? 'verified' : 'not verified'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => onAnswer(false)} data-testid="readers-cancel">
          Do not send
        </button>
        <button type="button" className="primary" onClick={() => onAnswer(true)} data-testid="readers-confirm">
          Seal to them and send
        </button>
      </div>
    </dialog>
  );
};

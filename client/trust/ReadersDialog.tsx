import { useEffect, useId, useRef } from 'react';
import type { Reader } from '../core/recipient-choice';
import { useT } from '../i18n/useT';
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
  const { t } = useT(['trust', 'common']);
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
      <h2 id={titleId}>{readers.length === 1 ? t('titleSingle') : t('title', { count: readers.length })}</h2>
      <p>{t('intro')}</p>
      <table data-testid="new-readers">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('party')}</th>
            <th scope="col">{t('endorsedBy')}</th>
            <th scope="col">{t('partyRoot')}</th>
            <th scope="col">{t('person')}</th>
          </tr>
        </thead>
        <tbody>
          {readers.map((reader) => (
            <tr key={`${reader.person} ${reader.keyId}`} data-testid="new-reader" data-person={reader.person}>
              <td data-testid="new-reader-name">
                <span dir="auto">{reader.name}</span>{' '}
                <span className="hint">({t(`common:account.role.${reader.role}`)})</span>
              </td>
              <td data-testid="new-reader-party" dir="auto">
                {partyLabel(names, reader.party)}
              </td>
              <td data-testid="new-reader-endorsed-by">
                {reader.endorsedBy.length === 0
                  ? t('rootOfParty')
                  : reader.endorsedBy.map((admin) => `${admin.name} (${partyLabel(names, admin.party)})`).join(', ')}
              </td>
              <td data-testid="new-reader-party-verified">
                {reader.isPartyVerified ? t('verified') : t('notVerified')}
              </td>
              <td data-testid="new-reader-verified">{reader.isPersonVerified ? t('verified') : t('notVerified')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => onAnswer(false)} data-testid="readers-cancel">
          {t('cancel')}
        </button>
        <button type="button" className="primary" onClick={() => onAnswer(true)} data-testid="readers-confirm">
          {t('confirm')}
        </button>
      </div>
    </dialog>
  );
};

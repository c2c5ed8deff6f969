import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/useT';

/** A modal question with a confirm and a cancel button (a native <dialog>, so focus is trapped). */
export const ConfirmDialog = ({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) {
      dialog.showModal();
    } else if (!open && dialog?.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} className="confirm" onCancel={onCancel} data-testid="confirm-dialog">
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm} data-testid="confirm-button">
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
};

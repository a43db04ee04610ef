import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from './Button.tsx';

type Props = {
  /** The button that opens the dialog. */
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  variant?: 'secondary' | 'danger' | 'subtle';
  disabled?: boolean;
  /** Accessible name of the opening button when the visible label needs context (e.g. in tables). */
  ariaLabel?: string;
};

/**
 * A button that asks for confirmation in a modal <dialog> before a destructive action. The native
 * dialog traps focus, closes on Escape and returns focus to the opening button.
 */
export function ConfirmButton({ label, title, children, confirmLabel, onConfirm, variant = 'danger', disabled, ariaLabel }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  }

  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)} disabled={disabled} aria-label={ariaLabel} aria-haspopup="dialog">
        {label}
      </Button>
      <dialog ref={dialog} className="baken-dialog" aria-labelledby={titleId} aria-describedby={bodyId} onClose={() => setOpen(false)}>
        {open ? (
          <>
            <h2 className="utrecht-heading-2" id={titleId}>
              {title}
            </h2>
            <div id={bodyId} className="baken-dialog__body">
              {children}
            </div>
            <ButtonGroup>
              <Button variant="primary" onClick={() => void confirm()} busy={busy}>
                {confirmLabel}
              </Button>
              <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
                {t('common.cancel')}
              </Button>
            </ButtonGroup>
          </>
        ) : null}
      </dialog>
    </>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { TextAreaField } from './ui.tsx';

type Props = {
  /** The button that opens the dialog. */
  label: string;
  ariaLabel?: string;
  title: string;
  children?: ReactNode;
  reasonLabel: string;
  reasonRequired: boolean;
  confirmLabel: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'subtle';
  /** Throws to keep the dialog open with the error shown. */
  onConfirm: (reason: string) => Promise<void>;
};

/**
 * A button that opens a modal <dialog> asking for a reason (or note) before an action such as
 * declining or revoking a referral or withdrawing a consent. Focus is trapped in the dialog,
 * Escape closes it and focus returns to the button.
 */
export function ReasonDialog({ label, ariaLabel, title, children, reasonLabel, reasonRequired, confirmLabel, variant = 'danger', onConfirm }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reasonRequired && !reason.trim()) {
      setMissing(t('form.requiredField', { field: reasonLabel.toLowerCase() }));
      return;
    }
    setMissing(undefined);
    setError(null);
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      setOpen(false);
      setReason('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)} aria-label={ariaLabel} aria-haspopup="dialog">
        {label}
      </Button>
      <dialog ref={dialog} className="baken-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        {open ? (
          <form className="utrecht-form" noValidate onSubmit={(event) => void submit(event)}>
            <h2 className="utrecht-heading-2" id={titleId}>
              {title}
            </h2>
            {children ? <div className="baken-dialog__body">{children}</div> : null}
            <ErrorAlert error={error} />
            <TextAreaField label={reasonLabel} name="reason" required={reasonRequired} value={reason} onChange={(event) => setReason(event.target.value)} error={missing} />
            <ButtonGroup>
              <Button type="submit" variant="primary" busy={busy}>
                {confirmLabel}
              </Button>
              <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
                {t('common.cancel')}
              </Button>
            </ButtonGroup>
          </form>
        ) : null}
      </dialog>
    </>
  );
}

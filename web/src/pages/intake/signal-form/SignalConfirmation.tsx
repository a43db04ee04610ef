import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SubmittedSignal } from '../../../api/intake.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { PanelHeading } from '../../../components/PanelHeading.tsx';
import { formatDateTime } from '../../../lib/format.ts';

/** Shown after a signal was received: its number, what happens next, and where to follow it. */
export function SignalConfirmation({ signal, acuteDanger, onAnother }: { signal: SubmittedSignal; acuteDanger: boolean; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="baken-section" aria-labelledby="signal-confirmation-heading" data-testid="signal-confirmation">
      <PanelHeading id="signal-confirmation-heading">{t('intake.confirmation.title')}</PanelHeading>
      <Alert type="ok">
        <p className="utrecht-paragraph">{t('intake.confirmation.numberLabel')}</p>
        <p className="utrecht-paragraph">
          <span className="baken-intake-signal-number" data-testid="signal-number">
            {signal.number}
          </span>
        </p>
        <p className="utrecht-paragraph">{t('intake.confirmation.receivedAt', { date: formatDateTime(signal.receivedAt) })}</p>
      </Alert>
      {acuteDanger ? (
        <Alert type="warning">
          <p className="utrecht-paragraph baken-intake-emergency">{t('intake.urgency.call112')}</p>
        </Alert>
      ) : null}
      <p className="utrecht-paragraph">{t('intake.confirmation.next')}</p>
      <ButtonGroup>
        <Link to="/signals/mine" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
          {t('intake.confirmation.toMySignals')}
        </Link>
        <Button variant="secondary" onClick={onAnother}>
          {t('intake.confirmation.another')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { revealClusterPhone, revealContactPhone } from '../../../api/outreach-contact.ts';
import { ErrorAlert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';

type Props = { hint: string } & ({ clusterId: string; token: string; contactId?: undefined } | { contactId: string; clusterId?: undefined; token?: undefined });

/** Shows the number itself only on request; every reveal is audited on the server. */
export function RevealNumber(props: Props) {
  const { t } = useTranslation();
  const reveal = useMutation({
    mutationFn: () => (props.contactId ? revealContactPhone(props.contactId) : revealClusterPhone(props.clusterId!, props.token!)),
  });
  return (
    <div className="baken-reveal">
      {reveal.data ? (
        <p className="utrecht-paragraph" role="status">
          {t('outreachContact.reveal.number')} <strong data-testid="revealed-number">{reveal.data.phone}</strong>
        </p>
      ) : (
        <Button variant="secondary" busy={reveal.isPending} onClick={() => reveal.mutate()} aria-label={t('outreachContact.reveal.buttonFor', { hint: props.hint })}>
          {t('outreachContact.reveal.button')}
        </Button>
      )}
      <p className="utrecht-paragraph baken-small baken-muted">{t('outreachContact.reveal.audited')}</p>
      <ErrorAlert error={reveal.error} />
    </div>
  );
}

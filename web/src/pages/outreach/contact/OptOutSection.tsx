import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPT_OUT_VIA, recordOptOut, type ContactDetail, type OptOutVia } from '../../../api/outreach-contact.ts';
import { Alert, ErrorAlert } from '../../../components/Alert.tsx';
import { ConfirmButton } from '../../../components/ConfirmDialog.tsx';
import { SelectField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';

/** "Do not contact me again": recorded for good after a confirmation; queued messages are cancelled. */
export function OptOutSection({ contact, onDone }: { contact: ContactDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [via, setVia] = useState<OptOutVia>('reply');
  const optOut = useMutation({
    mutationFn: () => recordOptOut(contact.id, via),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['outreach'] });
      onDone();
    },
  });
  return (
    <Section title={t('outreachContact.optOut.title')}>
      {contact.optedOut ? (
        <p className="utrecht-paragraph">{t('outreachContact.optOut.recorded')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('outreachContact.optOut.lead')}</p>
          <SelectField label={t('outreachContact.field.via')} required value={via} onChange={(e) => setVia(e.target.value as OptOutVia)}>
            {OPT_OUT_VIA.map((v) => (
              <option key={v} value={v}>
                {t(`outreachContact.optOut.via.${v}`)}
              </option>
            ))}
          </SelectField>
          <ConfirmButton
            label={t('outreachContact.optOut.button')}
            title={t('outreachContact.optOut.confirmTitle')}
            confirmLabel={t('outreachContact.optOut.confirm')}
            onConfirm={() => optOut.mutateAsync().then(() => undefined, () => undefined)}
          >
            <p className="utrecht-paragraph">{t('outreachContact.optOut.confirmText', { hint: contact.phoneHint })}</p>
          </ConfirmButton>
        </>
      )}
      {optOut.data ? (
        <Alert type="ok">
          <p className="utrecht-paragraph" role="status">{t('outreachContact.optOut.done', { count: optOut.data.cancelled })}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={optOut.error} />
    </Section>
  );
}

import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert.tsx';
import { CheckboxField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';
import type { SectionProps } from './draft.ts';

/** Urgency first: acute danger is for the emergency number, not for a form. */
export function UrgencySection({ draft, change, errors }: Omit<SectionProps, 'profile'>) {
  const { t } = useTranslation();
  return (
    <Section title={t('intake.urgency.title')}>
      <CheckboxField
        label={t('intake.urgency.acuteDanger')}
        description={t('intake.urgency.acuteDangerHint')}
        checked={draft.acuteDanger}
        onChange={(event) => change({ acuteDanger: event.target.checked })}
        error={errors.acuteDanger}
      />
      {draft.acuteDanger ? (
        <div data-testid="call-112">
          <Alert type="error">
            <p className="utrecht-paragraph baken-intake-emergency">{t('intake.urgency.call112')}</p>
            <p className="utrecht-paragraph">{t('intake.urgency.call112Then')}</p>
          </Alert>
        </div>
      ) : null}
      <CheckboxField
        label={t('intake.urgency.minorInvolved')}
        description={t('intake.urgency.minorInvolvedHint')}
        checked={draft.minorInvolved}
        onChange={(event) => change({ minorInvolved: event.target.checked })}
        error={errors.minorInvolved}
      />
    </Section>
  );
}

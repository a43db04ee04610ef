import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';
import { TextAreaField } from '../fields.tsx';
import { codeOptions, type SectionProps } from './draft.ts';

/** How the person can be reached safely: exploiters often read their phones. */
export function SafeContactSection({ draft, change, errors, profile }: SectionProps) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('intake.safeContact.title')}>
      <p className="utrecht-paragraph">{t('intake.safeContact.lead')}</p>
      <SelectField
        label={t('intake.safeContact.channel')}
        name="safeContactChannel"
        value={draft.safeContactChannel}
        onChange={(event) => change({ safeContactChannel: event.target.value })}
        error={errors['person.safeContactChannel']}
      >
        <option value="">{t('intake.notFilled')}</option>
        {codeOptions(profile.safeContactChannels, (code) => t(`intake.safeContactChannels.${code}`, { defaultValue: code }), i18n.language).map((channel) => (
          <option key={channel.code} value={channel.code}>
            {channel.label}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('intake.safeContact.details')}
        name="contactDetails"
        autoComplete="off"
        description={t('intake.safeContact.detailsHint')}
        value={draft.contactDetails}
        onChange={(event) => change({ contactDetails: event.target.value })}
        error={errors['person.contactDetails']}
      />
      <TextAreaField
        label={t('intake.safeContact.notes')}
        name="safetyNotes"
        rows={3}
        description={t('intake.safeContact.notesHint')}
        value={draft.safetyNotes}
        onChange={(event) => change({ safetyNotes: event.target.value })}
        error={errors['person.safetyNotes']}
      />
    </Section>
  );
}

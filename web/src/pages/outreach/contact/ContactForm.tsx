import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, OUTREACH_LANGUAGES, type Channel, type MessageTemplate, type NewContact } from '../../../api/outreach-contact.ts';
import { Alert } from '../../../components/Alert.tsx';
import { ErrorAlert } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { RadioGroup } from '../../../components/choice-fields.tsx';
import { SelectField } from '../../../components/fields.tsx';
import { formErrors } from '../../../lib/problems.ts';
import { MessagePreview, useLanguageName } from './ui.tsx';

type Props = {
  clusterLanguages: string[];
  templates: MessageTemplate[];
  busy: boolean;
  error: unknown;
  onSubmit: (input: Omit<NewContact, 'clusterId' | 'phoneToken'>) => void;
};

/** The cluster's language when an approved template exists for it, else the first language that has one. */
function defaultLanguage(clusterLanguages: string[], templates: MessageTemplate[]): string {
  const withTemplate = (code: string) => templates.some((t) => t.language === code);
  return clusterLanguages.find(withTemplate) ?? OUTREACH_LANGUAGES.find(withTemplate) ?? clusterLanguages.find((c) => (OUTREACH_LANGUAGES as readonly string[]).includes(c)) ?? 'nl';
}

/** Channel, language and approved template, with the exact message shown before it is queued. */
export function ContactForm({ clusterLanguages, templates, busy, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const [channel, setChannel] = useState<Channel>('sms');
  const [language, setLanguage] = useState(() => defaultLanguage(clusterLanguages, templates));
  const forLanguage = templates.filter((x) => x.language === language);
  const [templateId, setTemplateId] = useState('');
  const chosen = forLanguage.find((x) => x.id === templateId) ?? (forLanguage.length === 1 ? forLanguage[0] : undefined);
  const isCall = channel === 'call';
  const { fieldErrors, formError } = formErrors(error, ['channel', 'language', 'templateId']);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ channel, language, ...(isCall || !chosen ? {} : { templateId: chosen.id }) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('outreachContact.new.formTitle')}>
      <ErrorAlert error={formError} />
      <RadioGroup
        legend={t('outreachContact.field.channel')}
        name="channel"
        required
        value={channel}
        onChange={(v) => setChannel(v as Channel)}
        error={fieldErrors.channel}
        choices={CHANNELS.map((c) => ({ value: c, label: t(`outreachContact.channel.${c}`), description: t(`outreachContact.channelHelp.${c}`) }))}
      />
      <SelectField label={t('outreachContact.field.language')} required value={language} onChange={(e) => { setLanguage(e.target.value); setTemplateId(''); }} error={fieldErrors.language}>
        {OUTREACH_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {languageName(code)}
            {clusterLanguages.includes(code) ? ` (${t('outreachContact.new.clusterLanguage')})` : ''}
          </option>
        ))}
      </SelectField>
      {isCall ? (
        <p className="utrecht-paragraph">{t('outreachContact.new.callText')}</p>
      ) : forLanguage.length === 0 ? (
        <Alert type="warning">
          <p className="utrecht-paragraph" data-testid="no-template">{t('outreachContact.new.noTemplate', { language: languageName(language) })}</p>
        </Alert>
      ) : (
        <>
          <RadioGroup
            legend={t('outreachContact.field.template')}
            name="template"
            required
            value={chosen?.id ?? ''}
            onChange={setTemplateId}
            error={fieldErrors.templateId}
            choices={forLanguage.map((x) => ({ value: x.id, label: x.name }))}
          />
          {chosen ? <MessagePreview text={chosen.preview} label={t('outreachContact.new.previewLabel', { length: chosen.length })} /> : null}
        </>
      )}
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy} disabled={!isCall && !chosen}>
          {isCall ? t('outreachContact.new.logCall') : t('outreachContact.new.queue')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

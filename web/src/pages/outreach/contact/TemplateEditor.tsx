import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTemplate, createTemplate, OUTREACH_LANGUAGES, updateTemplate, type MessageTemplate, type TemplateCheck } from '../../../api/outreach-contact.ts';
import { ErrorAlert } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { SelectField, TextField } from '../../../components/fields.tsx';
import { formErrors } from '../../../lib/problems.ts';
import { MessagePreview, ProblemList, useLanguageName } from './ui.tsx';

const CHECK_DELAY_MS = 350;

/** Asks the server's safety rules about the text while the user types (debounced). */
function useLiveCheck(language: string, body: string): TemplateCheck | null {
  const [result, setResult] = useState<TemplateCheck | null>(null);
  useEffect(() => {
    if (!body.trim()) {
      setResult(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      checkTemplate(language, body).then(
        (r) => {
          if (!cancelled) setResult(r);
        },
        () => {
          if (!cancelled) setResult(null);
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [language, body]);
  return result;
}

type Props = { template?: MessageTemplate; onDone: () => void };

/** Write or edit a draft: the safety problems appear at the message field as the user types. */
export function TemplateEditor({ template, onDone }: Props) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState(template?.language ?? 'nl');
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const check = useLiveCheck(language, body);
  const save = useMutation({
    mutationFn: () => (template ? updateTemplate(template.id, { language, name, body }) : createTemplate({ language, name, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['outreach', 'templates'] });
      onDone();
    },
  });
  const { fieldErrors, formError } = formErrors(save.error, ['name', 'body', 'language']);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={template ? t('outreachContact.templates.editTitle') : t('outreachContact.templates.newTitle')} data-testid="template-editor">
      <ErrorAlert error={formError} />
      <SelectField label={t('outreachContact.field.language')} required value={language} onChange={(e) => setLanguage(e.target.value)} error={fieldErrors.language}>
        {OUTREACH_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {languageName(code)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('outreachContact.field.name')} required value={name} maxLength={100} onChange={(e) => setName(e.target.value)} error={fieldErrors.name} />
      <BodyField value={body} onChange={setBody} check={check} serverError={fieldErrors.body} />
      {check && body.trim() ? <MessagePreview text={check.preview} label={t('outreachContact.templates.previewLabel')} /> : null}
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t('outreachContact.templates.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The message text box with its live problems and length as the field's messages. */
function BodyField({ value, onChange, check, serverError }: { value: string; onChange: (v: string) => void; check: TemplateCheck | null; serverError: string | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const problems = check?.problems ?? [];
  const invalid = problems.length > 0 || Boolean(serverError);
  return (
    <div className={`utrecht-form-field utrecht-form-field--textarea utrecht-form-field--distanced${invalid ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {t('outreachContact.field.body')}
        </label>
      </div>
      <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
        {t('outreachContact.templates.bodyHelp')}{' '}
        <span role="status" data-testid="template-length">
          {check ? t('outreachContact.templates.length', { length: check.length, limit: check.limit }) : ''}
          {check ? ` ${t(check.sms.encoding === 'gsm-7' ? 'outreachContact.templates.smsGsm' : 'outreachContact.templates.smsUnicode', { count: check.sms.parts })}` : ''}
          {check ? ` ${problems.length === 0 ? t('outreachContact.templates.safe') : t('outreachContact.templates.problemCount', { count: problems.length })}` : ''}
        </span>
      </div>
      {invalid ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`} data-testid="body-error">
          {problems.length > 0 ? <ProblemList problems={problems} /> : <p className="utrecht-paragraph">{serverError}</p>}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <textarea
          id={id}
          rows={4}
          value={value}
          required
          aria-required
          onChange={(e) => onChange(e.target.value)}
          className={`utrecht-textarea utrecht-textarea--html-textarea baken-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
          aria-invalid={invalid || undefined}
          aria-describedby={[`${id}-description`, invalid && `${id}-error`].filter(Boolean).join(' ')}
        />
      </div>
    </div>
  );
}

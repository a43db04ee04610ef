// Small building blocks shared by the case pages: a text area field, groups of check boxes or
// radio buttons in a fieldset, a list of facts and the urgency badges of a signal.
import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { StatusBadge } from '../../components/TableContainer.tsx';

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

type TextAreaProps = { label: string; error?: string | undefined; description?: ReactNode; required?: boolean } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className' | 'id'>;

export function TextAreaField({ label, error, description, required = false, ...textarea }: TextAreaProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={`utrecht-form-field utrecht-form-field--textarea utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {required ? null : <span className="baken-optional"> ({t('form.optional')})</span>}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <textarea
          id={id}
          rows={3}
          className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy(!!description && `${id}-description`, !!error && `${id}-error`)}
          {...textarea}
        />
      </div>
    </div>
  );
}

export type Choice = { value: string; label: string };

type GroupProps = { legend: string; choices: Choice[]; error?: string | undefined; testId?: string };

function Fieldset({ legend, error, testId, children, id }: Omit<GroupProps, 'choices'> & { id: string; children: ReactNode }) {
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset baken-case-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
      data-testid={testId}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      {children}
    </fieldset>
  );
}

export function CheckboxGroup({ values, onChange, ...group }: GroupProps & { values: string[]; onChange: (values: string[]) => void }) {
  const id = useId();
  return (
    <Fieldset id={id} {...group}>
      <div className="baken-case-choices">
        {group.choices.map((choice, index) => (
          <div className="utrecht-form-field utrecht-form-field--checkbox baken-case-choice" key={choice.value}>
            <input
              id={`${id}-${index}`}
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
              checked={values.includes(choice.value)}
              onChange={(event) => onChange(event.target.checked ? [...values.filter((v) => v !== choice.value), choice.value] : values.filter((v) => v !== choice.value))}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${id}-${index}`}>
              {choice.label}
            </label>
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

export function RadioGroup({ name, value, onChange, ...group }: GroupProps & { name: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <Fieldset id={id} {...group}>
      <div className="baken-case-choices">
        {group.choices.map((choice, index) => (
          <div className="utrecht-form-field utrecht-form-field--radio baken-case-choice" key={choice.value}>
            <input
              id={`${id}-${index}`}
              type="radio"
              name={name}
              value={choice.value}
              className="utrecht-radio-button utrecht-radio-button--html-input"
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${index}`}>
              {choice.label}
            </label>
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

/** A definition list of label/value rows; rows without a value are left out. */
export function Facts({ rows, testId }: { rows: [string, ReactNode][]; testId?: string }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== '' && value !== false);
  if (shown.length === 0) return null;
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows baken-facts" data-testid={testId}>
      {shown.map(([label, value], index) => (
        // oxlint-disable-next-line react/no-array-index-key -- rows are fixed per render; labels may repeat
        <div className="utrecht-data-list__item" key={index}>
          <dt className="utrecht-data-list__item-key">{label}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function yesNo(t: (key: string) => string, value: unknown): string {
  if (value === true) return t('common.yes');
  if (value === false) return t('common.no');
  return '';
}

/** Acute danger and a (presumed) minor: the reasons a signal goes to the top of the queue. */
export function UrgencyBadges({ acuteDanger, minor }: { acuteDanger: boolean; minor: boolean }) {
  const { t } = useTranslation();
  if (!acuteDanger && !minor) return null;
  return (
    <span className="baken-case-badges">
      {acuteDanger ? <StatusBadge tone="danger">{t('triage.acuteDanger')}</StatusBadge> : null}
      {minor ? <StatusBadge tone="warning">{t('triage.minor')}</StatusBadge> : null}
    </span>
  );
}

/** Today as YYYY-MM-DD in local time (for <input type="date">). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium' }).format(date);
}

/** A record that does not exist or that the viewer may not see (the API does not tell which). */
export function RecordNotFound({ title, text, back }: { title: string; text: string; back: ReactNode }) {
  return (
    <Page title={title}>
      <p className="utrecht-paragraph" data-testid="record-not-found">
        {text}
      </p>
      <p className="utrecht-paragraph">{back}</p>
    </Page>
  );
}

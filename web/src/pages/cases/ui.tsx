// Small building blocks shared by the case pages: the form fields of components/choice-fields.tsx
// with the case pages' defaults, a list of facts and the urgency badges of a signal.
import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup as BaseCheckboxGroup, RadioGroup as BaseRadioGroup, TextAreaField as BaseTextArea } from '../../components/choice-fields.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusBadge } from '../../components/TableContainer.tsx';


export type { Choice } from '../../components/choice-fields.tsx';

/** The case pages' text area: three rows to start with. */
export function TextAreaField(props: ComponentProps<typeof BaseTextArea>) {
  return <BaseTextArea rows={3} {...props} />;
}

/** The case pages lay choices out in columns. */
export function CheckboxGroup(props: ComponentProps<typeof BaseCheckboxGroup>) {
  return <BaseCheckboxGroup columns {...props} />;
}

export function RadioGroup(props: ComponentProps<typeof BaseRadioGroup>) {
  return <BaseRadioGroup columns {...props} />;
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

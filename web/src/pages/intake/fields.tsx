// The honeypot of the public pages; the other intake form parts live in components/choice-fields.tsx.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './intake.css';

export { CheckboxGroup, RadioGroup, TextAreaField, type Choice } from '../../components/choice-fields.tsx';

/**
 * A field that people never see or reach (visually hidden, out of the tab order, hidden from
 * assistive technology); simple bots fill it in. The server refuses a report when it is not empty.
 */
export function Honeypot({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor={id}>{t('publicReport.honeypotLabel')}</label>
      <input id={id} type="text" name="website" tabIndex={-1} autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

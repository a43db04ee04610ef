// Form fields beyond components/fields.tsx, shared by the intake and case pages: a text area, and
// groups of check boxes or radio buttons in a fieldset (with optional per-choice descriptions).
import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function Messages({ id, description, error }: { id: string; description?: ReactNode; error?: string | undefined }) {
  return (
    <>
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
    </>
  );
}

type TextAreaProps = {
  label: string;
  error?: string | undefined;
  description?: ReactNode;
  required?: boolean;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className' | 'id'>;

export function TextAreaField({ label, error, description, required = false, rows = 5, ...textarea }: TextAreaProps) {
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
      <Messages id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <textarea
          id={id}
          rows={rows}
          className={`utrecht-textarea utrecht-textarea--html-textarea baken-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy(!!description && `${id}-description`, !!error && `${id}-error`)}
          {...textarea}
        />
      </div>
    </div>
  );
}

export type Choice = { value: string; label: string; description?: string; disabled?: boolean };

type GroupProps = {
  legend: string;
  choices: Choice[];
  error?: string | undefined;
  description?: ReactNode;
  /** A smaller legend for groups nested inside a section. */
  nested?: boolean;
  testId?: string;
  /** Lay long lists of short choices out in columns on wide screens. */
  columns?: boolean;
};

function Fieldset({ legend, error, description, nested, testId, children }: Omit<GroupProps, 'choices' | 'columns'> & { children: ReactNode }) {
  const id = useId();
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset baken-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy(!!description && `${id}-description`, !!error && `${id}-error`)}
      data-testid={testId}
    >
      <legend className={`utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend${nested ? ' baken-legend--nested' : ''}`}>{legend}</legend>
      <Messages id={id} description={description} error={error} />
      {children}
    </fieldset>
  );
}

/** Several check boxes, one value each; `values` holds the checked ones. */
export function CheckboxGroup({ values, onChange, columns, ...group }: GroupProps & { values: string[]; onChange: (values: string[]) => void }) {
  const id = useId();
  function toggle(value: string, checked: boolean) {
    onChange(checked ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));
  }
  return (
    <Fieldset {...group}>
      <div className={columns ? 'baken-choices baken-choices--columns' : 'baken-choices'}>
        {group.choices.map((choice, index) => (
          <div className="utrecht-form-field utrecht-form-field--checkbox baken-choice" key={choice.value}>
            <input
              id={`${id}-${index}`}
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
              checked={values.includes(choice.value)}
              onChange={(event) => toggle(choice.value, event.target.checked)}
              aria-describedby={choice.description ? `${id}-${index}-description` : undefined}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${id}-${index}`}>
              {choice.label}
            </label>
            {choice.description ? (
              <div className="utrecht-form-field-description baken-choice__description" id={`${id}-${index}-description`}>
                {choice.description}
              </div>
            ) : null}
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

/** Radio buttons: exactly one value (or none yet). */
export function RadioGroup({ name, value, onChange, required, columns, ...group }: GroupProps & { name: string; value: string; onChange: (value: string) => void; required?: boolean }) {
  const id = useId();
  return (
    <Fieldset {...group}>
      <div className={columns ? 'baken-choices baken-choices--columns' : 'baken-choices'} role="radiogroup" aria-required={required || undefined} aria-invalid={group.error ? true : undefined}>
        {group.choices.map((choice, index) => (
          <div className="utrecht-form-field utrecht-form-field--radio baken-choice" key={choice.value}>
            <input
              id={`${id}-${index}`}
              type="radio"
              name={name}
              value={choice.value}
              className="utrecht-radio-button utrecht-radio-button--html-input"
              checked={value === choice.value}
              disabled={choice.disabled}
              onChange={() => onChange(choice.value)}
              aria-describedby={choice.description ? `${id}-${index}-description` : undefined}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${index}`}>
              {choice.label}
            </label>
            {choice.description ? (
              <div className="utrecht-form-field-description baken-choice__description" id={`${id}-${index}-description`}>
                {choice.description}
              </div>
            ) : null}
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

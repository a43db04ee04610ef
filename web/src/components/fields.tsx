import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

type Common = {
  label: string;
  error?: string | undefined;
  description?: ReactNode;
  required?: boolean;
  /** Whether to add "(optional)" to the label of a field that is not required (not in filters). */
  markOptional?: boolean;
};

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function Label({ id, label, required, markOptional = true }: { id: string; label: string; required?: boolean | undefined; markOptional?: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="utrecht-form-field__label">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
        {required || !markOptional ? null : <span className="baken-optional"> ({t('form.optional')})</span>}
      </label>
    </div>
  );
}

function Messages({ descriptionId, errorId, description, error }: { descriptionId: string; errorId: string; description?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={descriptionId}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errorId}>
          {error}
        </div>
      ) : null}
    </>
  );
}

type TextFieldProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'id'>;

/** Label, optional description, error message (tied via aria-describedby) and text box. */
export function TextField({ label, error, description, required = false, markOptional, ...input }: TextFieldProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
      <Label id={id} label={label} required={required} markOptional={markOptional} />
      <Messages descriptionId={descriptionId} errorId={errorId} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <input
          id={id}
          className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy(!!description && descriptionId, !!error && errorId)}
          {...input}
        />
      </div>
    </div>
  );
}

type SelectFieldProps = Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className' | 'id'> & { children: ReactNode };

export function SelectField({ label, error, description, required = false, markOptional, children, ...select }: SelectFieldProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  return (
    <div className={`utrecht-form-field utrecht-form-field--select utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
      <Label id={id} label={label} required={required} markOptional={markOptional} />
      <Messages descriptionId={descriptionId} errorId={errorId} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <select
          id={id}
          className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy(!!description && descriptionId, !!error && errorId)}
          {...select}
        >
          {children}
        </select>
      </div>
    </div>
  );
}

type CheckboxFieldProps = Omit<Common, 'required' | 'markOptional'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'id' | 'type'>;

export function CheckboxField({ label, error, description, ...input }: CheckboxFieldProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field__input">
        <input
          id={id}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(!!description && descriptionId, !!error && errorId)}
          {...input}
        />
      </div>
      <Messages descriptionId={descriptionId} errorId={errorId} description={description} error={error} />
    </div>
  );
}

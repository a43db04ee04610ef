import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';

/** A new credential, shown this once: selected for copying, with what to do with it. */
export function CredentialNotice({ code, token, onDone }: { code: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [token]);
  return (
    <Alert type="warning">
      <h3 className="utrecht-heading-3">{t('outreachImport.sources.tokenTitle', { code })}</h3>
      <p className="utrecht-paragraph">{t('outreachImport.sources.tokenText')}</p>
      <div className="utrecht-form-field utrecht-form-field--text">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={id}>{t('outreachImport.sources.tokenLabel')}</label>
        </div>
        <div className="utrecht-form-field__input">
          <input id={id} ref={field} className="utrecht-textbox utrecht-textbox--html-input" readOnly value={token} spellCheck={false} autoComplete="off" data-testid="source-token" />
        </div>
      </div>
      <ButtonGroup>
        <Button onClick={onDone}>{t('outreachImport.sources.tokenDone')}</Button>
      </ButtonGroup>
    </Alert>
  );
}

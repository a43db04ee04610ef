import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.tsx';
import { useAnnounce } from './Announcer.tsx';
import { Button, ButtonGroup } from './Button.tsx';

/** Recovery codes, shown once, with an explicit "I have stored them" to continue. */
export function RecoveryCodes({ codes, onStored }: { codes: string[]; onStored: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(true);
      announce(t('recovery.copied'));
    } catch {
      announce(t('recovery.copyFailed'));
    }
  }

  return (
    <section className="baken-recovery" aria-labelledby="recovery-heading">
      <h2 className="utrecht-heading-2" id="recovery-heading" ref={heading} tabIndex={-1}>
        {t('recovery.title')}
      </h2>
      <Alert type="warning">
        <p className="utrecht-paragraph">{t('recovery.onlyOnce')}</p>
      </Alert>
      <p className="utrecht-paragraph">{t('recovery.explain')}</p>
      <ol className="baken-recovery__list" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code className="utrecht-code">{code}</code>
          </li>
        ))}
      </ol>
      <ButtonGroup>
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? t('recovery.copiedButton') : t('recovery.copy')}
        </Button>
        <Button variant="primary" onClick={onStored}>
          {t('recovery.stored')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

import { useTranslation } from 'react-i18next';

/** Visible progress while the browser does its proof of work (the live region says it once). */
export function Checking({ checking, percent }: { checking: boolean; percent: number }) {
  const { t } = useTranslation();
  if (!checking) return null;
  return (
    <p className="utrecht-paragraph baken-public-progress" data-testid="checking">
      {t('publicReport.checking')} <span className="baken-muted">({t('publicReport.checkingPercent', { percent })})</span>
    </p>
  );
}

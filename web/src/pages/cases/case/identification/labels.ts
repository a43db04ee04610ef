import { useTranslation } from 'react-i18next';
import type { ProfileLabel } from '../../../../api/identification.ts';

/** A profile label ({ nl, en }) in the interface language, else the code. */
export function useLabel(): (label: ProfileLabel, code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (label, code) => {
    if (label) {
      const text = (i18n.language === 'en' ? label.en : label.nl) || label.nl || label.en || Object.values(label)[0];
      if (text) return text;
    }
    return code ?? '';
  };
}

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types.ts';
import en from './en.json';
import nl from './nl.json';
import casesEn from './sections/cases.en.json';
import casesNl from './sections/cases.nl.json';
import clocksEn from './sections/clocks.en.json';
import clocksNl from './sections/clocks.nl.json';
import intakeEn from './sections/intake.en.json';
import intakeNl from './sections/intake.nl.json';
import identificationEn from './sections/identification.en.json';
import identificationNl from './sections/identification.nl.json';
import rightsEn from './sections/rights.en.json';
import rightsNl from './sections/rights.nl.json';
import workspaceEn from './sections/workspace.en.json';
import workspaceNl from './sections/workspace.nl.json';
import outreachImportEn from './sections/outreach-import.en.json';
import outreachImportNl from './sections/outreach-import.nl.json';
import outreachWorklistEn from './sections/outreach-worklist.en.json';
import outreachWorklistNl from './sections/outreach-worklist.nl.json';
import outreachContactEn from './sections/outreach-contact.en.json';
import outreachContactNl from './sections/outreach-contact.nl.json';
import outreachFunnelEn from './sections/outreach-funnel.en.json';
import outreachFunnelNl from './sections/outreach-funnel.nl.json';
import outreachHandoverEn from './sections/outreach-handover.en.json';
import outreachHandoverNl from './sections/outreach-handover.nl.json';

export const LOCALES: Locale[] = ['nl', 'en'];
const STORAGE_KEY = 'baken.locale';

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'nl' ? value : 'nl';
  } catch {
    return 'nl';
  }
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'nl';
}

const SIGNED_OUT_CHOICE_KEY = 'baken.localeChosenSignedOut';

/** Switches the interface language and remembers it on this device. */
export async function changeLocale(locale: Locale, options: { signedOutChoice?: boolean } = {}): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
    if (options.signedOutChoice) sessionStorage.setItem(SIGNED_OUT_CHOICE_KEY, locale);
  } catch {
    // Private browsing or storage disabled: the choice then lasts for this page only.
  }
  await i18n.changeLanguage(locale);
}

/** A language the user picked while signed out in this tab (once), to carry into the account. */
export function takeSignedOutChoice(): Locale | null {
  try {
    const value = sessionStorage.getItem(SIGNED_OUT_CHOICE_KEY);
    sessionStorage.removeItem(SIGNED_OUT_CHOICE_KEY);
    return value === 'en' || value === 'nl' ? value : null;
  } catch {
    return null;
  }
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  // Each capability keeps its texts in its own section file (top-level keys must not collide).
  resources: {
    nl: { translation: { ...nl, ...intakeNl, ...casesNl, ...clocksNl, ...identificationNl, ...workspaceNl, ...rightsNl, ...outreachImportNl, ...outreachWorklistNl, ...outreachContactNl, ...outreachFunnelNl, ...outreachHandoverNl } },
    en: { translation: { ...en, ...intakeEn, ...casesEn, ...clocksEn, ...identificationEn, ...workspaceEn, ...rightsEn, ...outreachImportEn, ...outreachWorklistEn, ...outreachContactEn, ...outreachFunnelEn, ...outreachHandoverEn } },
  },
  lng: storedLocale(),
  fallbackLng: 'nl',
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  react: { useSuspense: false },
});
document.documentElement.lang = i18n.language;

export default i18n;

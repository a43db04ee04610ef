// Labels of the jurisdiction profile's codes (regions, forms, purposes, ...) in the interface
// language. The profile sends every label as { nl, en }; unknown codes show as the code itself.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { profileQuery, type Coded, type ConsentBasis, type Label, type NrmProfile } from '../../api/cases.ts';

export function pickLabel(label: Label | string | undefined | null, language: string): string {
  if (!label) return '';
  if (typeof label === 'string') return label;
  return (language === 'en' ? label.en : label.nl) || label.nl || label.en || '';
}

type List = readonly (Coded | string)[] | undefined;

function find(list: List, code: string): Coded | string | undefined {
  return list?.find((item) => (typeof item === 'string' ? item : item.code) === code);
}

export type Option = { code: string; label: string };

export type ProfileLabels = {
  profile: NrmProfile | undefined;
  label: (list: List, code: string | null | undefined) => string;
  options: (list: List) => Option[];
  form: (code: string) => string;
  forms: (codes: readonly string[] | null | undefined) => string;
  region: (code: string | null | undefined) => string;
  sector: (code: string | null | undefined) => string;
  dossierType: (code: string | null | undefined) => string;
  purpose: (code: string | null | undefined) => string;
  referralType: (code: string | null | undefined) => string;
  accessProfile: (code: string | null | undefined) => string;
  indicator: (code: string) => string;
  sex: (code: string | null | undefined) => string;
  safeContactChannel: (code: string | null | undefined) => string;
};

export function basisCode(basis: ConsentBasis): string {
  return typeof basis === 'string' ? basis : basis.basis;
}

export function useProfileLabels(): ProfileLabels & { isPending: boolean; error: unknown } {
  const { i18n } = useTranslation();
  const result = useQuery(profileQuery);
  const profile = result.data;
  const language = i18n.language;
  const label = (list: List, code: string | null | undefined): string => {
    if (!code) return '';
    const item = find(list, code);
    if (!item || typeof item === 'string') return code;
    return pickLabel(item.label, language) || code;
  };
  const options = (list: List): Option[] =>
    (list ?? []).map((item) => (typeof item === 'string' ? { code: item, label: item } : { code: item.code, label: pickLabel(item.label, language) || item.code }));
  const indicators = profile?.indicatorCategories.flatMap((category) => category.items) ?? [];
  return {
    profile,
    isPending: result.isPending,
    error: result.error,
    label,
    options,
    form: (code) => label(profile?.formsOfExploitation, code),
    forms: (codes) => (codes ?? []).map((code) => label(profile?.formsOfExploitation, code)).join(', '),
    region: (code) => label(profile?.regions, code),
    sector: (code) => label(profile?.sectors, code),
    dossierType: (code) => label(profile?.dossierTypes, code),
    purpose: (code) => label(profile?.consentPurposes, code),
    referralType: (code) => label(profile?.referralTypes, code),
    accessProfile: (code) => label(profile?.accessProfiles, code),
    indicator: (code) => label(indicators, code),
    sex: (code) => label(profile?.sexes, code),
    safeContactChannel: (code) => label(profile?.safeContactChannels, code),
  };
}

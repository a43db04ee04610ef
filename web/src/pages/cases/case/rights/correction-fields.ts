import { useTranslation } from 'react-i18next';
import type { CorrectableField, FieldValue } from '../../../../api/rights.ts';

/** How each correctable field is entered in the form (see src/rights/correctable-fields.ts). */
export type FieldKind = 'text' | 'list' | 'date' | 'number' | 'sex' | 'channel' | 'boolean' | 'optional-boolean';

export const FIELD_KINDS: Record<CorrectableField, FieldKind> = {
  name: 'text',
  aliases: 'list',
  dateOfBirth: 'date',
  safeContactChannel: 'channel',
  contactDetails: 'text',
  safetyNotes: 'text',
  estimatedAge: 'number',
  presumedMinor: 'boolean',
  sex: 'sex',
  citizenships: 'list',
  languages: 'list',
  interpreterNeeded: 'optional-boolean',
};

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const CHANNELS = ['none', 'phone-call', 'sms', 'email', 'messaging-app', 'via-organisation', 'in-person'] as const;

/** The form's text for a stored value (what the input starts with). */
export function toInput(kind: FieldKind, value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** The value to send for the form's text; empty means "clear" where the field allows it. */
export function fromInput(kind: FieldKind, text: string): FieldValue {
  const trimmed = text.trim();
  switch (kind) {
    case 'list':
      return trimmed ? trimmed.split(',').map((s) => s.trim()).filter(Boolean) : [];
    case 'number':
      return trimmed === '' ? null : Number(trimmed);
    case 'boolean':
      return trimmed === 'true';
    case 'optional-boolean':
      return trimmed === '' ? null : trimmed === 'true';
    default:
      return trimmed === '' ? null : trimmed;
  }
}

/** A stored value as text for the history table. */
export function useFormatValue() {
  const { t } = useTranslation();
  return (field: string, value: FieldValue): string => {
    if (value === null || (Array.isArray(value) && value.length === 0) || value === '') return t('rights.correction.empty');
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (field === 'sex') return t(`caseCommon.sexes.${String(value)}`, { defaultValue: String(value) });
    if (field === 'safeContactChannel') return t(`caseCommon.safeContact.${String(value)}`, { defaultValue: String(value) });
    return String(value);
  };
}

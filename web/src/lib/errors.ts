import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** A translated, user-facing message for an error from the API (server text as the fallback). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return t('errors.NETWORK');
    return t(`errors.${error.code}`, { defaultValue: error.message || t('errors.unknown') });
  }
  return t('errors.unknown');
}

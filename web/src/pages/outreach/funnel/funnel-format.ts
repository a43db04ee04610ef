// Labels and numbers of the outreach funnel page.
import type { TFunction } from 'i18next';
import type { FunnelCell, FunnelStage } from '../../../api/outreach-funnel.ts';

/** The ISO week number of a Monday given as YYYY-MM-DD. */
export function isoWeekNumber(monday: string): number {
  const date = new Date(`${monday}T00:00:00Z`);
  const thursday = new Date(date.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}

export function weekLabel(t: TFunction, monday: string, locale: string): string {
  const date = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${monday}T00:00:00Z`));
  return t('outreachFunnel.week', { number: isoWeekNumber(monday), date });
}

export function languageName(t: TFunction, code: string, locale: string): string {
  if (code === 'und') return t('outreachFunnel.unknownLanguage');
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const stageLabel = (t: TFunction, stage: FunnelStage) => t(`outreachFunnel.stages.${stage}`);

/** A count as shown: "<5" stays as it is, numbers get the locale's grouping. */
export function formatCell(cell: FunnelCell, locale: string): string {
  return typeof cell === 'number' ? new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL').format(cell) : cell;
}

export function formatRatio(ratio: number | null, locale: string): string {
  if (ratio === null) return '–';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** The value a chart draws for a cell: a masked cell ("<5") is drawn as 2.5, between 0 and 5. */
export const chartValue = (cell: FunnelCell) => (typeof cell === 'number' ? cell : 2.5);

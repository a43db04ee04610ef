import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/cases.ts';
import { Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { organisationTypeLabel } from '../../../lib/labels.ts';
import { useProfileLabels, type ProfileLabels } from '../profile.ts';
import { Facts, formatDate } from '../ui.tsx';

export const DATA_GROUPS = ['identity', 'person', 'exploitation', 'investigation', 'source'] as const;

/** The order fields appear in; fields the server adds later follow in its order. */
const ORDER = [
  'name', 'aliases', 'dateOfBirth', 'contactDetails', 'safeContactChannel', 'safetyNotes',
  'estimatedAge', 'presumedMinor', 'sex', 'citizenships', 'languages', 'interpreterNeeded',
  'forms', 'sector', 'location', 'exploitationLocation', 'place', 'periodFrom', 'periodTo', 'description',
  'policeReportFiled', 'cooperating', 'suspectsCount', 'notes',
  'organisationName', 'sourceOrganisationName', 'organisationType', 'sourceOrganisationType', 'channel', 'region', 'firstSignalAt', 'legalBasis', 'signalNumber',
];

function formatValue(t: TFunction, labels: ProfileLabels, key: string, value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  switch (key) {
    case 'forms': return labels.forms(value as string[]);
    case 'sector': return labels.sector(String(value));
    case 'region': return labels.region(String(value));
    case 'sex': return t(`caseCommon.sexes.${String(value)}`, { defaultValue: labels.sex(String(value)) });
    case 'safeContactChannel': return t(`caseCommon.safeContact.${String(value)}`, { defaultValue: labels.safeContactChannel(String(value)) });
    case 'location':
    case 'exploitationLocation': return t(`caseCommon.locations.${String(value)}`, { defaultValue: String(value) });
    case 'legalBasis': return t(`caseCommon.bases.${String(value)}`, { defaultValue: String(value) });
    case 'channel': return t(`caseCommon.channels.${String(value)}`, { defaultValue: String(value) });
    case 'organisationType':
    case 'sourceOrganisationType': return organisationTypeLabel(t, String(value));
    case 'dateOfBirth':
    case 'periodFrom':
    case 'periodTo': return formatDate(String(value));
    case 'firstSignalAt':
    case 'registeredAt': return formatDateTime(String(value));
    default:
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return <span className="baken-case-text">{String(value)}</span>;
}

function rowsOf(t: TFunction, labels: ProfileLabels, group: Record<string, unknown>): [string, ReactNode][] {
  const keys = Object.keys(group).filter((key) => !key.endsWith('Id') && key !== 'id');
  keys.sort((a, b) => (ORDER.indexOf(a) === -1 ? 999 : ORDER.indexOf(a)) - (ORDER.indexOf(b) === -1 ? 999 : ORDER.indexOf(b)));
  return keys.map((key) => [t(`caseFields.${key}`, { defaultValue: key }), formatValue(t, labels, key, group[key])]);
}

/** The field groups the viewer may see; groups the server left out are not shown at all. */
export function FieldGroups({ data }: { data: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useProfileLabels();
  return (
    <>
      {DATA_GROUPS.map((group) => {
        const values = data[group];
        if (!values) return null;
        const rows = rowsOf(t, labels, values);
        return (
          <div key={group} data-testid={`group-${group}`}>
            <Section title={t(`fieldGroups.${group}`)}>
              {rows.some(([, value]) => value !== null) ? <Facts rows={rows} /> : <p className="utrecht-paragraph baken-muted">{t('caseView.groupEmpty')}</p>}
            </Section>
          </div>
        );
      })}
    </>
  );
}

import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SignalDetail } from '../../../api/cases.ts';
import { Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { pickLabel, useProfileLabels } from '../profile.ts';
import { Facts, formatDate, yesNo } from '../ui.tsx';

/** The signal as received: source, person, exploitation and indicators, text, additions, duplicates. */
export function SignalDetails({ signal }: { signal: SignalDetail }) {
  const { t, i18n } = useTranslation();
  const labels = useProfileLabels();
  const person = signal.person ?? {};
  const list = (values: readonly string[] | null | undefined) => (values ?? []).join(', ');
  const categories = (labels.profile?.indicatorCategories ?? [])
    .map((category) => ({ label: pickLabel(category.label, i18n.language), items: category.items.filter((item) => signal.indicators.includes(item.code)) }))
    .filter((category) => category.items.length > 0);
  const known = new Set(categories.flatMap((category) => category.items.map((item) => item.code)));
  const unknown = signal.indicators.filter((code) => !known.has(code));

  return (
    <>
      <Section title={t('signalView.report')}>
        <Facts
          testId="signal-report"
          rows={[
            [t('triage.number'), signal.number],
            [t('triage.channel'), t(`caseCommon.channels.${signal.channel}`, { defaultValue: signal.channel })],
            [t('triage.received'), formatDateTime(signal.receivedAt)],
            [t('common.status'), t(`caseCommon.signalStatus.${signal.status}`, { defaultValue: signal.status })],
            [t('triage.source'), signal.sourceOrganisationName],
            [t('signalView.submittedBy'), signal.submittedByName],
            [t('triage.region'), labels.region(signal.region)],
            [t('signalView.legalBasis'), signal.legalBasis ? t(`caseCommon.bases.${signal.legalBasis}`, { defaultValue: signal.legalBasis }) : ''],
            [t('signalView.acuteDanger'), yesNo(t, signal.acuteDanger)],
            [t('signalView.minorInvolved'), yesNo(t, signal.minorInvolved)],
          ]}
        />
      </Section>
      <Section title={t('fieldGroups.person')}>
        <Facts
          testId="signal-person"
          rows={[
            [t('caseFields.name'), person.name],
            [t('caseFields.aliases'), list(person.aliases)],
            [t('caseFields.dateOfBirth'), formatDate(person.dateOfBirth)],
            [t('caseFields.estimatedAge'), person.estimatedAge ?? signal.estimatedAge ?? ''],
            [t('caseFields.presumedMinor'), yesNo(t, person.presumedMinor ?? signal.presumedMinor)],
            [t('caseFields.sex'), t(`caseCommon.sexes.${person.sex ?? ''}`, { defaultValue: labels.sex(person.sex) })],
            [t('caseFields.citizenships'), list(person.citizenships)],
            [t('caseFields.languages'), list(person.languages)],
            [t('caseFields.interpreterNeeded'), yesNo(t, person.interpreterNeeded)],
            [t('caseFields.safeContactChannel'), labels.safeContactChannel(person.safeContactChannel)],
            [t('caseFields.contactDetails'), person.contactDetails],
            [t('caseFields.safetyNotes'), person.safetyNotes],
          ]}
        />
        {!signal.person ? <p className="utrecht-paragraph baken-muted">{t('signalView.noPerson')}</p> : null}
      </Section>
      <Section title={t('fieldGroups.exploitation')}>
        <Facts
          rows={[
            [t('caseFields.forms'), labels.forms(signal.forms)],
            [t('caseFields.sector'), labels.sector(signal.sector)],
            [t('caseFields.place'), signal.place],
          ]}
        />
        <h3 className="utrecht-heading-3">{t('signalView.indicators')}</h3>
        {signal.indicators.length === 0 ? <p className="utrecht-paragraph baken-muted">{t('signalView.noIndicators')}</p> : null}
        {categories.map((category) => (
          <div key={category.label} className="baken-case-indicators">
            <p className="utrecht-paragraph baken-case-indicators__title">{category.label}</p>
            <ul className="utrecht-unordered-list">
              {category.items.map((item) => (
                <li key={item.code} className="utrecht-unordered-list__item">
                  {pickLabel(item.label, i18n.language)}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {unknown.length > 0 ? (
          <ul className="utrecht-unordered-list">
            {unknown.map((code) => (
              <li key={code} className="utrecht-unordered-list__item">
                {code}
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
      <Section title={t('signalView.description')}>
        <p className="utrecht-paragraph baken-case-text" data-testid="signal-description">
          {signal.description || t('signalView.noDescription')}
        </p>
      </Section>
      {signal.additions.length > 0 ? (
        <Section title={t('signalView.additions')}>
          <ul className="baken-case-timeline" data-testid="signal-additions">
            {signal.additions.map((addition, index) => (
              <li key={`${addition.receivedAt}-${index}`}>
                <p className="utrecht-paragraph baken-muted">{formatDateTime(addition.receivedAt)}</p>
                <p className="utrecht-paragraph baken-case-text">{addition.text}</p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title={t('signalView.duplicates')}>
        {signal.possibleDuplicates.length === 0 ? (
          <p className="utrecht-paragraph">{t('signalView.noDuplicates')}</p>
        ) : (
          <ul className="utrecht-unordered-list" data-testid="signal-duplicates">
            {signal.possibleDuplicates.map((duplicate) => (
              <li key={`${duplicate.kind}-${duplicate.id}`} className="utrecht-unordered-list__item">
                {duplicate.kind === 'case' ? (
                  <Link to="/cases/$caseId" params={{ caseId: duplicate.id }} className="utrecht-link utrecht-link--html-a">
                    {t('signalView.duplicateCase', { number: duplicate.number })}
                  </Link>
                ) : (
                  <Link to="/triage/$signalId" params={{ signalId: duplicate.id }} className="utrecht-link utrecht-link--html-a">
                    {t('signalView.duplicateSignal', { number: duplicate.number })}
                  </Link>
                )}{' '}
                <span className="baken-muted">
                  ({duplicate.reasons.map((reason) => t(`signalView.duplicateReasons.${reason}`, { defaultValue: reason })).join(', ')})
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

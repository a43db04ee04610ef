import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { funnelQuery, type FunnelFilter } from '../../../api/outreach-funnel.ts';
import { Alert, ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { Button } from '../../../components/Button.tsx';
import { SelectField } from '../../../components/fields.tsx';
import { Page, Section } from '../../../components/Page.tsx';
import { FunnelChart } from './FunnelChart.tsx';
import { FunnelTables } from './FunnelTables.tsx';
import { languageName, weekLabel } from './funnel-format.ts';
import { WeeklyCharts } from './WeeklyCharts.tsx';
import './funnel.css';

const PERIODS = [4, 8, 12, 26, 52];
const DEFAULT: FunnelFilter = { weeks: 12, language: '' };

function Funnel() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<FunnelFilter>(DEFAULT);
  const [filter, setFilter] = useState<FunnelFilter>(DEFAULT);
  const funnel = useQuery(funnelQuery(filter));
  // Languages with data in the period, plus the chosen one (so the choice stays visible).
  const languages = [...new Set([...(funnel.data?.languages ?? []), ...(filter.language ? [filter.language] : [])])].sort();

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter(draft);
  }

  return (
    <Page title={t('areas.outreachFunnel.title')} lead={t('outreachFunnel.lead')} wide>
      <form className="utrecht-form baken-filter" role="search" aria-label={t('outreachFunnel.filterLabel')} onSubmit={apply}>
        <SelectField label={t('outreachFunnel.period')} name="weeks" markOptional={false} value={String(draft.weeks)} onChange={(event) => setDraft({ ...draft, weeks: Number(event.target.value) })}>
          {PERIODS.map((weeks) => (
            <option key={weeks} value={weeks}>
              {t('outreachFunnel.lastWeeks', { count: weeks })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('outreachFunnel.language')} name="language" markOptional={false} value={draft.language} onChange={(event) => setDraft({ ...draft, language: event.target.value })}>
          <option value="">{t('outreachFunnel.allLanguages')}</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageName(t, code, i18n.language)}
            </option>
          ))}
        </SelectField>
        <div className="baken-filter__actions">
          <Button type="submit" variant="secondary">
            {t('common.filter')}
          </Button>
        </div>
      </form>

      {funnel.isPending ? <Loading /> : null}
      <ErrorAlert error={funnel.error} />
      {funnel.data ? (
        <>
          <p className="utrecht-paragraph" role="status" data-testid="funnel-period">
            {t('outreachFunnel.periodSummary', {
              from: weekLabel(t, funnel.data.from, i18n.language),
              to: weekLabel(t, funnel.data.to, i18n.language),
              language: funnel.data.language ? languageName(t, funnel.data.language, i18n.language) : t('outreachFunnel.allLanguages'),
            })}
          </p>
          {funnel.data.masked ? (
            <Alert type="info">
              <p className="utrecht-paragraph" data-testid="funnel-masked">{t('outreachFunnel.maskedNote')}</p>
            </Alert>
          ) : null}
          <Section title={t('outreachFunnel.totalsTitle')}>
            <FunnelChart funnel={funnel.data} />
          </Section>
          <Section title={t('outreachFunnel.weeklyTitle')}>
            <WeeklyCharts funnel={funnel.data} />
            <FunnelTables funnel={funnel.data} />
          </Section>
          <Section title={t('outreachFunnel.howTitle')}>
            <ul className="utrecht-unordered-list">
              {(['ads', 'people', 'stages', 'registered', 'masking'] as const).map((key) => (
                <li className="utrecht-unordered-list__item" key={key}>
                  {t(`outreachFunnel.how.${key}`)}
                </li>
              ))}
            </ul>
          </Section>
        </>
      ) : null}
    </Page>
  );
}

export function OutreachFunnelPage() {
  return (
    <RequireGrant grant="outreach-funnel:read">
      <Funnel />
    </RequireGrant>
  );
}

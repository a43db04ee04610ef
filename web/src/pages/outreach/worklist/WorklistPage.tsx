import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_CLUSTER_FILTER, fetchClusters, type ClusterFilter } from '../../../api/outreach-worklist.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { SelectField, TextField } from '../../../components/fields.tsx';
import { Page } from '../../../components/Page.tsx';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { formErrors } from '../../../lib/problems.ts';
import { ClaimButton } from './ClaimButton.tsx';
import { ClaimBadge, cityName, languageName, MinorBadge, ReasonList, ScoreBar } from './ui.tsx';

const FILTER_FIELDS = ['city', 'language', 'minorRisk', 'newSince', 'claim'] as const;

function Worklist() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ClusterFilter>(EMPTY_CLUSTER_FILTER);
  const [filter, setFilter] = useState<ClusterFilter>(EMPTY_CLUSTER_FILTER);
  const clusters = useInfiniteQuery({
    queryKey: ['outreach-clusters', filter],
    queryFn: ({ pageParam }) => fetchClusters(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const { fieldErrors, formError } = formErrors(clusters.error, FILTER_FIELDS);
  const rows = clusters.data?.pages.flatMap((page) => page.items) ?? [];
  const facets = clusters.data?.pages[0]?.facets ?? { cities: [], languages: [] };
  const set = (field: keyof ClusterFilter) => (event: { target: { value: string } }) => setDraft((old) => ({ ...old, [field]: event.target.value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter({ ...draft, city: draft.city.trim() });
  }

  return (
    <Page title={t('areas.outreachWorklist.title')} lead={t('outreachWorklist.lead')} wide>
      <form className="utrecht-form baken-filter baken-filter--grid" role="search" aria-label={t('outreachWorklist.filterLabel')} onSubmit={apply}>
        <SelectField label={t('outreachWorklist.city')} name="city" markOptional={false} value={draft.city} onChange={set('city')} error={fieldErrors.city}>
          <option value="">{t('outreachWorklist.any')}</option>
          {facets.cities.map((c) => <option key={c} value={c}>{cityName(c)}</option>)}
        </SelectField>
        <SelectField label={t('outreachWorklist.language.label')} name="language" markOptional={false} value={draft.language} onChange={set('language')} error={fieldErrors.language}>
          <option value="">{t('outreachWorklist.any')}</option>
          {facets.languages.map((l) => <option key={l} value={l}>{languageName(t, l)}</option>)}
        </SelectField>
        <SelectField label={t('outreachWorklist.minorRisk')} name="minorRisk" markOptional={false} value={draft.minorRisk} onChange={set('minorRisk')}>
          <option value="">{t('outreachWorklist.any')}</option>
          <option value="true">{t('common.yes')}</option>
          <option value="false">{t('common.no')}</option>
        </SelectField>
        <TextField label={t('outreachWorklist.newSince')} name="newSince" type="date" markOptional={false} value={draft.newSince} onChange={set('newSince')} error={fieldErrors.newSince} />
        <SelectField label={t('outreachWorklist.claim.filter')} name="claim" markOptional={false} value={draft.claim} onChange={set('claim')}>
          <option value="all">{t('outreachWorklist.claim.all')}</option>
          <option value="mine">{t('outreachWorklist.claim.mineFilter')}</option>
          <option value="unclaimed">{t('outreachWorklist.claim.unclaimed')}</option>
        </SelectField>
        <div className="baken-filter__actions">
          <Button type="submit" variant="secondary">{t('common.filter')}</Button>
          <Button
            variant="subtle"
            onClick={() => {
              setDraft(EMPTY_CLUSTER_FILTER);
              setFilter(EMPTY_CLUSTER_FILTER);
            }}
          >
            {t('common.reset')}
          </Button>
        </div>
      </form>

      {clusters.isPending ? <Loading /> : null}
      <ErrorAlert error={formError} />
      {clusters.data ? (
        <p className="utrecht-paragraph" role="status" data-testid="clusters-count">
          {rows.length === 0 ? t('outreachWorklist.empty') : clusters.hasNextPage ? t('outreachWorklist.countMore', { count: rows.length }) : t('outreachWorklist.count', { count: rows.length })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <TableContainer label={t('outreachWorklist.tableLabel')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="clusters-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('outreachWorklist.rank')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.cluster')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.score')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.reasons')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.sizeHeading')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.citiesLanguages')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.seen')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.claim.heading')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row, index) => {
                const name = t('outreachWorklist.clusterName', { id: row.id });
                return (
                  <tr className="utrecht-table__row" key={row.id} data-testid="cluster-row">
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{index + 1}</td>
                    <th className="utrecht-table__cell baken-row-header" scope="row">
                      <Link to="/outreach/clusters/$clusterId" params={{ clusterId: row.id }} className="utrecht-link utrecht-link--html-a">
                        {name}
                      </Link>
                      {row.minorRisk ? <><br /><MinorBadge /></> : null}
                    </th>
                    <td className="utrecht-table__cell"><ScoreBar score={row.score} /></td>
                    <td className="utrecht-table__cell" style={{ minWidth: '22em' }}><ReasonList reasons={row.reasons} max={3} /></td>
                    <td className="utrecht-table__cell baken-small">
                      {t('outreachWorklist.size', { ads: row.size, personas: row.personas, phones: row.phones })}
                    </td>
                    <td className="utrecht-table__cell baken-small">
                      {row.cities.map(cityName).join(', ')}
                      <br />
                      {row.languages.map((l) => languageName(t, l)).join(', ')}
                    </td>
                    <td className="utrecht-table__cell baken-small baken-nowrap">
                      {t('outreachWorklist.firstSeen')}: {formatDateTime(row.firstSeenAt)}
                      <br />
                      {t('outreachWorklist.lastPosted')}: {formatDateTime(row.lastPostedAt) || '–'}
                    </td>
                    <td className="utrecht-table__cell" style={{ minWidth: '9em' }}>
                      <ClaimBadge claimedBy={row.claimedBy} /> <ClaimButton cluster={row} label={name} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
      {clusters.hasNextPage ? (
        <ButtonGroup>
          <Button variant="secondary" busy={clusters.isFetchingNextPage} onClick={() => void clusters.fetchNextPage()}>
            {t('outreachWorklist.more')}
          </Button>
        </ButtonGroup>
      ) : null}
    </Page>
  );
}

export function OutreachWorklistPage() {
  return (
    <RequireGrant grant="outreach-cluster:list">
      <Worklist />
    </RequireGrant>
  );
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_CASE_FILTER, fetchCasesPage, type CaseFilter } from '../../api/cases.ts';
import { ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/Page.tsx';
import { TableContainer } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { formErrors } from '../../lib/problems.ts';
import { useProfileLabels } from './profile.ts';
import { UrgencyBadges } from './ui.tsx';

const FILTER_FIELDS = ['q', 'registeredFrom', 'registeredTo'] as const;

function Cases() {
  const { t } = useTranslation();
  const labels = useProfileLabels();
  const profile = labels.profile;
  const [draft, setDraft] = useState<CaseFilter>(EMPTY_CASE_FILTER);
  const [filter, setFilter] = useState<CaseFilter>(EMPTY_CASE_FILTER);
  const cases = useInfiniteQuery({
    queryKey: ['cases', filter],
    queryFn: ({ pageParam }) => fetchCasesPage(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const { fieldErrors, formError } = formErrors(cases.error, FILTER_FIELDS);
  const rows = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const showNames = rows.some((row) => row.name !== null && row.name !== undefined);
  const set = (field: keyof CaseFilter) => (event: { target: { value: string } }) => setDraft((old) => ({ ...old, [field]: event.target.value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter({ ...draft, q: draft.q.trim() });
  }

  return (
    <Page title={t('areas.cases.title')} lead={t('cases.lead')} wide>
      <form className="utrecht-form baken-filter baken-filter--grid" role="search" aria-label={t('cases.filterLabel')} onSubmit={apply}>
        <TextField label={t('cases.search')} name="q" type="search" markOptional={false} value={draft.q} onChange={set('q')} description={t('cases.searchHint')} error={fieldErrors.q} />
        <SelectField label={t('common.status')} name="status" markOptional={false} value={draft.status} onChange={set('status')}>
          <option value="">{t('cases.any')}</option>
          <option value="open">{t('caseCommon.caseStatus.open')}</option>
          <option value="closed">{t('caseCommon.caseStatus.closed')}</option>
        </SelectField>
        <SelectField label={t('caseFields.dossierType')} name="dossierType" markOptional={false} value={draft.dossierType} onChange={set('dossierType')}>
          <option value="">{t('cases.any')}</option>
          {labels.options(profile?.dossierTypes).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
        </SelectField>
        <SelectField label={t('cases.form')} name="form" markOptional={false} value={draft.form} onChange={set('form')}>
          <option value="">{t('cases.any')}</option>
          {labels.options(profile?.formsOfExploitation).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
        </SelectField>
        <SelectField label={t('caseFields.region')} name="region" markOptional={false} value={draft.region} onChange={set('region')}>
          <option value="">{t('cases.any')}</option>
          {labels.options(profile?.regions).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
        </SelectField>
        <SelectField label={t('caseFields.presumedMinor')} name="presumedMinor" markOptional={false} value={draft.presumedMinor} onChange={set('presumedMinor')}>
          <option value="">{t('cases.any')}</option>
          <option value="true">{t('common.yes')}</option>
          <option value="false">{t('common.no')}</option>
        </SelectField>
        <TextField label={t('cases.registeredFrom')} name="registeredFrom" type="date" markOptional={false} value={draft.registeredFrom} onChange={set('registeredFrom')} error={fieldErrors.registeredFrom} />
        <TextField label={t('cases.registeredTo')} name="registeredTo" type="date" markOptional={false} value={draft.registeredTo} onChange={set('registeredTo')} error={fieldErrors.registeredTo} />
        <div className="baken-filter__actions">
          <Button type="submit" variant="secondary">
            {t('common.filter')}
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
              setDraft(EMPTY_CASE_FILTER);
              setFilter(EMPTY_CASE_FILTER);
            }}
          >
            {t('common.reset')}
          </Button>
        </div>
      </form>

      {cases.isPending ? <Loading /> : null}
      <ErrorAlert error={formError} />
      {cases.data ? (
        <p className="utrecht-paragraph" role="status" data-testid="cases-count">
          {cases.hasNextPage ? t('cases.countMore', { count: rows.length }) : t('cases.count', { count: rows.length })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <TableContainer label={t('cases.tableLabel')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="cases-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('caseFields.caseNumber')}</th>
                {showNames ? <th className="utrecht-table__header-cell" scope="col">{t('caseFields.name')}</th> : null}
                <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseFields.dossierType')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseFields.registeredAt')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('cases.ageSex')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseFields.forms')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseFields.region')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('triage.source')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row) => (
                <tr className="utrecht-table__row" key={row.id}>
                  <th className="utrecht-table__cell baken-row-header baken-nowrap" scope="row">
                    <Link to="/cases/$caseId" params={{ caseId: row.id }} className="utrecht-link utrecht-link--html-a">
                      {row.caseNumber}
                    </Link>
                  </th>
                  {showNames ? <td className="utrecht-table__cell">{row.name ?? ''}</td> : null}
                  <td className="utrecht-table__cell">{t(`caseCommon.caseStatus.${row.status}`, { defaultValue: row.status })}</td>
                  <td className="utrecht-table__cell">{labels.dossierType(row.dossierType)}</td>
                  <td className="utrecht-table__cell baken-nowrap">{formatDateTime(row.registeredAt)}</td>
                  <td className="utrecht-table__cell">
                    {[row.estimatedAge ?? '', row.sex ? t(`caseCommon.sexes.${row.sex}`, { defaultValue: row.sex }) : ''].filter((part) => part !== '').join(', ')}{' '}
                    <UrgencyBadges acuteDanger={false} minor={!!row.presumedMinor} />
                  </td>
                  <td className="utrecht-table__cell">{labels.forms(row.forms)}</td>
                  <td className="utrecht-table__cell">{labels.region(row.region)}</td>
                  <td className="utrecht-table__cell">{row.sourceOrganisationName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
      {cases.hasNextPage ? (
        <ButtonGroup>
          <Button variant="secondary" busy={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()}>
            {t('cases.more')}
          </Button>
        </ButtonGroup>
      ) : null}
    </Page>
  );
}

export function CasesPage() {
  return (
    <RequireGrant grant="case:list">
      <Cases />
    </RequireGrant>
  );
}

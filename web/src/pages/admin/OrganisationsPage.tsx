import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationsQuery } from '../../api/admin.ts';
import { api } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import type { Organisation } from '../../api/types.ts';
import { Alert, ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { ConfirmButton } from '../../components/ConfirmDialog.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusBadge, TableContainer } from '../../components/TableContainer.tsx';
import { organisationTypeLabel } from '../../lib/labels.ts';
import { OrganisationForm } from './OrganisationForm.tsx';

type Panel = { mode: 'create' } | { mode: 'edit'; organisation: Organisation } | null;

function Organisations() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const organisations = useQuery(organisationsQuery);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mayCreate = can(session, 'organisation:create');
  const mayUpdate = can(session, 'organisation:update');

  async function saved(organisation: Organisation) {
    const message = panel?.mode === 'edit' ? t('organisations.updated', { name: organisation.name }) : t('organisations.created', { name: organisation.name });
    setPanel(null);
    setNotice(message);
    announce(message);
    await queryClient.invalidateQueries({ queryKey: organisationsQuery.queryKey });
  }

  async function setActive(organisation: Organisation, active: boolean) {
    setError(null);
    try {
      await api('PATCH', `/api/admin/organisations/${encodeURIComponent(organisation.id)}`, { active });
      const message = active ? t('organisations.activated', { name: organisation.name }) : t('organisations.deactivated', { name: organisation.name });
      setNotice(message);
      announce(message);
      await queryClient.invalidateQueries({ queryKey: organisationsQuery.queryKey });
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Page title={t('organisations.title')} lead={t('organisations.lead')} wide>
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{notice}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      {mayCreate && !panel ? (
        <ButtonGroup>
          <Button variant="primary" onClick={() => { setNotice(null); setPanel({ mode: 'create' }); }}>
            {t('organisations.new')}
          </Button>
        </ButtonGroup>
      ) : null}
      {panel ? (
        <OrganisationForm
          key={panel.mode === 'edit' ? panel.organisation.id : 'new'}
          organisation={panel.mode === 'edit' ? panel.organisation : undefined}
          onSaved={(organisation) => void saved(organisation)}
          onCancel={() => setPanel(null)}
        />
      ) : null}

      {organisations.isPending ? <Loading /> : null}
      {organisations.isError ? <ErrorAlert error={organisations.error} /> : null}
      {organisations.data && organisations.data.items.length === 0 ? <p className="utrecht-paragraph">{t('organisations.empty')}</p> : null}
      {organisations.data && organisations.data.items.length > 0 ? (
        <TableContainer label={t('organisations.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="organisations-table">
            <caption className="utrecht-table__caption visually-hidden">{t('organisations.caption', { count: organisations.data.items.length })}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('organisations.name')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('organisations.type')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('organisations.region')}</th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">{t('organisations.users')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
                {mayUpdate ? <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {organisations.data.items.map((organisation) => (
                <tr className="utrecht-table__row" key={organisation.id}>
                  <th className="utrecht-table__cell baken-row-header" scope="row">{organisation.name}</th>
                  <td className="utrecht-table__cell">{organisationTypeLabel(t, organisation.type)}</td>
                  <td className="utrecht-table__cell">{organisation.region ?? ''}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{organisation.userCount}</td>
                  <td className="utrecht-table__cell">
                    {organisation.active ? <StatusBadge tone="success">{t('common.active')}</StatusBadge> : <StatusBadge tone="inactive">{t('common.inactive')}</StatusBadge>}
                  </td>
                  {mayUpdate ? (
                    <td className="utrecht-table__cell">
                      <div className="baken-row-actions">
                        <Button
                          variant="subtle"
                          aria-label={t('organisations.editNamed', { name: organisation.name })}
                          onClick={() => { setNotice(null); setPanel({ mode: 'edit', organisation }); }}
                        >
                          {t('common.edit')}
                        </Button>
                        {organisation.active ? (
                          <ConfirmButton
                            label={t('organisations.deactivate')}
                            ariaLabel={t('organisations.deactivateNamed', { name: organisation.name })}
                            title={t('organisations.deactivateTitle', { name: organisation.name })}
                            confirmLabel={t('organisations.deactivate')}
                            onConfirm={() => setActive(organisation, false)}
                          >
                            <p className="utrecht-paragraph">{t('organisations.deactivateText')}</p>
                          </ConfirmButton>
                        ) : (
                          <Button variant="subtle" aria-label={t('organisations.activateNamed', { name: organisation.name })} onClick={() => void setActive(organisation, true)}>
                            {t('organisations.activate')}
                          </Button>
                        )}
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
    </Page>
  );
}

export function OrganisationsPage() {
  return (
    <RequireGrant grant="organisation:list">
      <Organisations />
    </RequireGrant>
  );
}

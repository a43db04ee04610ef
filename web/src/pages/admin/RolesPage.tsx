import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesQuery } from '../../api/admin.ts';
import { can, refreshSession, useSession } from '../../api/session.ts';
import type { ResourceActions, Role } from '../../api/types.ts';
import { Alert, ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { Page } from '../../components/Page.tsx';
import { TableContainer } from '../../components/TableContainer.tsx';
import { actionLabel, resourceLabel, roleLabel, scopeLabel } from '../../lib/labels.ts';
import { RoleForm } from './RoleForm.tsx';

type Panel = { mode: 'create' } | { mode: 'edit'; role: Role } | null;

/** A role's grants grouped by resource: "Organisations: List, Read". */
function GrantList({ grants, resources }: { grants: string[]; resources: ResourceActions[] }) {
  const { t } = useTranslation();
  if (grants.length === 0) return <span className="baken-muted">{t('roles.noGrants')}</span>;
  const granted = new Set(grants);
  const known = resources
    .map(({ resource, actions }) => ({ resource, actions: actions.filter((action) => granted.has(`${resource}:${action}`)) }))
    .filter((group) => group.actions.length > 0);
  const knownGrants = new Set(known.flatMap(({ resource, actions }) => actions.map((action) => `${resource}:${action}`)));
  const other = grants.filter((grant) => !knownGrants.has(grant));
  return (
    <ul className="baken-grant-list">
      {known.map(({ resource, actions }) => (
        <li key={resource}>
          {resourceLabel(t, resource)}: {actions.map((action) => actionLabel(t, action)).join(', ')}
        </li>
      ))}
      {other.map((grant) => (
        <li key={grant}>{grant}</li>
      ))}
    </ul>
  );
}

function Roles() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const roles = useQuery(rolesQuery);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mayCreate = can(session, 'role:create');
  const mayUpdate = can(session, 'role:update');

  async function saved(role: Role) {
    const message = panel?.mode === 'edit' ? t('roles.updated', { name: roleLabel(t, role) }) : t('roles.created', { name: role.name });
    setPanel(null);
    setNotice(message);
    announce(message);
    await queryClient.invalidateQueries({ queryKey: rolesQuery.queryKey });
    // The signed-in user's own role may have changed: their grants (and navigation) follow.
    if (role.id === session?.user.role.id) await refreshSession(queryClient);
  }

  return (
    <Page title={t('roles.title')} lead={t('roles.lead')} wide>
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{notice}</p>
        </Alert>
      ) : null}
      {mayCreate && !panel && roles.data ? (
        <ButtonGroup>
          <Button variant="primary" onClick={() => { setNotice(null); setPanel({ mode: 'create' }); }}>
            {t('roles.new')}
          </Button>
        </ButtonGroup>
      ) : null}
      {panel && roles.data ? (
        <RoleForm
          key={panel.mode === 'edit' ? panel.role.id : 'new'}
          role={panel.mode === 'edit' ? panel.role : undefined}
          resources={roles.data.resources}
          onSaved={(role) => void saved(role)}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {roles.isPending ? <Loading /> : null}
      {roles.isError ? <ErrorAlert error={roles.error} /> : null}
      {roles.data && roles.data.items.length === 0 ? <p className="utrecht-paragraph">{t('roles.empty')}</p> : null}
      {roles.data && roles.data.items.length > 0 ? (
        <TableContainer label={t('roles.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="roles-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('roles.name')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('roles.scope')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('roles.personalDataShort')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('roles.grants')}</th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">{t('roles.users')}</th>
                {mayUpdate ? <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {roles.data.items.map((role) => (
                <tr className="utrecht-table__row" key={role.id} data-role-id={role.id}>
                  <th className="utrecht-table__cell baken-row-header" scope="row">
                    {roleLabel(t, role)}
                    <br />
                    <span className="baken-muted">{role.builtIn ? t('roles.builtIn') : t('roles.custom')}</span>
                  </th>
                  <td className="utrecht-table__cell">{scopeLabel(t, role.scope)}</td>
                  <td className="utrecht-table__cell">{role.seesPersonalData ? t('common.yes') : t('common.no')}</td>
                  <td className="utrecht-table__cell">
                    <GrantList grants={role.grants} resources={roles.data.resources} />
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{role.userCount}</td>
                  {mayUpdate ? (
                    <td className="utrecht-table__cell">
                      <Button variant="subtle" aria-label={t('roles.editNamed', { name: roleLabel(t, role) })} onClick={() => { setNotice(null); setPanel({ mode: 'edit', role }); }}>
                        {t('common.edit')}
                      </Button>
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

export function RolesPage() {
  return (
    <RequireGrant grant="role:list">
      <Roles />
    </RequireGrant>
  );
}

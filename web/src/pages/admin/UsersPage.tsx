import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationsQuery, rolesQuery, usersQuery, type UserFilter } from '../../api/admin.ts';
import { can, useSession } from '../../api/session.ts';
import { BUILT_IN_ROLE_IDS, type AdminUser, type Role } from '../../api/types.ts';
import { Alert, ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusBadge, TableContainer } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { roleLabel } from '../../lib/labels.ts';
import { UserCreateForm } from './UserCreateForm.tsx';
import { UserEditPanel } from './UserEditPanel.tsx';

type Panel = { mode: 'create' } | { mode: 'edit'; user: AdminUser } | null;

function UserStatus({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  if (user.disabled) return <StatusBadge tone="inactive">{t('users.statusDisabled')}</StatusBadge>;
  if (user.locked) return <StatusBadge tone="danger">{t('users.statusLocked')}</StatusBadge>;
  return <StatusBadge tone="success">{t('common.active')}</StatusBadge>;
}

function Users() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<UserFilter>({ organisationId: '', q: '' });
  const [filter, setFilter] = useState<UserFilter>({ organisationId: '', q: '' });
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const users = useQuery(usersQuery(filter));
  const organisations = useQuery({ ...organisationsQuery, enabled: can(session, 'organisation:list') });
  const rolesResult = useQuery({ ...rolesQuery, enabled: can(session, 'role:list') });
  // Without role:list the built-in roles are still offered (the server decides what is allowed).
  const roles: Role[] =
    rolesResult.data?.items ??
    BUILT_IN_ROLE_IDS.map((id) => ({ id, name: id, description: null, scope: 'own', seesPersonalData: true, builtIn: true, grants: [], userCount: 0 }));
  const mayCreate = can(session, 'user:create');
  const mayUpdate = can(session, 'user:update');

  function applyFilter(event: FormEvent) {
    event.preventDefault();
    setFilter({ organisationId: draft.organisationId, q: draft.q.trim() });
  }

  async function changed(user: AdminUser, message: string) {
    setNotice(message);
    announce(message);
    setPanel(panel?.mode === 'edit' ? { mode: 'edit', user } : null);
    await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  }

  const rows = users.data?.items ?? [];

  return (
    <Page title={t('users.title')} lead={t('users.lead')} wide>
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{notice}</p>
        </Alert>
      ) : null}
      {mayCreate && !panel ? (
        <ButtonGroup>
          <Button variant="primary" onClick={() => { setNotice(null); setPanel({ mode: 'create' }); }}>
            {t('users.new')}
          </Button>
        </ButtonGroup>
      ) : null}
      {panel?.mode === 'create' ? (
        <UserCreateForm
          organisations={organisations.data?.items ?? []}
          roles={roles}
          onSaved={(user) => {
            setPanel(null);
            void changed(user, t('users.created', { name: user.displayName }));
          }}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {panel?.mode === 'edit' ? (
        <UserEditPanel key={panel.user.id} user={panel.user} roles={roles} mayUpdate={mayUpdate} onChanged={(user, message) => void changed(user, message)} onClose={() => setPanel(null)} />
      ) : null}

      <form className="utrecht-form baken-filter" role="search" aria-label={t('users.filterLabel')} onSubmit={applyFilter}>
        <SelectField label={t('users.organisation')} name="organisationId" markOptional={false} value={draft.organisationId} onChange={(event) => setDraft({ ...draft, organisationId: event.target.value })}>
          <option value="">{t('users.allOrganisations')}</option>
          {(organisations.data?.items ?? []).map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('users.search')} name="q" type="search" markOptional={false} value={draft.q} onChange={(event) => setDraft({ ...draft, q: event.target.value })} />
        <div className="baken-filter__actions">
          <Button type="submit" variant="secondary">
            {t('common.filter')}
          </Button>
        </div>
      </form>

      {users.isPending ? <Loading /> : null}
      {users.isError ? <ErrorAlert error={users.error} /> : null}
      {users.data ? (
        <p className="utrecht-paragraph" role="status" data-testid="users-count">
          {t('users.count', { count: rows.length })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <TableContainer label={t('users.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="users-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('users.displayName')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('users.email')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('users.organisation')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('users.role')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('users.secondFactor')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('users.lastLogin')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((user) => (
                <tr className="utrecht-table__row" key={user.id}>
                  <th className="utrecht-table__cell baken-row-header" scope="row">{user.displayName}</th>
                  <td className="utrecht-table__cell">{user.email}</td>
                  <td className="utrecht-table__cell">{user.organisation.name}</td>
                  <td className="utrecht-table__cell">{roleLabel(t, user.role)}</td>
                  <td className="utrecht-table__cell">{user.totpEnabled ? t('users.totpOn') : t('users.totpOff')}</td>
                  <td className="utrecht-table__cell">
                    <UserStatus user={user} />
                  </td>
                  <td className="utrecht-table__cell">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')}</td>
                  <td className="utrecht-table__cell">
                    <Button variant="subtle" aria-label={t('users.manageNamed', { name: user.displayName })} onClick={() => { setNotice(null); setPanel({ mode: 'edit', user }); }}>
                      {t('users.manage')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
    </Page>
  );
}

export function UsersPage() {
  return (
    <RequireGrant grant="user:list">
      <Users />
    </RequireGrant>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { SCOPES, type ResourceActions, type Role, type Scope } from '../../api/types.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { PanelHeading } from '../../components/PanelHeading.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/fields.tsx';
import { formErrors } from '../../lib/problems.ts';
import { roleLabel, scopeLabel } from '../../lib/labels.ts';
import { GrantsMatrix } from './GrantsMatrix.tsx';

type Props = { role?: Role; resources: ResourceActions[]; onSaved: (role: Role) => void; onCancel: () => void };

const FIELDS = ['id', 'name', 'description', 'scope', 'seesPersonalData', 'grants'];

/** Create a custom role, or edit a role's name, description, scope and grants. */
export function RoleForm({ role, resources, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const editing = !!role;
  const [id, setId] = useState('');
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [scope, setScope] = useState<Scope | ''>(role?.scope ?? '');
  const [seesPersonalData, setSeesPersonalData] = useState(role?.seesPersonalData ?? false);
  const [grants, setGrants] = useState<Set<string>>(new Set(role?.grants ?? []));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!editing && !/^[a-z][a-z0-9-]{1,62}$/.test(id)) missing.id = t('roles.idFormat');
    if (!name.trim()) missing.name = t('form.requiredField', { field: t('roles.name') });
    if (!scope) missing.scope = t('form.requiredChoice', { field: t('roles.scope') });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    const grantList = [...grants].sort();
    try {
      const saved = editing
        ? await api<Role>('PUT', `/api/admin/roles/${encodeURIComponent(role.id)}`, {
            name: name.trim(),
            description: description.trim(),
            scope,
            grants: grantList,
          })
        : await api<Role>('POST', '/api/admin/roles', {
            id,
            name: name.trim(),
            ...(description.trim() ? { description: description.trim() } : {}),
            scope,
            seesPersonalData,
            grants: grantList,
          });
      onSaved(saved);
    } catch (caught) {
      const { fieldErrors, formError } = formErrors(caught, FIELDS);
      setErrors(fieldErrors);
      setError(formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form baken-panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="role-form-title">
      <PanelHeading id="role-form-title">
        {editing ? t('roles.editTitle', { name: roleLabel(t, role) }) : t('roles.createTitle')}
      </PanelHeading>
      <ErrorAlert error={error} />
      {editing ? (
        <p className="utrecht-paragraph">
          {t('roles.id')}: <code className="utrecht-code">{role.id}</code>
        </p>
      ) : (
        <TextField label={t('roles.id')} name="id" required autoComplete="off" spellCheck={false} value={id} onChange={(event) => setId(event.target.value)} error={errors.id} description={t('roles.idHint')} />
      )}
      <TextField label={t('roles.name')} name="name" required autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} />
      <TextField label={t('roles.description')} name="description" autoComplete="off" value={description} onChange={(event) => setDescription(event.target.value)} error={errors.description} />
      <SelectField label={t('roles.scope')} name="scope" required value={scope} onChange={(event) => setScope(event.target.value as Scope)} error={errors.scope} description={t('roles.scopeHint')}>
        <option value="">{t('form.choose')}</option>
        {SCOPES.map((value) => (
          <option key={value} value={value}>
            {scopeLabel(t, value)}
          </option>
        ))}
      </SelectField>
      {editing ? (
        <p className="utrecht-paragraph">
          {t('roles.seesPersonalData')}: {role.seesPersonalData ? t('common.yes') : t('common.no')}
        </p>
      ) : (
        <CheckboxField
          label={t('roles.seesPersonalData')}
          name="seesPersonalData"
          checked={seesPersonalData}
          onChange={(event) => setSeesPersonalData(event.target.checked)}
          error={errors.seesPersonalData}
          description={t('roles.seesPersonalDataHint')}
        />
      )}
      {errors.grants ? (
        <p className="utrecht-form-field-error-message" id="grants-error">
          {errors.grants}
        </p>
      ) : null}
      <GrantsMatrix resources={resources} grants={grants} onChange={setGrants} legend={t('roles.grants')} />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>
          {editing ? t('roles.saveGrants') : t('roles.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

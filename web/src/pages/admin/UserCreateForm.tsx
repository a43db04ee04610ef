import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { AdminUser, Organisation, Role } from '../../api/types.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { PanelHeading } from '../../components/PanelHeading.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { formErrors } from '../../lib/problems.ts';
import { roleLabel } from '../../lib/labels.ts';

type Props = { organisations: Organisation[]; roles: Role[]; onSaved: (user: AdminUser) => void; onCancel: () => void };

const FIELDS = ['email', 'displayName', 'organisationId', 'roleId', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function UserCreateForm({ organisations, roles, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({ email: '', displayName: '', organisationId: '', roleId: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((old) => ({ ...old, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.email.trim()) missing.email = t('form.requiredField', { field: t('users.email') });
    if (!values.displayName.trim()) missing.displayName = t('form.requiredField', { field: t('users.displayName') });
    if (!values.organisationId) missing.organisationId = t('form.requiredChoice', { field: t('users.organisation') });
    if (!values.roleId) missing.roleId = t('form.requiredChoice', { field: t('users.role') });
    if (!values.password) missing.password = t('form.requiredField', { field: t('users.password') });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const user = await api<AdminUser>('POST', '/api/admin/users', {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        organisationId: values.organisationId,
        roleId: values.roleId,
        password: values.password,
      });
      onSaved(user);
    } catch (caught) {
      const { fieldErrors, formError } = formErrors(caught, FIELDS);
      setErrors(fieldErrors);
      setError(formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form baken-panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="user-create-title">
      <PanelHeading id="user-create-title">
        {t('users.createTitle')}
      </PanelHeading>
      <ErrorAlert error={error} />
      <TextField label={t('users.email')} name="email" type="email" autoComplete="off" required value={values.email} onChange={set('email')} error={errors.email} />
      <TextField label={t('users.displayName')} name="displayName" autoComplete="off" required value={values.displayName} onChange={set('displayName')} error={errors.displayName} />
      <SelectField label={t('users.organisation')} name="organisationId" required value={values.organisationId} onChange={set('organisationId')} error={errors.organisationId}>
        <option value="">{t('form.choose')}</option>
        {organisations
          .filter((organisation) => organisation.active)
          .map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
      </SelectField>
      <SelectField label={t('users.role')} name="roleId" required value={values.roleId} onChange={set('roleId')} error={errors.roleId}>
        <option value="">{t('form.choose')}</option>
        {roles.map((role) => (
          <option key={role.id} value={role.id}>
            {roleLabel(t, role)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('users.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        description={t('users.passwordHint')}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>
          {t('users.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

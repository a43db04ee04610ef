import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { AdminUser, Role } from '../../api/types.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { PanelHeading } from '../../components/PanelHeading.tsx';
import { ConfirmButton } from '../../components/ConfirmDialog.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { roleLabel } from '../../lib/labels.ts';
import { formErrors } from '../../lib/problems.ts';

type Props = { user: AdminUser; roles: Role[]; mayUpdate: boolean; onChanged: (user: AdminUser, message: string) => void; onClose: () => void };

type Patch = { displayName?: string; roleId?: string; disabled?: boolean; unlock?: true; resetSecondFactor?: true };

/** Editing one account: name and role, and the account actions (disable, unlock, reset 2FA). */
export function UserEditPanel({ user, roles, mayUpdate, onChanged, onClose }: Props) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roleId, setRoleId] = useState(user.role.id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function patch(body: Patch, message: string) {
    setError(null);
    try {
      const updated = await api<AdminUser>('PATCH', `/api/admin/users/${encodeURIComponent(user.id)}`, body);
      onChanged(updated, message);
    } catch (caught) {
      const { fieldErrors, formError } = formErrors(caught, ['displayName', 'roleId']);
      setErrors(fieldErrors);
      setError(formError);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!displayName.trim()) {
      setErrors({ displayName: t('form.requiredField', { field: t('users.displayName') }) });
      return;
    }
    setErrors({});
    const body: Patch = {};
    if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
    if (roleId !== user.role.id) body.roleId = roleId;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    await patch(body, t('users.updated', { name: displayName.trim() }));
    setBusy(false);
  }

  return (
    <section className="baken-panel" aria-labelledby="user-edit-title">
      <PanelHeading id="user-edit-title">
        {t('users.editTitle', { name: user.displayName })}
      </PanelHeading>
      <p className="utrecht-paragraph">{user.email}</p>
      <ErrorAlert error={error} />
      {mayUpdate ? (
        <form className="utrecht-form baken-form" onSubmit={(event) => void save(event)} noValidate aria-label={t('users.editTitle', { name: user.displayName })}>
          <TextField label={t('users.displayName')} name="displayName" required autoComplete="off" value={displayName} onChange={(event) => setDisplayName(event.target.value)} error={errors.displayName} />
          <SelectField label={t('users.role')} name="roleId" required value={roleId} onChange={(event) => setRoleId(event.target.value)} error={errors.roleId}>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {roleLabel(t, role)}
              </option>
            ))}
          </SelectField>
          <ButtonGroup>
            <Button type="submit" variant="primary" busy={busy}>
              {t('common.save')}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
      {mayUpdate ? (
        <div className="baken-account-actions">
          <h3 className="utrecht-heading-3">{t('users.accountActions')}</h3>
          <ButtonGroup>
            {user.disabled ? (
              <Button variant="secondary" onClick={() => void patch({ disabled: false }, t('users.enabledMessage', { name: user.displayName }))}>
                {t('users.enable')}
              </Button>
            ) : (
              <ConfirmButton
                label={t('users.disable')}
                title={t('users.disableTitle', { name: user.displayName })}
                confirmLabel={t('users.disable')}
                onConfirm={() => patch({ disabled: true }, t('users.disabledMessage', { name: user.displayName }))}
              >
                <p className="utrecht-paragraph">{t('users.disableText')}</p>
              </ConfirmButton>
            )}
            {user.locked ? (
              <Button variant="secondary" onClick={() => void patch({ unlock: true }, t('users.unlockedMessage', { name: user.displayName }))}>
                {t('users.unlock')}
              </Button>
            ) : null}
            {user.totpEnabled ? (
              <ConfirmButton
                label={t('users.resetSecondFactor')}
                title={t('users.resetSecondFactorTitle', { name: user.displayName })}
                confirmLabel={t('users.resetSecondFactor')}
                onConfirm={() => patch({ resetSecondFactor: true }, t('users.resetSecondFactorMessage', { name: user.displayName }))}
              >
                <p className="utrecht-paragraph">{t('users.resetSecondFactorText')}</p>
              </ConfirmButton>
            ) : null}
          </ButtonGroup>
        </div>
      ) : (
        <Button variant="secondary" onClick={onClose}>
          {t('common.close')}
        </Button>
      )}
    </section>
  );
}

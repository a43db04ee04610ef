import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createTask, invalidateWorkspace, TASK_KINDS, taskAssigneesQuery, type NewTask } from '../../../../api/workspace.ts';
import { ErrorAlert } from '../../../../components/Alert.tsx';
import { useAnnounce } from '../../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../../components/Button.tsx';
import { SelectField, TextField } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../lib/problems.ts';
import { RadioGroup, TextAreaField, today } from '../../ui.tsx';

const FIELDS = ['kind', 'dueDate', 'note', 'assignee.userId', 'assignee.role', 'assignee.organisationId'] as const;

/** A new task for this case, for a role (in an organisation involved in the case) or a named person. */
export function TaskForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const assignees = useQuery(taskAssigneesQuery(caseId));
  const [v, setV] = useState({ kind: '', to: 'person', userId: '', role: '', organisationId: '', dueDate: today(), note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof v) => (event: { target: { value: string } }) => setV((old) => ({ ...old, [field]: event.target.value }));
  const role = assignees.data?.roles.find((r) => r.id === v.role);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.kind) missing.kind = t('form.requiredChoice', { field: t('workspace.tasks.kind') });
    if (!v.dueDate) missing.dueDate = t('form.requiredField', { field: t('workspace.tasks.dueDate') });
    if (v.to === 'person' && !v.userId) missing['assignee.userId'] = t('form.requiredChoice', { field: t('workspace.tasks.person') });
    if (v.to === 'role' && !v.role) missing['assignee.role'] = t('form.requiredChoice', { field: t('workspace.tasks.role') });
    if (v.to === 'role' && role?.needsOrganisation && !v.organisationId) missing['assignee.organisationId'] = t('form.requiredChoice', { field: t('workspace.tasks.organisation') });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;
    const assignee: NewTask['assignee'] = v.to === 'person' ? { userId: v.userId } : { role: v.role, ...(role?.needsOrganisation ? { organisationId: v.organisationId } : {}) };
    setBusy(true);
    try {
      await createTask(caseId, { kind: v.kind, assignee, dueDate: v.dueDate, ...(v.note.trim() ? { note: v.note.trim() } : {}) });
      announce(t('workspace.tasks.created'));
      await invalidateWorkspace(queryClient, caseId);
      onDone();
    } catch (caught) {
      const split = formErrors(caught, FIELDS);
      setErrors(split.fieldErrors);
      setError(split.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form baken-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="task-form-title" data-testid="task-form">
      <h3 className="utrecht-heading-3" id="task-form-title">{t('workspace.tasks.new')}</h3>
      <ErrorAlert error={error ?? assignees.error} />
      <SelectField label={t('workspace.tasks.kind')} name="kind" required value={v.kind} onChange={set('kind')} error={errors.kind}>
        <option value="">{t('form.choose')}</option>
        {TASK_KINDS.map((kind) => <option key={kind} value={kind}>{t(`workspace.tasks.kinds.${kind}`)}</option>)}
      </SelectField>
      <RadioGroup
        legend={t('workspace.tasks.assignTo')}
        name="task-assign-to"
        required
        value={v.to}
        onChange={(to) => setV((old) => ({ ...old, to }))}
        choices={[
          { value: 'person', label: t('workspace.tasks.toPerson'), description: t('workspace.tasks.toPersonHint') },
          { value: 'role', label: t('workspace.tasks.toRole'), description: t('workspace.tasks.toRoleHint') },
        ]}
      />
      {v.to === 'person' ? (
        <SelectField label={t('workspace.tasks.person')} name="userId" required value={v.userId} onChange={set('userId')} error={errors['assignee.userId']}>
          <option value="">{t('form.choose')}</option>
          {(assignees.data?.people ?? []).map((p) => <option key={p.id} value={p.id}>{`${p.name} – ${p.organisationName} (${t(`roleNames.${p.roleId}`, { defaultValue: p.roleName })})`}</option>)}
        </SelectField>
      ) : (
        <>
          <SelectField label={t('workspace.tasks.role')} name="role" required value={v.role} onChange={set('role')} error={errors['assignee.role']}>
            <option value="">{t('form.choose')}</option>
            {(assignees.data?.roles ?? []).map((r) => <option key={r.id} value={r.id}>{t(`roleNames.${r.id}`, { defaultValue: r.name })}</option>)}
          </SelectField>
          {role?.needsOrganisation ? (
            <SelectField label={t('workspace.tasks.organisation')} name="organisationId" required value={v.organisationId} onChange={set('organisationId')} error={errors['assignee.organisationId']} description={t('workspace.tasks.organisationHint')}>
              <option value="">{t('form.choose')}</option>
              {(assignees.data?.organisations ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </SelectField>
          ) : null}
        </>
      )}
      <TextField label={t('workspace.tasks.dueDate')} name="dueDate" type="date" required value={v.dueDate} onChange={set('dueDate')} error={errors.dueDate} />
      <TextAreaField label={t('workspace.tasks.note')} name="note" rows={3} value={v.note} onChange={set('note')} error={errors.note} description={t('workspace.tasks.noteHint')} />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>{t('workspace.tasks.save')}</Button>
        <Button variant="secondary" onClick={onDone}>{t('common.cancel')}</Button>
      </ButtonGroup>
    </form>
  );
}

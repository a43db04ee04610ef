import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../api/cases.ts';
import { tasksQuery, type Task } from '../../../../api/clocks.ts';
import { can, useSession } from '../../../../api/session.ts';
import { ErrorAlert } from '../../../../components/Alert.tsx';
import { Button } from '../../../../components/Button.tsx';
import { Section } from '../../../../components/Page.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { TaskForm } from './TaskForm.tsx';

/** The title of a task: a hand-made task's kind, else the code (escalations are listed on the tasks page). */
export function useTaskTitle(): (task: Pick<Task, 'titleCode'>) => string {
  const { t } = useTranslation();
  return (task) => (task.titleCode.startsWith('manual.') ? t(`workspace.tasks.kinds.${task.titleCode.slice(7)}`, { defaultValue: task.titleCode }) : task.titleCode);
}

/** Who a task is for: a named person, or a role (in an organisation). */
export function useAssigneeText(): (task: Task) => string {
  const { t } = useTranslation();
  return (task) => {
    if (task.assignedUserName) return task.assignedToMe ? t('workspace.tasks.me', { name: task.assignedUserName }) : task.assignedUserName;
    return [task.assignedRole ? t(`roleNames.${task.assignedRole}`, { defaultValue: task.assignedRole }) : null, task.assignedOrganisationName].filter(Boolean).join(', ');
  };
}

/** The open tasks of this case the viewer may see, and the form for a new one (task:create). */
export function CaseTasks({ data }: { data: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const mayList = can(session, 'task:list');
  const mayCreate = can(session, 'task:create') && data.status !== 'closed';
  const tasks = useQuery({ ...tasksQuery('open', { caseId: data.id }), enabled: mayList });
  const [adding, setAdding] = useState(false);
  const title = useTaskTitle();
  const assignee = useAssigneeText();
  const rows = tasks.data?.items ?? [];
  if (!mayList && !mayCreate) return null;
  return (
    <Section title={t('workspace.tasks.title')}>
      <ErrorAlert error={tasks.error} />
      {mayList && tasks.data ? (
        rows.length === 0 ? (
          <p className="utrecht-paragraph" data-testid="case-tasks-empty">{t('workspace.tasks.empty')}</p>
        ) : (
          <ul className="baken-case-timeline" data-testid="case-tasks" aria-label={t('workspace.tasks.title')}>
            {rows.map((task) => (
              <li key={task.id} data-testid="case-task">
                <p className="utrecht-paragraph">
                  <strong>{title(task)}</strong> – {t('workspace.tasks.forWhom', { who: assignee(task) })}, {t('workspace.tasks.due', { at: formatDateTime(task.dueAt) })}
                </p>
                {task.note ? <p className="utrecht-paragraph baken-case-text baken-muted">{task.note}</p> : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {mayCreate && !adding ? <Button variant="secondary" onClick={() => setAdding(true)}>{t('workspace.tasks.new')}</Button> : null}
      {mayCreate && adding ? <TaskForm caseId={data.id} onDone={() => setAdding(false)} /> : null}
    </Section>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { completeTask, invalidateTasks, tasksQuery, type Task, type TaskFilter } from '../../api/clocks.ts';
import { can, useSession } from '../../api/session.ts';
import { Alert, ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusBadge, TableContainer } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAssigneeText, useTaskTitle } from '../cases/case/workspace/CaseTasks.tsx';
import { RecordLink, useClockName } from './ui.tsx';

const FILTERS: TaskFilter[] = ['open', 'done', 'all'];

/** "triage-target.overdue" -> why the task exists ("overdue" or "expired"). */
function reasonOf(task: Task): string {
  const dot = task.titleCode.lastIndexOf('.');
  return dot >= 0 ? task.titleCode.slice(dot + 1) : task.titleCode;
}

function Tasks() {
  const { t } = useTranslation();
  const session = useSession();
  const clockName = useClockName();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<TaskFilter>('open');
  const [status, setStatus] = useState<TaskFilter>('open');
  const [draftMine, setDraftMine] = useState(false);
  const [mine, setMine] = useState(false);
  const manualTitle = useTaskTitle();
  const assignee = useAssigneeText();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const tasks = useQuery(tasksQuery(status, { mine }));
  const rows = tasks.data?.items ?? [];
  const mayComplete = can(session, 'task:complete');

  const title = (task: Task) => {
    if (task.titleCode.startsWith('manual.')) return manualTitle(task);
    const clock = clockName(task.clockLabel, task.clockCode ?? task.titleCode.slice(0, Math.max(0, task.titleCode.lastIndexOf('.'))));
    return t(`tasks.titles.${reasonOf(task)}`, { clock, defaultValue: `${clock} (${task.titleCode})` });
  };

  function apply(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setStatus(draft);
    setMine(draftMine);
  }

  async function complete(task: Task) {
    setError(null);
    setBusyId(task.id);
    try {
      await completeTask(task.id);
      const message = t('tasks.completed', { title: title(task), number: task.caseNumber ?? task.signalNumber ?? '' });
      setNotice(message);
      announce(message);
      await invalidateTasks(queryClient);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusyId(null);
    }
  }

  return (
    <Page title={t('areas.tasks.title')} lead={t('tasks.lead')} wide>
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph" data-testid="tasks-notice">{notice}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      <form className="utrecht-form baken-filter" role="search" aria-label={t('tasks.filterLabel')} onSubmit={apply}>
        <SelectField label={t('common.status')} name="status" markOptional={false} value={draft} onChange={(event) => setDraft(event.target.value as TaskFilter)}>
          {FILTERS.map((code) => <option key={code} value={code}>{t(`tasks.filters.${code}`)}</option>)}
        </SelectField>
        <SelectField label={t('workspace.tasks.mineFilter')} name="mine" markOptional={false} value={draftMine ? 'mine' : 'all'} onChange={(event) => setDraftMine(event.target.value === 'mine')}>
          <option value="all">{t('workspace.tasks.mineOptions.all')}</option>
          <option value="mine">{t('workspace.tasks.mineOptions.mine')}</option>
        </SelectField>
        <div className="baken-filter__actions">
          <Button type="submit" variant="secondary">{t('common.filter')}</Button>
        </div>
      </form>
      {tasks.isPending ? <Loading /> : null}
      <ErrorAlert error={tasks.error} />
      {tasks.data ? (
        <p className="utrecht-paragraph" role="status" data-testid="tasks-count">
          {rows.length === 0 ? t(`tasks.empty.${status}`) : t('tasks.count', { count: rows.length })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <TableContainer label={t('tasks.tableLabel')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="tasks-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('tasks.task')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('deadlines.record')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('tasks.assignedTo')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('tasks.dueAt')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
                {mayComplete ? <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((task) => {
                const name = title(task);
                const number = task.caseNumber ?? task.signalNumber ?? '';
                return (
                  <tr className="utrecht-table__row" key={task.id} data-testid="task-row">
                    <th className="utrecht-table__cell baken-row-header" scope="row">{name}</th>
                    <td className="utrecht-table__cell baken-nowrap">
                      <RecordLink caseId={task.caseId} caseNumber={task.caseNumber} signalId={task.signalId} signalNumber={task.signalNumber} />
                    </td>
                    <td className="utrecht-table__cell" data-testid="task-assignee">
                      {assignee(task)}
                      {task.note ? <span className="baken-muted baken-case-text"> – {task.note}</span> : null}
                    </td>
                    <td className="utrecht-table__cell baken-nowrap">{formatDateTime(task.dueAt)}</td>
                    <td className="utrecht-table__cell">
                      {task.status === 'open' ? (
                        <StatusBadge tone="warning">{t('tasks.statuses.open')}</StatusBadge>
                      ) : (
                        <>
                          <StatusBadge tone="success">{t('tasks.statuses.done')}</StatusBadge>{' '}
                          <span className="baken-muted">
                            {task.doneByName
                              ? t('tasks.doneBy', { name: task.doneByName, at: formatDateTime(task.doneAt) })
                              : task.closedByEvent
                                ? t('tasks.closedByEvent', { event: t(`caseClocks.events.${task.closedByEvent}`, { defaultValue: task.closedByEvent }), at: formatDateTime(task.doneAt) })
                                : formatDateTime(task.doneAt)}
                          </span>
                        </>
                      )}
                    </td>
                    {mayComplete ? (
                      <td className="utrecht-table__cell">
                        {task.status === 'open' ? (
                          <Button variant="secondary" busy={busyId === task.id} aria-label={t('tasks.completeNamed', { title: name, number })} onClick={() => void complete(task)}>
                            {t('tasks.complete')}
                          </Button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
    </Page>
  );
}

export function TasksPage() {
  return (
    <RequireGrant grant="task:list">
      <Tasks />
    </RequireGrant>
  );
}

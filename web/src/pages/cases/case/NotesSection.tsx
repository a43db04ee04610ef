import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/cases.ts';
import { can, useSession } from '../../../api/session.ts';
import { notesQuery } from '../../../api/workspace.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { CaseTasks } from './workspace/CaseTasks.tsx';
import { NoteForm } from './workspace/NoteForm.tsx';
import { useActorText, VisibilityBadge } from './workspace/VisibilityBadge.tsx';

type Props = { data: CaseDetail };

/** Notes with visibility levels (newest first), a form for a new one, and the case's tasks. */
export function NotesSection({ data }: Props) {
  const session = useSession();
  const mayList = can(session, 'note:list');
  const mayWrite = can(session, 'note:write') && data.status !== 'closed';
  return (
    <>
      {mayList || mayWrite ? <Notes caseId={data.id} mayList={mayList} mayWrite={mayWrite} /> : null}
      {can(session, 'task:list') || can(session, 'task:create') ? <CaseTasks data={data} /> : null}
    </>
  );
}

function Notes({ caseId, mayList, mayWrite }: { caseId: string; mayList: boolean; mayWrite: boolean }) {
  const { t } = useTranslation();
  const actorText = useActorText();
  const notes = useQuery({ ...notesQuery(caseId), enabled: mayList });
  const rows = notes.data?.items ?? [];
  return (
    <Section title={t('workspace.notes.title')}>
      <p className="utrecht-paragraph">{t('workspace.notes.lead')}</p>
      {mayList && notes.isPending ? <Loading /> : null}
      <ErrorAlert error={notes.error} />
      {notes.data && rows.length === 0 ? <p className="utrecht-paragraph" data-testid="notes-empty">{t('workspace.notes.empty')}</p> : null}
      {rows.length > 0 ? (
        <ul className="baken-case-timeline" data-testid="notes-list" aria-label={t('workspace.notes.title')}>
          {rows.map((note) => (
            <li key={note.id} data-testid="note" data-visibility={note.visibility}>
              <p className="utrecht-paragraph baken-small">
                <VisibilityBadge visibility={note.visibility} /> <span className="baken-nowrap">{formatDateTime(note.createdAt)}</span> – {actorText(note.author)}
              </p>
              {note.body !== null ? (
                <p className="utrecht-paragraph baken-case-text" data-testid="note-body">{note.body}</p>
              ) : (
                <p className="utrecht-paragraph baken-muted">{t('workspace.notes.hiddenText')}</p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {mayWrite ? <NoteForm caseId={caseId} /> : null}
    </Section>
  );
}

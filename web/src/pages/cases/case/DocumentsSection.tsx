import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/cases.ts';
import { can, useSession } from '../../../api/session.ts';
import { documentsQuery, documentUrl, invalidateWorkspace, removeDocument, type CaseDocument } from '../../../api/workspace.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Section } from '../../../components/Page.tsx';
import { StatusBadge, TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ReasonDialog } from '../ReasonDialog.tsx';
import { DocumentUploadForm } from './workspace/DocumentUploadForm.tsx';
import { useActorText, VisibilityBadge } from './workspace/VisibilityBadge.tsx';

type Props = { data: CaseDetail };

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Encrypted case documents: the list (metadata; download links), upload and removal. */
export function DocumentsSection({ data }: Props) {
  const session = useSession();
  const mayList = can(session, 'document:list');
  const mayUpload = can(session, 'document:upload') && data.status !== 'closed';
  if (!mayList && !mayUpload) return null;
  return <Documents caseId={data.id} mayList={mayList} mayUpload={mayUpload} mayDownload={can(session, 'document:download')} />;
}

function Documents({ caseId, mayList, mayUpload, mayDownload }: { caseId: string; mayList: boolean; mayUpload: boolean; mayDownload: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const actorText = useActorText();
  const documents = useQuery({ ...documentsQuery(caseId), enabled: mayList });
  const rows = documents.data?.items ?? [];
  const name = (d: CaseDocument) => d.fileName ?? t(`workspace.documentTypes.${d.documentType}`, { defaultValue: d.documentType });

  async function remove(d: CaseDocument, reason: string) {
    await removeDocument(d.id, reason);
    announce(t('workspace.documents.removedNotice', { name: name(d) }));
    await invalidateWorkspace(queryClient, caseId);
  }

  return (
    <Section title={t('workspace.documents.title')}>
      <p className="utrecht-paragraph">{t('workspace.documents.lead')}</p>
      {mayList && documents.isPending ? <Loading /> : null}
      <ErrorAlert error={documents.error} />
      {documents.data && rows.length === 0 ? <p className="utrecht-paragraph" data-testid="documents-empty">{t('workspace.documents.empty')}</p> : null}
      {rows.length > 0 ? (
        <TableContainer label={t('workspace.documents.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="documents-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('workspace.documents.file')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('workspace.documents.type')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('workspace.documents.visibility')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('workspace.documents.uploadedColumn')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((d) => (
                <tr className="utrecht-table__row" key={d.id} data-testid="document-row" data-visibility={d.visibility}>
                  <th className="utrecht-table__cell baken-row-header" scope="row">
                    {mayDownload && !d.removed ? (
                      <a className="utrecht-link utrecht-link--html-a" href={documentUrl(d.id)} download={d.fileName ?? undefined} data-testid="document-download">
                        {name(d)}
                      </a>
                    ) : (
                      name(d)
                    )}
                    <span className="baken-muted baken-small"> ({size(d.sizeBytes)})</span>
                  </th>
                  <td className="utrecht-table__cell">{t(`workspace.documentTypes.${d.documentType}`, { defaultValue: d.documentType })}</td>
                  <td className="utrecht-table__cell"><VisibilityBadge visibility={d.visibility} /></td>
                  <td className="utrecht-table__cell">
                    <span className="baken-nowrap">{formatDateTime(d.uploadedAt)}</span>, {actorText(d.uploadedBy)}
                  </td>
                  <td className="utrecht-table__cell">
                    {d.removed ? (
                      <>
                        <StatusBadge tone="inactive">{t('workspace.documents.removed')}</StatusBadge>{' '}
                        <span className="baken-muted">{[formatDateTime(d.removed.at), d.removed.reason ?? ''].filter(Boolean).join(': ')}</span>
                      </>
                    ) : d.mayRemove ? (
                      <ReasonDialog
                        label={t('workspace.documents.remove')}
                        ariaLabel={t('workspace.documents.removeNamed', { name: name(d) })}
                        title={t('workspace.documents.removeTitle', { name: name(d) })}
                        reasonLabel={t('workspace.documents.removeReason')}
                        reasonRequired
                        confirmLabel={t('workspace.documents.remove')}
                        onConfirm={(reason) => remove(d, reason)}
                      >
                        <p className="utrecht-paragraph">{t('workspace.documents.removeText')}</p>
                      </ReasonDialog>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
      {mayUpload ? <DocumentUploadForm caseId={caseId} /> : null}
    </Section>
  );
}

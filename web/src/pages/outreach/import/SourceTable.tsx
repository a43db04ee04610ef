import { useTranslation } from 'react-i18next';
import type { Source } from '../../../api/outreach-import.ts';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { ConfirmButton } from '../../../components/ConfirmDialog.tsx';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';

type Props = { sources: Source[]; mayManage: boolean; onIssue: (source: Source) => Promise<void>; onRevoke: (source: Source) => Promise<void> };

function credentialText(t: (key: string, o?: Record<string, string>) => string, s: Source): string {
  if (s.credential) return t('outreachImport.sources.activeHint', { hint: s.credential.hint });
  if (s.revokedAt) return t('outreachImport.sources.revokedOn', { when: formatDateTime(s.revokedAt) });
  return t('outreachImport.sources.noCredential');
}

/** Sources with their credential state; administrators issue, replace and revoke credentials here. */
export function SourceTable({ sources, mayManage, onIssue, onRevoke }: Props) {
  const { t } = useTranslation();
  if (sources.length === 0) return <p className="utrecht-paragraph">{t('outreachImport.sources.empty')}</p>;
  return (
    <TableContainer label={t('outreachImport.sources.caption')}>
      <table className="utrecht-table utrecht-table--html-table" data-testid="sources-table">
        <caption className="utrecht-table__caption visually-hidden">{t('outreachImport.sources.caption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">{t('outreachImport.sources.code')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachImport.sources.name')}</th>
            <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">{t('outreachImport.sources.ads')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachImport.sources.lastImport')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachImport.sources.credential')}</th>
            {mayManage ? <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sources.map((s) => (
            <tr className="utrecht-table__row" key={s.id} data-testid="source-row">
              <th className="utrecht-table__header-cell" scope="row">{s.code}</th>
              <td className="utrecht-table__cell">{s.name}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-column">{s.ads.toLocaleString()}</td>
              <td className="utrecht-table__cell">{formatDateTime(s.lastImportAt)}</td>
              <td className="utrecht-table__cell">{credentialText(t, s)}</td>
              {mayManage ? (
                <td className="utrecht-table__cell">
                  <ButtonGroup>
                    {s.credential ? (
                      <>
                        <ConfirmButton variant="secondary" label={t('outreachImport.sources.rotate')} ariaLabel={t('outreachImport.sources.rotateFor', { code: s.code })} title={t('outreachImport.sources.rotateTitle')} confirmLabel={t('outreachImport.sources.rotateConfirm')} onConfirm={() => onIssue(s)}>
                          <p className="utrecht-paragraph">{t('outreachImport.sources.rotateText')}</p>
                        </ConfirmButton>
                        <ConfirmButton label={t('outreachImport.sources.revoke')} ariaLabel={t('outreachImport.sources.revokeFor', { code: s.code })} title={t('outreachImport.sources.revokeTitle')} confirmLabel={t('outreachImport.sources.revokeConfirm')} onConfirm={() => onRevoke(s)}>
                          <p className="utrecht-paragraph">{t('outreachImport.sources.revokeText', { code: s.code })}</p>
                        </ConfirmButton>
                      </>
                    ) : (
                      <Button onClick={() => void onIssue(s)} aria-label={t('outreachImport.sources.issueFor', { code: s.code })}>{t('outreachImport.sources.issue')}</Button>
                    )}
                  </ButtonGroup>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}

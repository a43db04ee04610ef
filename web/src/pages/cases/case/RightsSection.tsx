import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/cases.ts';
import { can, useSession } from '../../../api/session.ts';
import { Section } from '../../../components/Page.tsx';
import { CorrectionForm } from './rights/CorrectionForm.tsx';
import { CorrectionHistory } from './rights/CorrectionHistory.tsx';
import { ExportLinks } from './rights/ExportLinks.tsx';

type Props = { data: CaseDetail };

/** Data-subject rights for registrars: the export of everything held, and correction with its history. */
export function RightsSection({ data }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const mayExport = can(session, 'case:export');
  const mayCorrect = can(session, 'case:correct');
  if (!mayExport && !mayCorrect) return null;
  return (
    <Section title={t('rights.title')}>
      {mayExport ? <ExportLinks caseId={data.id} /> : null}
      {mayCorrect ? (
        <>
          <h3 className="utrecht-heading-3">{t('rights.correction.title')}</h3>
          <p className="utrecht-paragraph">{t('rights.correction.lead')}</p>
          {data.status === 'closed' ? (
            <p className="utrecht-paragraph" data-testid="correction-closed">{t('rights.correction.closed')}</p>
          ) : (
            <CorrectionForm data={data} />
          )}
          <CorrectionHistory caseId={data.id} />
        </>
      ) : null}
    </Section>
  );
}

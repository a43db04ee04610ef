import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newContactHref, revealPhone, type ClusterPhone } from '../../../api/outreach-worklist.ts';
import { useSession } from '../../../api/session.ts';
import { ErrorAlert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { StatusBadge, TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';

function RevealCell({ clusterId, phone }: { clusterId: string; phone: ClusterPhone }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  const reveal = useMutation({ mutationFn: () => revealPhone(clusterId, phone.token), onSuccess: (r) => setShown(r.phone) });
  return (
    <>
      <span role="status" data-testid="revealed-phone">{shown ? <strong>{shown}</strong> : null}</span>
      {!shown ? (
        <Button variant="secondary" busy={reveal.isPending} onClick={() => reveal.mutate()} data-testid="reveal-phone">
          {t('outreachWorklist.phones.reveal')}
          <span className="visually-hidden"> {t('outreachWorklist.phones.number', { hint: phone.hint })}</span>
        </Button>
      ) : null}
      <ErrorAlert error={reveal.error} />
    </>
  );
}

/** The cluster's numbers as hint only; the number itself after an audited reveal; a link to start a contact. */
export function PhoneList({ clusterId, phones }: { clusterId: string; phones: ClusterPhone[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const mayReveal = !!session?.user.grants.includes('outreach-contact:reveal');
  const mayContact = !!session?.user.grants.includes('outreach-contact:create');
  if (phones.length === 0) return <p className="utrecht-paragraph">{t('outreachWorklist.phones.none')}</p>;
  return (
    <TableContainer label={t('outreachWorklist.phones.tableLabel')}>
      <table className="utrecht-table utrecht-table--html-table" data-testid="cluster-phones">
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.phones.hint')}</th>
            <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('outreachWorklist.phones.ads')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.phones.lastPosted')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.phones.lastContact')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.phones.numberHeading')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {phones.map((p) => (
            <tr className="utrecht-table__row" key={p.token} data-testid="cluster-phone">
              <th className="utrecht-table__cell baken-row-header" scope="row">
                {t('outreachWorklist.phones.number', { hint: p.hint })}
                {p.obfuscated ? <> <StatusBadge tone="warning">{t('outreachWorklist.phones.obfuscated')}</StatusBadge></> : null}
                {p.optedOut ? <> <StatusBadge tone="danger">{t('outreachWorklist.phones.optedOut')}</StatusBadge></> : null}
              </th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric">{p.ads}</td>
              <td className="utrecht-table__cell baken-nowrap">{formatDateTime(p.lastPostedAt) || '–'}</td>
              <td className="utrecht-table__cell baken-nowrap">{formatDateTime(p.lastContactAt) || t('outreachWorklist.phones.never')}</td>
              <td className="utrecht-table__cell">{p.optedOut ? t('outreachWorklist.phones.notShown') : mayReveal ? <RevealCell clusterId={clusterId} phone={p} /> : '–'}</td>
              <td className="utrecht-table__cell">
                {!p.optedOut && mayContact ? (
                  <a className="utrecht-link utrecht-link--html-a" href={newContactHref(clusterId, p.token)} data-testid="contact-link">
                    {t('outreachWorklist.phones.contact')}
                    <span className="visually-hidden"> {t('outreachWorklist.phones.number', { hint: p.hint })}</span>
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}

import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../api/outreach-contact.ts';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { DeliveryBadge, OutcomeBadge, useLanguageName } from './ui.tsx';

/** Contacts in a table; each row links to the contact page. The number is never shown, only its hint. */
export function ContactTable({ items, label, testId }: { items: ContactSummary[]; label: string; testId: string }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  return (
    <TableContainer label={label}>
      <table className="utrecht-table utrecht-table--html-table" data-testid={testId}>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">{t('outreachContact.field.contact')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachContact.field.channel')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachContact.field.language')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachContact.field.delivery')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachContact.field.outcome')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachContact.field.followUpAt')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachContact.field.createdBy')}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {items.map((c) => (
            <tr className="utrecht-table__row" key={c.id} data-testid="contact-row" data-outcome={c.outcome ?? ''} data-due={c.followUpDue}>
              <td className="utrecht-table__cell">
                <Link to="/outreach/contacts/$contactId" params={{ contactId: c.id }} className="utrecht-link utrecht-link--html-a">
                  {t('outreachContact.contacts.linkText', { hint: c.phoneHint, date: formatDateTime(c.createdAt) })}
                </Link>
              </td>
              <td className="utrecht-table__cell">{t(`outreachContact.channel.${c.channel}`)}</td>
              <td className="utrecht-table__cell">{languageName(c.language)}</td>
              <td className="utrecht-table__cell"><DeliveryBadge delivery={c.delivery} /></td>
              <td className="utrecht-table__cell"><OutcomeBadge outcome={c.outcome} /></td>
              <td className="utrecht-table__cell">
                {c.followUpAt ? formatDateTime(c.followUpAt) : '–'}
                {c.followUpDue ? <strong> {t('outreachContact.contacts.due')}</strong> : null}
              </td>
              <td className="utrecht-table__cell">{c.createdByName ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}

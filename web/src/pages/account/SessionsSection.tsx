import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { clearAfterSignOut } from '../../api/session.ts';
import type { Items, SessionItem } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/Alert.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { ConfirmButton } from '../../components/ConfirmDialog.tsx';
import { Section } from '../../components/Page.tsx';
import { StatusBadge, TableContainer } from '../../components/TableContainer.tsx';
import { describeUserAgent, formatDateTime } from '../../lib/format.ts';

const SESSIONS_KEY = ['me', 'sessions'] as const;

export function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [error, setError] = useState<unknown>(null);
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: () => api<Items<SessionItem>>('GET', '/api/me/sessions') });

  async function revoke(item: SessionItem) {
    setError(null);
    try {
      await api('DELETE', `/api/me/sessions/${encodeURIComponent(item.id)}`);
      announce(t('sessions.revoked'));
      await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    } catch (caught) {
      setError(caught);
    }
  }

  async function signOutEverywhere() {
    setError(null);
    try {
      await api('POST', '/api/auth/logout-everywhere', {});
      clearAfterSignOut(queryClient);
      announce(t('sessions.signedOutEverywhere'));
      await navigate({ to: '/login' });
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Section title={t('sessions.title')}>
      <p className="utrecht-paragraph">{t('sessions.explain')}</p>
      <ErrorAlert error={error} />
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <ErrorAlert error={sessions.error} /> : null}
      {sessions.data ? (
        <TableContainer label={t('sessions.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="sessions-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('sessions.device')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('sessions.ip')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('sessions.started')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('sessions.lastSeen')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('sessions.expires')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {sessions.data.items.map((item) => (
                <tr className="utrecht-table__row" key={item.id} data-session-id={item.id} data-current={item.current || undefined}>
                  <td className="utrecht-table__cell">
                    <span title={item.userAgent ?? undefined}>{describeUserAgent(item.userAgent) || t('sessions.unknownDevice')}</span>{' '}
                    {item.current ? <StatusBadge tone="success">{t('sessions.current')}</StatusBadge> : null}
                  </td>
                  <td className="utrecht-table__cell">{item.ip ?? ''}</td>
                  <td className="utrecht-table__cell">{formatDateTime(item.createdAt)}</td>
                  <td className="utrecht-table__cell">{formatDateTime(item.lastSeenAt)}</td>
                  <td className="utrecht-table__cell">{formatDateTime(item.expiresAt)}</td>
                  <td className="utrecht-table__cell">
                    {item.current ? null : (
                      <ConfirmButton
                        label={t('sessions.revoke')}
                        ariaLabel={t('sessions.revokeNamed', { device: describeUserAgent(item.userAgent) || t('sessions.unknownDevice'), started: formatDateTime(item.createdAt) })}
                        title={t('sessions.revokeTitle')}
                        confirmLabel={t('sessions.revoke')}
                        onConfirm={() => revoke(item)}
                      >
                        <p className="utrecht-paragraph">{t('sessions.revokeText')}</p>
                      </ConfirmButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
      <div className="baken-actions">
        <ConfirmButton
          label={t('sessions.signOutEverywhere')}
          title={t('sessions.signOutEverywhereTitle')}
          confirmLabel={t('sessions.signOutEverywhere')}
          onConfirm={signOutEverywhere}
        >
          <p className="utrecht-paragraph">{t('sessions.signOutEverywhereText')}</p>
        </ConfirmButton>
      </div>
    </Section>
  );
}

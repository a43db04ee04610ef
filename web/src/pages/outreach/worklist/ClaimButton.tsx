import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { claimCluster, releaseCluster, type ClusterSummary } from '../../../api/outreach-worklist.ts';
import { useSession } from '../../../api/session.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { errorMessage } from '../../../lib/errors.ts';

/**
 * Claim or release a cluster. A claim by a colleague can be released only by someone who may assign
 * clusters (the server checks again). `label` names the cluster for screen readers in a table.
 */
export function ClaimButton({ cluster, label }: { cluster: ClusterSummary; label?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const mayAssign = !!session?.user.grants.includes('outreach-cluster:assign');
  const mayClaim = !!session?.user.grants.includes('outreach-cluster:claim');
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['outreach-clusters'] });
    await queryClient.invalidateQueries({ queryKey: ['outreach-cluster', cluster.id] });
    await queryClient.invalidateQueries({ queryKey: ['outreach-today'] });
  };
  const claim = useMutation({
    mutationFn: () => claimCluster(cluster.id),
    onSuccess: async () => {
      announce(t('outreachWorklist.claim.claimed'));
      await refresh();
    },
  });
  const release = useMutation({
    mutationFn: () => releaseCluster(cluster.id),
    onSuccess: async () => {
      announce(t('outreachWorklist.claim.released'));
      await refresh();
    },
  });
  if (!mayClaim) return null;
  const error = claim.error ?? release.error;
  const holder = cluster.claimedBy;
  const suffix = label ? <span className="visually-hidden"> {label}</span> : null;
  return (
    <>
      {!holder ? (
        <Button variant="secondary" busy={claim.isPending} onClick={() => claim.mutate()} data-testid="claim-cluster">
          {t('outreachWorklist.claim.claim')}
          {suffix}
        </Button>
      ) : holder.me || mayAssign ? (
        <Button variant="subtle" busy={release.isPending} onClick={() => release.mutate()} data-testid="release-cluster">
          {t('outreachWorklist.claim.release')}
          {suffix}
        </Button>
      ) : null}
      {error ? (
        <Alert type="error">
          <p className="utrecht-paragraph">
            {error instanceof ApiError && error.code === 'CONFLICT' ? t('outreachWorklist.claim.conflict') : errorMessage(t, error)}
          </p>
        </Alert>
      ) : null}
    </>
  );
}

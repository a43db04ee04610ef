import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../../api/client.ts';
import { assignCluster, outreachWorkersQuery, type ClusterSummary } from '../../../api/outreach-worklist.ts';
import { ErrorAlert } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Button } from '../../../components/Button.tsx';
import { SelectField } from '../../../components/fields.tsx';

/** Assign the cluster to a colleague: active outreach workers of the own organisation. */
export function AssignForm({ cluster }: { cluster: ClusterSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const workers = useQuery(outreachWorkersQuery);
  const [userId, setUserId] = useState('');
  const [missing, setMissing] = useState(false);
  const assign = useMutation({
    mutationFn: (id: string) => assignCluster(cluster.id, id),
    onSuccess: async (result) => {
      announce(t('outreachWorklist.assign.done', { name: result.claimedBy?.name ?? '' }));
      setUserId('');
      await queryClient.invalidateQueries({ queryKey: ['outreach-cluster', cluster.id] });
      await queryClient.invalidateQueries({ queryKey: ['outreach-clusters'] });
    },
  });
  const problems = fieldProblems(assign.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!userId);
    if (userId) assign.mutate(userId);
  }
  const options = (workers.data?.items ?? []).filter((w) => w.id !== cluster.claimedBy?.id);
  return (
    <form className="utrecht-form baken-form" onSubmit={submit} noValidate data-testid="assign-form">
      <SelectField
        label={t('outreachWorklist.assign.to')}
        name="userId"
        required
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        error={missing ? t('outreachWorklist.assign.choose') : problems.userId}
      >
        <option value="">{t('outreachWorklist.assign.placeholder')}</option>
        {options.map((w) => (
          <option key={w.id} value={w.id}>{w.me ? t('outreachWorklist.assign.me', { name: w.name }) : w.name}</option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" busy={assign.isPending}>{t('outreachWorklist.assign.submit')}</Button>
      {Object.keys(problems).length === 0 ? <ErrorAlert error={assign.error ?? workers.error} /> : null}
    </form>
  );
}

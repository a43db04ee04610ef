import type { Ctx } from '../../context.ts';
import { notFound } from '../../errors/catalogue.ts';
import { selectClusters } from './cluster-summary.ts';

/** The cluster row locked for a claim change (two claims of one cluster never interleave). */
export async function lockCluster(db: Ctx['db'], id: string) {
  const locked = await db.selectFrom('outreach_clusters').select(['id', 'claimed_by_user_id']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!locked) throw notFound('There is no cluster with this id.');
  return locked;
}

export async function reloadCluster(db: Ctx['db'], id: string) {
  return selectClusters(db).where('outreach_clusters.id', '=', id).executeTakeFirstOrThrow();
}

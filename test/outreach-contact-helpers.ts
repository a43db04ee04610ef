import { clusterPhones } from '../src/outreach-work/ad-store.ts';
import { importAdBatch } from '../src/outreach-work/import/import-ads.ts';
import type { AdRecord } from '../src/outreach/types.ts';
import type { Session, TestApp } from './helpers/test-app.ts';

/** HTTP calls as a signed-in user (CSRF header on writes). */
export function caller(t: TestApp) {
  return (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) }, payload: payload as never });
}

const ad = (id: string, phone: string, city: string, body: string): AdRecord => ({
  id,
  source: 'test-site.example',
  postedAt: '2026-02-20T20:00:00Z',
  title: `Nieuw in ${city}`,
  body,
  phones: [phone],
  city,
  country: 'NL',
});

/** Imports two small advertisers and returns, per cluster, its id and phone tokens (number -> token). */
export async function importTwoAdvertisers(t: TestApp, prefix: string) {
  const ro = [1, 2].map((i) => ad(`${prefix}-ro-${i}`, '+40 712 345 601', 'Utrecht', `Salut, sunt Ana, noua in oras, sunati-ma ${i}`));
  const th = [1, 2].map((i) => ad(`${prefix}-th-${i}`, '+66 81 234 5602', 'Amsterdam', `สวัสดีค่ะ นวดแผนไทย โทรหาได้เลย ${i}`));
  await importAdBatch(t.ctx, [...ro, ...th], { importId: null });
  const rows = await t.ctx.db.selectFrom('outreach_ads').select(['external_id', 'cluster_id']).where('external_id', 'in', [`${prefix}-ro-1`, `${prefix}-th-1`]).execute();
  const clusterOf = (externalId: string) => rows.find((r) => r.external_id === externalId)!.cluster_id!;
  const roCluster = clusterOf(`${prefix}-ro-1`);
  const thCluster = clusterOf(`${prefix}-th-1`);
  const [roPhone] = await clusterPhones(t.ctx.db, t.ctx.keyring, roCluster);
  const [thPhone] = await clusterPhones(t.ctx.db, t.ctx.keyring, thCluster);
  return { ro: { clusterId: roCluster, phone: roPhone!, }, th: { clusterId: thCluster, phone: thPhone! } };
}

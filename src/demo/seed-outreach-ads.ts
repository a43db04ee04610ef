/**
 * Demo: a generated corpus of sex-work ads (synthetic, from `baken outreach generate`, seed 2026),
 * imported as a crawler would have collected it: week by week over the last eight weeks, and the ads
 * posted in the last two weeks seen again today (still online). Only demo data: nothing here is real.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ctx } from '../context.ts';
import { generateCorpus } from '../outreach/generate/generate-corpus.ts';
import { readAllAds } from '../outreach/io/read-ads.ts';
import type { AdRecord } from '../outreach/types.ts';
import { importAdBatch } from '../outreach-work/import/import-ads.ts';

const DAY = 86_400_000;
export const DEMO_CORPUS_ADS = 600;
export const DEMO_CORPUS_SEED = 2026;

async function demoCorpus(): Promise<AdRecord[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-demo-ads-'));
  try {
    const out = path.join(dir, 'ads.jsonl');
    await generateCorpus({ ads: DEMO_CORPUS_ADS, seed: DEMO_CORPUS_SEED, out, truth: path.join(dir, 'truth.jsonl') });
    return (await readAllAds(out)).ads;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Imports the demo corpus, its posting times moved so that the newest ad was posted an hour ago. */
export async function seedOutreachAds(ctx: Ctx): Promise<{ ads: number; clusters: number }> {
  const now = ctx.clock.now().getTime();
  const ads = await demoCorpus();
  const times = ads.map((a) => (a.postedAt ? Date.parse(a.postedAt) : Number.NaN)).filter((t) => Number.isFinite(t));
  const shift = now - 3_600_000 - Math.max(...times);
  const moved = ads.map((a) => (a.postedAt ? { ...a, postedAt: new Date(Date.parse(a.postedAt) + shift).toISOString() } : a));
  // One import per two days of posting, at the end of those days (or now), in posting order.
  const byDay = new Map<number, AdRecord[]>();
  for (const a of moved) {
    const day = 2 * Math.floor((a.postedAt ? Date.parse(a.postedAt) : now) / (2 * DAY));
    byDay.set(day, [...(byDay.get(day) ?? []), a]);
  }
  for (const day of [...byDay.keys()].sort((x, y) => x - y)) {
    const at = new Date(Math.min(now, (day + 2) * DAY - 60_000));
    await importAdBatch({ ...ctx, clock: { now: () => at } }, byDay.get(day)!, { importId: null });
  }
  const recent = moved.filter((a) => a.postedAt && Date.parse(a.postedAt) >= now - 14 * DAY);
  if (recent.length > 0) await importAdBatch(ctx, recent, { importId: null });
  const clusters = await ctx.db.selectFrom('outreach_clusters').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { ads: moved.length, clusters: Number(clusters.n) };
}

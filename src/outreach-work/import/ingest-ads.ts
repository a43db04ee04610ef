import { systemActor } from '../../access/actor.ts';
import type { Ctx } from '../../context.ts';
import { checkAd } from '../../outreach/io/parse-ad-line.ts';
import type { AdRecord } from '../../outreach/types.ts';
import type { AuthenticatedSource } from './authenticate-source.ts';
import { emptyCounts, importRecords } from './import-lines.ts';
import { MAX_IMPORT_PROBLEMS, safeProblem } from './import-problems.ts';
import { createImportRun, finishImportRun } from './import-runs.ts';

export const INGEST_MAX_ADS = 1000;

export type IngestProblem = { index: number; message: string };

function checkIngested(raw: unknown, source: AuthenticatedSource): { ok: true; ad: AdRecord } | { ok: false; message: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: `expected a JSON object, got ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : typeof raw}` };
  }
  const parsed = checkAd(raw as Record<string, unknown>);
  if (!parsed.ok) return { ok: false, message: safeProblem(parsed.problem) };
  if (parsed.ad.source === '') parsed.ad.source = source.code;
  else if (parsed.ad.source !== source.code) {
    return { ok: false, message: `"source" is "${parsed.ad.source.slice(0, 70)}", but this credential is for the source "${source.code}"` };
  }
  return parsed;
}

/**
 * Ads posted by a crawler with its source's credential (POST /api/outreach/ingest). Each ad is checked
 * on its own: a malformed ad or one of another source is reported by its index (0-based) and skipped,
 * the rest are imported as the system actor `source:<code>`. Recorded as an import run (channel "api";
 * stored problems count positions from 1, like lines).
 */
export async function ingestAds(ctx: Ctx, input: { source: AuthenticatedSource; ads: readonly unknown[] }) {
  const sctx: Ctx = { ...ctx, actor: systemActor(`source:${input.source.code}`) };
  const records: AdRecord[] = [];
  const problems: IngestProblem[] = [];
  input.ads.forEach((raw, index) => {
    const checked = checkIngested(raw, input.source);
    if (checked.ok) records.push(checked.ad);
    else problems.push({ index, message: checked.message });
  });
  const importId = await createImportRun(sctx, { channel: 'api', sourceId: input.source.id, status: 'running' });
  const counts = emptyCounts();
  counts.lines = input.ads.length;
  counts.malformed = problems.length;
  counts.problems = problems.slice(0, MAX_IMPORT_PROBLEMS).map((p) => ({ line: p.index + 1, message: p.message }));
  try {
    await importRecords(sctx, records, importId, counts);
  } catch (e) {
    await finishImportRun(sctx, importId, counts, e instanceof Error ? e.message.slice(0, 300) : 'import failed');
    throw e;
  }
  await finishImportRun(sctx, importId, counts, null);
  return {
    importId,
    received: input.ads.length,
    created: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged,
    malformed: counts.malformed,
    clustersTouched: counts.clustersTouched,
    problems,
  };
}

import { recordAudit } from '../../audit/record-audit.ts';
import { loadCase } from '../../cases/case-access.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { invalid } from '../../errors/catalogue.ts';
import { getProfile } from '../../profiles/load-profile.ts';
import { peopleById, presentActor } from '../people.ts';
import { mayReadFreeText } from '../visibility.ts';
import { clockEntries, documentEntries, eventEntries, noteEntries, type Viewer } from './timeline-sources.ts';
import type { TimelineEntry } from './timeline-entry.ts';

export const TIMELINE_DEFAULT_LIMIT = 200;
export const TIMELINE_MAX_LIMIT = 500;

export type ListTimelineInput = { caseId: string; order?: 'asc' | 'desc'; limit?: number; cursor?: string };

const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|\d\|[\w-]+$/.test(key)) throw invalid('querystring.cursor', 'is not a cursor from an earlier page.');
  return key;
}

/**
 * Everything that happened in a case, as far as the viewer may see it: profile events (of the case
 * and its signals), clock history, notes and documents (never their text), each with time, actor,
 * a code and details safe for the viewer (timeline-sources.ts decides per source). Newest first by
 * default; keyset paging over (time, source, order) with an opaque cursor. Audited.
 */
export async function listTimeline(ctx: Ctx, input: ListTimelineInput) {
  const order = input.order ?? 'desc';
  const limit = Math.min(Math.max(input.limit ?? TIMELINE_DEFAULT_LIMIT, 1), TIMELINE_MAX_LIMIT);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  return inTransaction(ctx, async (tx) => {
    const access = await loadCase(tx, input.caseId, 'read');
    const ownReferrals = tx.actor.organisationId
      ? await tx.db.selectFrom('referrals').select('id').where('case_id', '=', access.row.id).where('organisation_id', '=', tx.actor.organisationId).execute()
      : [];
    const viewer: Viewer = {
      ctx: tx,
      access,
      profile: getProfile(access.row.profile_id, access.row.profile_version),
      freeText: mayReadFreeText(tx.actor),
      ownReferralIds: new Set(ownReferrals.map((r) => r.id)),
    };
    // One after another: a transaction has one connection.
    const all = [...(await eventEntries(viewer)), ...(await clockEntries(viewer)), ...(await noteEntries(viewer)), ...(await documentEntries(viewer))];
    all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (order === 'desc') all.reverse();
    const rest = after === null ? all : all.filter((e) => (order === 'asc' ? e.key > after : e.key < after));
    const page = rest.slice(0, limit);
    const people = await peopleById(tx.db, page.map((e) => e.actorUserId));
    const counts: Record<string, number> = {};
    for (const e of page) counts[e.category] = (counts[e.category] ?? 0) + 1;
    await recordAudit(tx, {
      action: 'case.timeline',
      resourceType: 'case',
      resourceId: access.row.id,
      purpose: access.myReferrals.length ? 'referral' : 'case-work',
      details: { entries: page.length, categories: counts },
    });
    const items: TimelineEntry[] = page.map(({ actorUserId, ...e }) => ({ ...e, actor: actorUserId ? presentActor(tx.actor, people.get(actorUserId)) : null }));
    return { items, nextCursor: rest.length > limit ? encodeCursor(page.at(-1)!.key) : null };
  });
}

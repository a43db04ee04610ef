import { can } from '../../access/can.ts';
import type { CaseAccess } from '../../cases/case-access.ts';
import { clockLabel } from '../../clocks/clock-query.ts';
import type { Ctx } from '../../context.ts';
import type { Profile } from '../../profiles/profile-schema.ts';
import { maySeeDocument } from '../documents/present-document.ts';
import { maySee } from '../visibility.ts';
import { eventCategory, identificationParts, safeDetails, type TimelineCategory } from './event-rules.ts';
import { actorOfLabel, sortKey, type TimelineEntry } from './timeline-entry.ts';

/** Per source; a case has tens to hundreds of entries, so this only guards against runaway data. */
export const SOURCE_CAP = 2000;

export type Viewer = {
  ctx: Ctx;
  access: CaseAccess;
  profile: Profile;
  freeText: boolean;
  /** Referrals of this case to the viewer's organisation, in any state. */
  ownReferralIds: Set<string>;
};

/** An entry before the actor is resolved to a name. */
export type RawEntry = Omit<TimelineEntry, 'actor'> & { actorUserId: string | null };

function eventVisible(v: Viewer, category: TimelineCategory, subject: { type: string | null; id: string | null }): boolean {
  switch (category) {
    case 'consent':
      return v.access.visible.has('consents');
    case 'referral':
      return v.access.visible.has('referrals') || (subject.type === 'referral' && subject.id !== null && v.ownReferralIds.has(subject.id));
    case 'identification':
      return can(v.ctx.actor, 'list', 'identification');
    case 'investigation':
      return v.access.visible.has('investigation');
    default:
      return true;
  }
}

/** Profile events of the case and of the signals it came from. */
export async function eventEntries(v: Viewer): Promise<RawEntry[]> {
  const { db } = v.ctx;
  const caseId = v.access.row.id;
  const rows = await db
    .selectFrom('case_events')
    .selectAll()
    .where((eb) => eb.or([eb('case_id', '=', caseId), eb('signal_id', 'in', eb.selectFrom('signals').select('id').where('case_id', '=', caseId))]))
    .orderBy('seq')
    .limit(SOURCE_CAP)
    .execute();
  const entries: RawEntry[] = [];
  for (const e of rows) {
    const category = eventCategory(v.profile, e.event);
    if (!eventVisible(v, category, { type: e.subject_type, id: e.subject_id })) continue;
    const who = actorOfLabel(e.actor_label);
    entries.push({
      id: `event:${e.id}`,
      category,
      at: e.at.toISOString(),
      code: e.event,
      label: v.profile.events.find((p) => p.code === e.event)?.label ?? null,
      actorUserId: e.actor_user_id ?? who.userId,
      actorKind: e.actor_user_id ? 'user' : who.kind,
      subject: e.subject_type && e.subject_id ? { type: e.subject_type, id: e.subject_id } : null,
      details: safeDetails(e.details, v.freeText),
      key: sortKey(e.at, 'event', Number(e.seq)),
    });
  }
  return entries;
}

/**
 * Clock history (started, warned, overdue, escalated, ...), with the grant clock:list. Like the case's
 * clock list: partners see case-wide clocks and those of their own referrals; identification clocks
 * need identification:list; a stop or pause names its event only when that event is visible too.
 */
export async function clockEntries(v: Viewer): Promise<RawEntry[]> {
  if (!can(v.ctx.actor, 'list', 'clock')) return [];
  const { db, actor } = v.ctx;
  let clocks = await db.selectFrom('clocks').selectAll().where('case_id', '=', v.access.row.id).execute();
  const identification = identificationParts(v.profile).clocks;
  const mine = new Set(v.access.myReferrals.map((r) => r.id));
  clocks = clocks.filter((c) => {
    if (identification.has(c.code) && !can(actor, 'list', 'identification')) return false;
    if (actor.scope === 'all') return true;
    return c.subject_id === null || (c.subject_type === 'referral' && mine.has(c.subject_id));
  });
  if (clocks.length === 0) return [];
  const byId = new Map(clocks.map((c) => [c.id, c]));
  const history = await db.selectFrom('clock_history').selectAll().where('clock_id', 'in', [...byId.keys()]).orderBy('seq').limit(SOURCE_CAP).execute();
  return history.map((h) => {
    const clock = byId.get(h.clock_id)!;
    const raw = (h.details ?? {}) as Record<string, unknown>;
    const details = safeDetails({ late: raw.late, dueAt: raw.dueAt }, false);
    if (typeof raw.event === 'string' && eventVisible(v, eventCategory(v.profile, raw.event), { type: clock.subject_type, id: clock.subject_id })) details.event = raw.event;
    details.clock = clock.code;
    const who = actorOfLabel(h.actor_label);
    return {
      id: `clock:${h.id}`,
      category: 'clock' as const,
      at: h.at.toISOString(),
      code: h.what,
      label: clockLabel(clock),
      actorUserId: who.userId,
      actorKind: who.kind,
      subject: clock.subject_type && clock.subject_id ? { type: clock.subject_type, id: clock.subject_id } : null,
      details,
      key: sortKey(h.at, 'clock', Number(h.seq)),
    };
  });
}

/** Notes the viewer may see (note:list), without their text. */
export async function noteEntries(v: Viewer): Promise<RawEntry[]> {
  if (!can(v.ctx.actor, 'list', 'note')) return [];
  const rows = await v.ctx.db
    .selectFrom('case_notes')
    .select(['id', 'visibility', 'author_user_id', 'author_organisation_id', 'created_at'])
    .where('case_id', '=', v.access.row.id)
    .orderBy('created_at')
    .limit(SOURCE_CAP)
    .execute();
  return rows
    .filter((n) => maySee(v.ctx.actor, { visibility: n.visibility, authorUserId: n.author_user_id, authorOrganisationId: n.author_organisation_id }))
    .map((n) => ({
      id: `note:${n.id}`,
      category: 'note' as const,
      at: n.created_at.toISOString(),
      code: 'note-added',
      label: null,
      actorUserId: n.author_user_id,
      actorKind: n.author_user_id ? ('user' as const) : ('system' as const),
      subject: { type: 'note', id: n.id },
      details: { visibility: n.visibility },
      key: sortKey(n.created_at, 'note', n.id),
    }));
}

/** Documents the viewer may see (document:list): added, and removed; type and visibility only. */
export async function documentEntries(v: Viewer): Promise<RawEntry[]> {
  if (!can(v.ctx.actor, 'list', 'document')) return [];
  const rows = await v.ctx.db.selectFrom('case_documents').selectAll().where('case_id', '=', v.access.row.id).orderBy('uploaded_at').limit(SOURCE_CAP).execute();
  const entries: RawEntry[] = [];
  for (const d of rows) {
    if (!maySeeDocument(v.ctx.actor, d, v.access.visible)) continue;
    const base = { category: 'document' as const, label: null, subject: { type: 'document', id: d.id } };
    entries.push({
      ...base,
      id: `document:${d.id}`,
      at: d.uploaded_at.toISOString(),
      code: 'document-added',
      actorUserId: d.uploaded_by_user_id,
      actorKind: d.uploaded_by_user_id ? 'user' : 'system',
      details: { documentType: d.document_type, visibility: d.visibility },
      key: sortKey(d.uploaded_at, 'document', `a${d.id}`),
    });
    if (d.removed_at) {
      entries.push({
        ...base,
        id: `document-removed:${d.id}`,
        at: d.removed_at.toISOString(),
        code: 'document-removed',
        actorUserId: d.removed_by_user_id,
        actorKind: d.removed_by_user_id ? 'user' : 'system',
        details: { documentType: d.document_type, ...(v.freeText ? { reason: d.removed_reason } : {}) },
        key: sortKey(d.removed_at, 'document', `r${d.id}`),
      });
    }
  }
  return entries;
}

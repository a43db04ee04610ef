import { inTransaction, type Ctx } from '../context.ts';
import { invalid, notFound } from '../errors/catalogue.ts';
import { addDuration } from '../profiles/calendar.ts';
import { getProfile, profileRef } from '../profiles/load-profile.ts';
import type { Clock as ClockRule, Profile } from '../profiles/profile-schema.ts';
import { addHistory, nextWarning, OPEN_CLOCK_STATES, ruleOf, type ClockRow } from './clock-rules.ts';

export type CaseEventSubject = { type: string; id: string; referralType?: string };

export type CaseEventInput = {
  caseId?: string | null;
  signalId?: string | null;
  /** What the event is about, e.g. `{ type: 'referral', id, referralType: 'shelter' }`. */
  subject?: CaseEventSubject;
  /** An event code of the case's (or signal's) profile version. */
  event: string;
  details?: Record<string, unknown>;
};

/**
 * Records an event of a case or signal on its timeline and applies every clock rule of its profile:
 * clocks whose `startOn` is the event start (due = addDuration in the profile's zone and calendar);
 * running or paused clocks of the same case / signal (and, for an event about a subject, of that
 * subject or of no subject) restart, stop, pause or resume. Always inside the caller's transaction,
 * so an event and its clock changes exist exactly when the change that caused them was committed.
 */
export async function recordCaseEvent(ctx: Ctx, input: CaseEventInput): Promise<{ eventId: string; startedClockIds: string[] }> {
  const caseId = input.caseId ?? null;
  const signalId = input.signalId ?? null;
  if (!caseId && !signalId) throw new Error('A case event needs a case or a signal.');
  return inTransaction(ctx, async (tx) => {
    const owner = caseId
      ? await tx.db.selectFrom('cases').select(['profile_id', 'profile_version']).where('id', '=', caseId).executeTakeFirst()
      : await tx.db.selectFrom('signals').select(['profile_id', 'profile_version']).where('id', '=', signalId!).executeTakeFirst();
    if (!owner) throw notFound();
    const profile = getProfile(owner.profile_id, owner.profile_version);
    if (!profile.events.some((e) => e.code === input.event)) {
      throw invalid('event', `"${input.event}" is not an event of profile ${profile.id}@${String(profile.version)}.`);
    }
    const at = tx.clock.now();
    const subject = input.subject ?? null;
    const { id: eventId } = await tx.db
      .insertInto('case_events')
      .values({
        case_id: caseId,
        signal_id: signalId,
        subject_type: subject?.type ?? null,
        subject_id: subject?.id ?? null,
        event: input.event,
        at,
        actor_user_id: tx.actor.userId,
        actor_label: tx.actor.label,
        details: JSON.stringify({ ...(subject?.referralType ? { referralType: subject.referralType } : {}), ...input.details }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // A signal's clocks (triage) follow it into the case it is registered as or merged into.
    if (caseId && signalId) await tx.db.updateTable('clocks').set({ case_id: caseId }).where('signal_id', '=', signalId).where('case_id', 'is', null).execute();

    let open = tx.db
      .selectFrom('clocks')
      .selectAll()
      .where('state', 'in', OPEN_CLOCK_STATES)
      .where((eb) => eb.or([...(caseId ? [eb('case_id', '=', caseId)] : []), ...(signalId ? [eb('signal_id', '=', signalId)] : [])]));
    if (subject) {
      open = open.where((eb) => eb.or([eb('subject_id', 'is', null), eb.and([eb('subject_type', '=', subject.type), eb('subject_id', '=', subject.id)])]));
    }
    const clocks = await open.orderBy('started_at').forUpdate().execute();
    const started: string[] = [];
    const restarted = new Set<string>();
    for (const row of clocks) {
      const { profile: own, rule } = ruleOf(row);
      if (!rule) continue;
      if (rule.restartOn.includes(input.event)) {
        await endClock(tx, row, 'completed', input.event, eventId, at);
        const next = await startClock(tx, own, rule, { caseId: row.case_id, signalId: row.signal_id, subject: row.subject_id ? { type: row.subject_type!, id: row.subject_id } : null }, eventId, at, row.id);
        await addHistory(tx, row.id, 'restarted', { event: input.event, nextClockId: next }, eventId);
        started.push(next);
        restarted.add(rule.code);
      } else if (rule.stopOn.includes(input.event)) {
        await endClock(tx, row, 'stopped', input.event, eventId, at);
      } else if (row.state === 'running' && rule.pauseOn.includes(input.event)) {
        await tx.db.updateTable('clocks').set({ state: 'paused', paused_at: at, version: row.version + 1 }).where('id', '=', row.id).execute();
        await addHistory(tx, row.id, 'paused', { event: input.event }, eventId);
      } else if (row.state === 'paused' && rule.resumeOn.includes(input.event) && row.paused_at) {
        // Paused time does not count: the due time moves on by exactly the time spent paused.
        const pausedMs = at.getTime() - row.paused_at.getTime();
        const due = new Date(row.due_at.getTime() + pausedMs);
        const warning = nextWarning(rule, due, own, row.next_warning, at);
        await tx.db
          .updateTable('clocks')
          .set({ state: 'running', paused_at: null, paused_ms: Number(row.paused_ms) + pausedMs, due_at: due, next_warning: warning.index, next_warning_at: warning.at, version: row.version + 1 })
          .where('id', '=', row.id)
          .execute();
        await addHistory(tx, row.id, 'resumed', { event: input.event, pausedMs, dueAt: due.toISOString() }, eventId);
      }
    }

    for (const rule of profile.clocks) {
      if (rule.startOn !== input.event || restarted.has(rule.code)) continue;
      const only = rule.appliesTo?.referralTypes;
      if (only && !(subject?.referralType && only.includes(subject.referralType))) continue;
      // One instance per clock, case / signal and subject: an event recorded twice does not start a second.
      let same = tx.db
        .selectFrom('clocks')
        .select('id')
        .where('code', '=', rule.code)
        .where('state', 'in', OPEN_CLOCK_STATES)
        .where((eb) => eb.or([...(caseId ? [eb('case_id', '=', caseId)] : []), ...(signalId ? [eb('signal_id', '=', signalId)] : [])]));
      same = subject ? same.where('subject_type', '=', subject.type).where('subject_id', '=', subject.id) : same.where('subject_id', 'is', null);
      if (await same.executeTakeFirst()) continue;
      started.push(await startClock(tx, profile, rule, { caseId, signalId, subject }, eventId, at, null));
    }
    return { eventId, startedClockIds: started };
  });
}

async function startClock(
  ctx: Ctx,
  profile: Profile,
  rule: ClockRule,
  owner: { caseId: string | null; signalId: string | null; subject: { type: string; id: string } | null },
  eventId: string,
  at: Date,
  restartOf: string | null,
): Promise<string> {
  const due = addDuration(at, rule.duration, profile);
  const warning = nextWarning(rule, due, profile, 0, at);
  const ref = profileRef(profile);
  const { id } = await ctx.db
    .insertInto('clocks')
    .values({
      code: rule.code,
      kind: rule.kind,
      profile_id: ref.id,
      profile_version: ref.version,
      case_id: owner.caseId,
      signal_id: owner.signalId,
      subject_type: owner.subject?.type ?? null,
      subject_id: owner.subject?.id ?? null,
      started_at: at,
      due_at: due,
      paused_at: null,
      next_warning: warning.index,
      next_warning_at: warning.at,
      overdue_at: null,
      escalated_at: null,
      ended_at: null,
      start_event_id: eventId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addHistory(ctx, id, 'started', { dueAt: due.toISOString(), duration: rule.duration, ...(restartOf ? { restartOf } : {}) }, eventId);
  return id;
}

/** Ends an open clock (stopped by its stop event, or completed by a restart) and closes its open tasks. */
async function endClock(ctx: Ctx, row: ClockRow, state: 'stopped' | 'completed', event: string, eventId: string, at: Date): Promise<void> {
  await ctx.db
    .updateTable('clocks')
    .set({ state, ended_at: at, paused_at: null, next_warning_at: null, version: row.version + 1 })
    .where('id', '=', row.id)
    .execute();
  if (state === 'stopped') {
    await addHistory(ctx, row.id, 'stopped', { event, late: at.getTime() > row.due_at.getTime() }, eventId);
  }
  await ctx.db.updateTable('tasks').set({ status: 'done', done_at: at, closed_by_event: event }).where('clock_id', '=', row.id).where('status', '=', 'open').execute();
}

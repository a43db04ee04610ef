import { recordAudit } from '../audit/record-audit.ts';
import { ACTIVE_REFERRAL_STATUSES } from '../cases/case-access.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { addDuration } from '../profiles/calendar.ts';
import type { Clock as ClockRule, Profile } from '../profiles/profile-schema.ts';
import { addHistory, ruleOf, warningTimes, type ClockRow } from './clock-rules.ts';

const BATCH = 50;

export type AdvanceReport = { warned: number; overdue: number; expired: number; escalated: number };

/**
 * The body of the recurring `clocks.advance` job: records the warnings that have come due and the
 * clocks that have run out at `clock.now()`. Deadline clocks that run out become overdue and, with
 * `escalateTo`, create ONE task for that role; period and minimum-period clocks expire (a task too,
 * when the profile names a role). Exactly once with any number of workers: each batch locks its rows
 * with FOR UPDATE SKIP LOCKED (another worker takes other rows, or none), re-reads them under the
 * lock, and updates them only WHERE version is unchanged; the task table's unique (clock, title)
 * refuses a second escalation task even so.
 */
export async function advanceClocks(ctx: Ctx): Promise<AdvanceReport> {
  const report: AdvanceReport = { warned: 0, overdue: 0, expired: 0, escalated: 0 };
  const now = ctx.clock.now();
  for (;;) {
    const taken = await inTransaction(ctx, async (tx) => {
      const rows = await tx.db
        .selectFrom('clocks')
        .selectAll()
        .where('state', '=', 'running')
        .where((eb) => eb.or([eb('next_warning_at', '<=', now), eb.and([eb('due_at', '<=', now), eb('overdue_at', 'is', null)])]))
        .orderBy('due_at')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      const before = { ...report };
      for (const row of rows) await advanceOne(tx, row, now, report);
      const changed = Object.fromEntries(Object.entries(report).map(([k, v]) => [k, v - before[k as keyof AdvanceReport]]));
      if (Object.values(changed).some((n) => n > 0)) {
        await recordAudit(tx, { action: 'clocks.advance', resourceType: 'clock', purpose: 'case-work', details: { at: now.toISOString(), ...changed } });
      }
      return rows.length;
    });
    if (taken < BATCH) break;
  }
  if (report.warned + report.overdue + report.expired > 0) ctx.logger.info(report, 'clocks advanced');
  return report;
}

async function advanceOne(ctx: Ctx, row: ClockRow, now: Date, report: AdvanceReport): Promise<void> {
  const { profile, rule } = ruleOf(row);
  if (!rule) {
    // A clock whose rule is gone cannot be advanced; take it out of the scan rather than fail every minute.
    await ctx.db.updateTable('clocks').set({ next_warning_at: null, overdue_at: now, version: row.version + 1 }).where('id', '=', row.id).where('version', '=', row.version).execute();
    return;
  }
  const isDue = row.due_at.getTime() <= now.getTime();
  const times = warningTimes(rule, row.due_at, profile);
  const warned: number[] = [];
  let index = row.next_warning;
  while (index < times.length && times[index]!.getTime() <= now.getTime()) {
    // Warnings overtaken by the due time itself (the job did not run for a while) are not sent late.
    if (!isDue) warned.push(index);
    index++;
  }
  const runsOut = isDue && !row.overdue_at;
  const expires = runsOut && rule.kind !== 'deadline';
  const updated = await ctx.db
    .updateTable('clocks')
    .set({
      next_warning: index,
      next_warning_at: times[index] ?? null,
      ...(runsOut && !expires ? { overdue_at: now } : {}),
      ...(expires ? { state: 'expired' as const, ended_at: now, next_warning_at: null } : {}),
      ...(runsOut && rule.escalateTo ? { escalated_at: now } : {}),
      version: row.version + 1,
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .where('state', '=', 'running')
    .returning('id')
    .executeTakeFirst();
  if (!updated) return; // another worker got there first
  for (const i of warned) {
    await addHistory(ctx, row.id, 'warned', { warning: i, warningAt: times[i]!.toISOString(), dueAt: row.due_at.toISOString() });
    report.warned++;
  }
  if (!runsOut) return;
  await addHistory(ctx, row.id, expires ? 'expired' : 'overdue', { dueAt: row.due_at.toISOString() });
  if (expires) report.expired++;
  else report.overdue++;
  if (rule.escalateTo) {
    const task = await escalate(ctx, row, rule, profile, now, expires ? 'expired' : 'overdue');
    await addHistory(ctx, row.id, 'escalated', { role: rule.escalateTo, organisationId: task.organisationId, taskId: task.id });
    report.escalated++;
  }
}

/** Creates the escalation task for the clock's `escalateTo` role, in the organisation that follows the case up. */
async function escalate(ctx: Ctx, row: ClockRow, rule: ClockRule, profile: Profile, now: Date, why: 'overdue' | 'expired') {
  const role = rule.escalateTo!;
  const organisationId = await responsibleOrganisation(ctx, row, role);
  const inserted = await ctx.db
    .insertInto('tasks')
    .values({
      case_id: row.case_id,
      signal_id: row.signal_id,
      clock_id: row.id,
      assigned_role: role,
      assigned_organisation_id: organisationId,
      title_code: `${rule.code}.${why}`,
      due_at: addDuration(now, { amount: 1, unit: 'working-days' }, profile),
      created_at: now,
      done_at: null,
      done_by_user_id: null,
      closed_by_event: null,
    })
    .onConflict((oc) => oc.columns(['clock_id', 'title_code']).where('clock_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return { id: inserted?.id ?? null, organisationId };
}

/**
 * Which organisation's `role` holders get the task. A role whose scope is "all" (the registrar) works
 * for every organisation: no organisation. Otherwise: for a clock about a referral, the organisation of
 * the person who made the referral if they hold that role; then an organisation with an active referral
 * for the case that has users with that role (the care coordinator following the case). None found:
 * no organisation, so the task shows to the roles that see everything.
 */
async function responsibleOrganisation(ctx: Ctx, row: ClockRow, role: string): Promise<string | null> {
  const roleRow = await ctx.db.selectFrom('roles').select('scope').where('id', '=', role).executeTakeFirst();
  if (!roleRow || roleRow.scope === 'all') return null;
  if (row.subject_type === 'referral' && row.subject_id) {
    const requester = await ctx.db
      .selectFrom('referrals')
      .innerJoin('users', 'users.id', 'referrals.requested_by_user_id')
      .select('users.organisation_id')
      .where('referrals.id', '=', row.subject_id)
      .where('users.role_id', '=', role)
      .executeTakeFirst();
    if (requester) return requester.organisation_id;
  }
  if (!row.case_id) return null;
  const followUp = await ctx.db
    .selectFrom('referrals')
    .select('referrals.organisation_id')
    .where('referrals.case_id', '=', row.case_id)
    .where('referrals.status', 'in', ACTIVE_REFERRAL_STATUSES)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('users').select('users.id').whereRef('users.organisation_id', '=', 'referrals.organisation_id').where('users.role_id', '=', role).where('users.disabled_at', 'is', null)),
    )
    .orderBy('referrals.requested_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return followUp?.organisation_id ?? null;
}

import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ACTIVE_REFERRAL_STATUSES } from '../cases/case-access.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { clockLabel } from './clock-query.ts';

const WEEK_MS = 7 * 24 * 60 * 60_000;
const LIMIT = 2000;

type OrganisationCount = { organisationId: string | null; organisationName: string | null; dueThisWeek: number; overdue: number };

/**
 * The registrar's dashboard: running clocks that are overdue (deadlines past due) or due within the
 * next 7 days, and the counts per organisation. A clock about a referral counts for the receiving
 * organisation; any other clock for every organisation involved in its case: those with an active
 * referral, and the source organisation (of the case, or of the signal for a clock still in triage);
 * a clock without any counts under "no organisation" (null). A viewer whose scope is not "all" sees
 * only the clocks that count for their own organisation, counted for it alone.
 */
export async function listDueClocks(ctx: Ctx) {
  assertCan(ctx.actor, 'list', 'clock');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const until = new Date(now.getTime() + WEEK_MS);
    const rows = await tx.db
      .selectFrom('clocks')
      .leftJoin('cases', 'cases.id', 'clocks.case_id')
      .leftJoin('signals', 'signals.id', 'clocks.signal_id')
      .leftJoin('referrals as subject_referral', (join) =>
        join.onRef('subject_referral.id', '=', 'clocks.subject_id').on('clocks.subject_type', '=', 'referral'))
      .select(['subject_referral.organisation_id as subject_organisation_id',
        'clocks.id', 'clocks.code', 'clocks.kind', 'clocks.profile_id', 'clocks.profile_version', 'clocks.case_id', 'cases.case_number',
        'clocks.signal_id', 'signals.number as signal_number', 'clocks.subject_type', 'clocks.subject_id', 'clocks.due_at', 'clocks.escalated_at',
        'cases.source_organisation_id as case_source', 'signals.source_organisation_id as signal_source',
      ])
      .where('clocks.state', '=', 'running')
      .where('clocks.due_at', '<=', until)
      // A period that has run out is not overdue: it ends (the job marks it expired).
      .where((eb) => eb.or([eb('clocks.kind', '=', 'deadline'), eb('clocks.due_at', '>', now)]))
      .orderBy('clocks.due_at')
      .limit(LIMIT)
      .execute();
    const caseIds = [...new Set(rows.flatMap((r) => (r.case_id ? [r.case_id] : [])))];
    const referrals = caseIds.length
      ? await tx.db.selectFrom('referrals').select(['case_id', 'organisation_id']).where('case_id', 'in', caseIds).where('status', 'in', ACTIVE_REFERRAL_STATUSES).execute()
      : [];
    const involved = (r: (typeof rows)[number]): (string | null)[] => {
      // A clock about a referral (the response deadline) is the receiving organisation's alone.
      if (r.subject_organisation_id) return [r.subject_organisation_id];
      const orgs = new Set<string>();
      for (const ref of referrals) if (ref.case_id === r.case_id) orgs.add(ref.organisation_id);
      const source = r.case_source ?? r.signal_source;
      if (source) orgs.add(source);
      return orgs.size ? [...orgs] : [null];
    };
    const all = tx.actor.scope === 'all';
    const own = tx.actor.organisationId;
    const items = rows
      .map((r) => ({ row: r, organisations: involved(r) }))
      .filter((x) => all || (own !== null && x.organisations.includes(own)))
      .map(({ row: r, organisations }) => ({
        clockId: r.id,
        code: r.code,
        label: clockLabel(r),
        kind: r.kind,
        caseId: r.case_id,
        caseNumber: r.case_number,
        signalId: r.signal_id,
        signalNumber: r.signal_number,
        subject: r.subject_type && r.subject_id ? { type: r.subject_type, id: r.subject_id } : null,
        dueAt: r.due_at.toISOString(),
        overdue: r.due_at.getTime() <= now.getTime(),
        escalated: r.escalated_at !== null,
        organisationIds: all ? organisations : [own],
      }));
    const counts = new Map<string | null, OrganisationCount>();
    for (const item of items) {
      for (const org of item.organisationIds) {
        const c = counts.get(org) ?? { organisationId: org, organisationName: null, dueThisWeek: 0, overdue: 0 };
        if (item.overdue) c.overdue++;
        else c.dueThisWeek++;
        counts.set(org, c);
      }
    }
    const orgIds = [...counts.keys()].filter((k): k is string => k !== null);
    const names = orgIds.length ? await tx.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute() : [];
    for (const n of names) counts.get(n.id)!.organisationName = n.name;
    const organisations = [...counts.values()].sort((a, b) => b.overdue - a.overdue || b.dueThisWeek - a.dueThisWeek || (a.organisationName ?? '~').localeCompare(b.organisationName ?? '~'));
    await recordAudit(tx, { action: 'clock.dashboard', resourceType: 'clock', purpose: 'case-work', details: { items: items.length } });
    return {
      from: now.toISOString(),
      until: until.toISOString(),
      totals: { dueThisWeek: items.filter((i) => !i.overdue).length, overdue: items.filter((i) => i.overdue).length },
      organisations,
      items,
    };
  });
}

import { sql } from 'kysely';
import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { countDuplicates } from './find-duplicates.ts';

export type TriageQueueInput = { status?: 'open' | 'decided' | 'all'; limit?: number };

/**
 * The registrars' queue: acute danger first, then a minor involved, then the oldest. Shows no names;
 * each item carries how many known persons it may duplicate.
 */
export async function listTriageQueue(ctx: Ctx, input: TriageQueueInput) {
  assertCan(ctx.actor, 'triage', 'signal');
  const status = input.status ?? 'open';
  const limit = Math.min(input.limit ?? 50, 500);
  return inTransaction(ctx, async (tx) => {
    let query = tx.db
      .selectFrom('signals')
      .leftJoin('organisations', 'organisations.id', 'signals.source_organisation_id')
      .select([
        'signals.id', 'signals.number', 'signals.channel', 'signals.received_at', 'signals.status', 'signals.acute_danger', 'signals.minor_involved',
        'signals.presumed_minor', 'signals.estimated_age', 'signals.forms', 'signals.region',
        'organisations.name as source_organisation_name',
      ]);
    if (status === 'open') query = query.where('signals.status', '=', 'open');
    if (status === 'decided') query = query.where('signals.status', '!=', 'open');
    const rows =
      status === 'decided'
        ? await query.orderBy('signals.decided_at', 'desc').limit(limit).execute()
        : await query
            .orderBy(sql`signals.status = 'open'`, 'desc') // open before decided
            .orderBy('signals.acute_danger', 'desc')
            .orderBy('signals.minor_involved', 'desc')
            .orderBy('signals.received_at', 'asc')
            .limit(limit)
            .execute();
    const duplicates = await countDuplicates(tx, rows.filter((r) => r.status === 'open').map((r) => r.id));
    await recordAudit(tx, { action: 'signal.list', resourceType: 'signal', purpose: 'triage', details: { status, results: rows.length } });
    return {
      items: rows.map((r) => ({
        id: r.id,
        number: r.number,
        channel: r.channel,
        receivedAt: r.received_at.toISOString(),
        status: r.status,
        acuteDanger: r.acute_danger,
        minorInvolved: r.minor_involved,
        presumedMinor: r.presumed_minor,
        estimatedAge: r.estimated_age,
        forms: r.forms,
        region: r.region,
        sourceOrganisationName: r.source_organisation_name,
        duplicateCount: duplicates.get(r.id) ?? 0,
      })),
    };
  });
}

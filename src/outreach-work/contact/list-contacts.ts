import { sql } from 'kysely';
import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import type { OutreachOutcome } from '../../db/schema.ts';
import { peopleById } from '../../workspace/people.ts';
import { presentContactSummary } from './present-contact.ts';

export const CONTACT_LIST_LIMIT = 200;

export type ListContactsInput = { followUpDue?: boolean | undefined; outcome?: OutreachOutcome | 'none' | undefined; clusterId?: string | undefined };

/**
 * Contacts the actor may see (their team's, by record scope): follow-ups that are due first (oldest due
 * first), then the most recent. `followUpDue` keeps only the due ones. Audited with the ids shown.
 */
export async function listContacts(ctx: Ctx, input: ListContactsInput) {
  assertCan(ctx.actor, 'list', 'outreach-contact');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const { actor } = tx;
    let q = tx.db.selectFrom('outreach_contacts').leftJoin('users', 'users.id', 'outreach_contacts.created_by_user_id').selectAll('outreach_contacts');
    if (actor.scope === 'organisation') {
      q = q.where((eb) => eb.or([eb('users.organisation_id', '=', actor.organisationId ?? '00000000-0000-0000-0000-000000000000'), eb('outreach_contacts.created_by_user_id', '=', actor.userId)]));
    } else if (actor.scope !== 'all') {
      q = q.where('outreach_contacts.created_by_user_id', '=', actor.userId);
    }
    if (input.followUpDue) q = q.where('outreach_contacts.follow_up_at', '<=', now);
    if (input.outcome === 'none') q = q.where('outreach_contacts.outcome', 'is', null);
    else if (input.outcome) q = q.where('outreach_contacts.outcome', '=', input.outcome);
    if (input.clusterId) q = q.where('outreach_contacts.cluster_id', '=', input.clusterId);
    const due = sql`(outreach_contacts.follow_up_at is not null and outreach_contacts.follow_up_at <= ${now})`;
    const rows = await q
      .orderBy(due, 'desc')
      .orderBy(sql`case when ${due} then outreach_contacts.follow_up_at end`, 'asc')
      .orderBy('outreach_contacts.created_at', 'desc')
      .orderBy('outreach_contacts.id')
      .limit(CONTACT_LIST_LIMIT)
      .execute();
    await recordAudit(tx, { action: 'outreach-contact.list', resourceType: 'outreach-contact', purpose: 'outreach', details: { contactIds: rows.map((r) => r.id), followUpDue: input.followUpDue ?? false } });
    const people = await peopleById(tx.db, rows.map((r) => r.created_by_user_id));
    return { items: rows.map((r) => presentContactSummary(r, people, now)) };
  });
}

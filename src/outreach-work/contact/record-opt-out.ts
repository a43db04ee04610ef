import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import type { OutreachOptOutsTable } from '../../db/schema.ts';
import { invalid } from '../../errors/catalogue.ts';
import { loadContact } from './contact-access.ts';
import { addContactEvent } from './contact-events.ts';
import { lockPhone } from './opt-out-register.ts';

export const OPT_OUT_VIA = ['reply', 'call', 'worker', 'third-party', 'other'] as const satisfies readonly OutreachOptOutsTable['via'][];
export const OPTED_OUT_REASON = 'opted out';

/**
 * The person does not want to be contacted: their number's keyed hash goes into the register for good
 * (never purged), every message still queued for that number, in any cluster, is cancelled, and from
 * now on every contact with it is refused. Idempotent: a second opt-out changes nothing.
 */
export async function recordOptOut(ctx: Ctx, input: { id: string; via: OutreachOptOutsTable['via'] }) {
  if (!(OPT_OUT_VIA as readonly string[]).includes(input.via)) throw invalid('body.via', `Choose one of: ${OPT_OUT_VIA.join(', ')}.`);
  return inTransaction(ctx, async (tx) => {
    const row = await loadContact(tx, input.id, 'record', { resource: 'outreach-opt-out' });
    await lockPhone(tx.db, row.phone_token);
    const now = tx.clock.now();
    const inserted = await tx.db
      .insertInto('outreach_opt_outs')
      .values({ phone_token: row.phone_token, recorded_at: now, recorded_by_user_id: tx.actor.userId, via: input.via })
      .onConflict((oc) => oc.column('phone_token').doNothing())
      .returning('recorded_at')
      .executeTakeFirst();
    const cancelled = await tx.db
      .updateTable('outreach_contacts')
      .set({ delivery: 'failed', delivery_error: OPTED_OUT_REASON })
      .where('phone_token', '=', row.phone_token)
      .where('delivery', '=', 'queued')
      .returning('id')
      .execute();
    for (const c of cancelled) await addContactEvent(tx, c.id, 'cancelled');
    if (inserted) await addContactEvent(tx, row.id, 'opted-out');
    const entry = await tx.db.selectFrom('outreach_opt_outs').select(['recorded_at', 'via']).where('phone_token', '=', row.phone_token).executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'outreach-opt-out.record',
      resourceType: 'outreach-contact',
      resourceId: row.id,
      purpose: 'outreach',
      details: { via: input.via, alreadyRecorded: !inserted, cancelledContactIds: cancelled.map((c) => c.id) },
    });
    return { optedOut: true as const, alreadyRecorded: !inserted, recordedAt: entry.recorded_at.toISOString(), via: entry.via, cancelled: cancelled.length };
  });
}

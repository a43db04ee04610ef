import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import { peopleById, type Person } from '../../workspace/people.ts';
import type { ContactRow } from './contact-access.ts';
import { MESSAGE, NOTE, open } from './contact-crypto.ts';
import { isOptedOut } from './opt-out-register.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A contact in a list: no number, no message, no notes. */
export function presentContactSummary(row: ContactRow, people: Map<string, Person>, now: Date) {
  return {
    id: row.id,
    clusterId: row.cluster_id,
    phoneHint: row.phone_hint,
    channel: row.channel,
    language: row.language,
    templateId: row.template_id,
    delivery: row.delivery,
    deliveryError: row.delivery_error,
    outcome: row.outcome,
    outcomeAt: iso(row.outcome_at),
    followUpAt: iso(row.follow_up_at),
    followUpDue: row.follow_up_at !== null && row.follow_up_at <= now,
    signalId: row.signal_id,
    createdAt: row.created_at.toISOString(),
    sentAt: iso(row.sent_at),
    createdByName: row.created_by_user_id ? (people.get(row.created_by_user_id)?.name ?? null) : null,
  };
}
export type ContactSummary = ReturnType<typeof presentContactSummary>;

/**
 * A contact with its message and history (notes decrypted). The caller audits the read; the number
 * itself is never part of it (reveal is a separate, audited request).
 */
export async function presentContactDetail(ctx: Ctx, row: ContactRow) {
  const events = await ctx.db
    .selectFrom('outreach_contact_events')
    .selectAll()
    .where('contact_id', '=', row.id)
    .orderBy('at')
    .orderBy(sql`case when event = 'created' then 0 else 1 end`)
    .orderBy('id')
    .execute();
  const people = await peopleById(ctx.db, [row.created_by_user_id, ...events.map((e) => e.actor_user_id)]);
  const template = row.template_id
    ? await ctx.db.selectFrom('outreach_message_templates').select(['name']).where('id', '=', row.template_id).executeTakeFirst()
    : undefined;
  return {
    ...presentContactSummary(row, people, ctx.clock.now()),
    templateName: template?.name ?? null,
    message: open(ctx.keyring, MESSAGE, row.id, row.message_enc),
    provider: row.provider,
    optedOut: await isOptedOut(ctx.db, row.phone_token),
    awaitingManualSend: row.delivery === 'queued' && row.provider === 'outbox',
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      event: e.event,
      outcome: e.outcome,
      note: open(ctx.keyring, NOTE, e.id, e.note_enc),
      actorName: e.actor_user_id ? (people.get(e.actor_user_id)?.name ?? null) : null,
    })),
  };
}
export type ContactDetail = Awaited<ReturnType<typeof presentContactDetail>>;

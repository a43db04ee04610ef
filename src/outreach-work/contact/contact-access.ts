import type { Selectable } from 'kysely';
import { assertCan } from '../../access/can.ts';
import type { Ctx } from '../../context.ts';
import type { OutreachContactsTable } from '../../db/schema.ts';
import { notFound } from '../../errors/catalogue.ts';

export type ContactRow = Selectable<OutreachContactsTable>;

/**
 * One contact, if the actor may act on it: the role's grant, and the record scope by the worker who
 * made the contact and that worker's organisation (an outreach team shares its contacts). A denial
 * looks exactly like a missing contact.
 */
export async function loadContact(ctx: Ctx, id: string, action: string, opts: { resource?: string; forUpdate?: boolean } = {}): Promise<ContactRow> {
  let q = ctx.db
    .selectFrom('outreach_contacts')
    .leftJoin('users', 'users.id', 'outreach_contacts.created_by_user_id')
    .selectAll('outreach_contacts')
    .select('users.organisation_id as creator_organisation_id')
    .where('outreach_contacts.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('outreach_contacts');
  const found = await q.executeTakeFirst();
  if (!found) throw notFound('No such contact.');
  const { creator_organisation_id: organisationId, ...row } = found;
  assertCan(ctx.actor, action, { type: opts.resource ?? 'outreach-contact', ownerUserId: row.created_by_user_id, organisationId });
  return row;
}

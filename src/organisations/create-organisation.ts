import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict } from '../errors/catalogue.ts';
import type { OrganisationType } from '../identity/organisation-types.ts';
import { presentOrganisation } from './present-organisation.ts';

export async function createOrganisation(ctx: Ctx, input: { name: string; type: OrganisationType; region?: string | null }) {
  assertCan(ctx.actor, 'create', 'organisation');
  return inTransaction(ctx, async (tx) => {
    const clash = await tx.db.selectFrom('organisations').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.trim().toLowerCase())).executeTakeFirst();
    if (clash) throw conflict('An organisation with this name already exists.', 'body.name');
    const row = await tx.db
      .insertInto('organisations')
      .values({ name: input.name.trim(), type: input.type, region: input.region ?? null, created_at: tx.clock.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'organisation.create', resourceType: 'organisation', resourceId: row.id, details: { type: row.type } });
    return presentOrganisation(row, 0);
  });
}

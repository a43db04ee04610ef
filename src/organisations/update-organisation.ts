import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, notFound } from '../errors/catalogue.ts';
import { presentOrganisation } from './present-organisation.ts';

export async function updateOrganisation(ctx: Ctx, input: { id: string; name?: string; region?: string | null; active?: boolean }) {
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db.selectFrom('organisations').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('No such organisation.');
    assertCan(tx.actor, 'update', { type: 'organisation', organisationId: current.id });
    if (input.name !== undefined) {
      const clash = await tx.db
        .selectFrom('organisations')
        .select('id')
        .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name!.trim().toLowerCase()))
        .where('id', '!=', input.id)
        .executeTakeFirst();
      if (clash) throw conflict('An organisation with this name already exists.', 'body.name');
    }
    const changes = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.region !== undefined ? { region: input.region } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    if (Object.keys(changes).length === 0) return presentOrganisation(current);
    const row = await tx.db.updateTable('organisations').set(changes).where('id', '=', input.id).returningAll().executeTakeFirstOrThrow();
    const changed = Object.keys(input).filter((k) => k !== 'id');
    await recordAudit(tx, { action: 'organisation.update', resourceType: 'organisation', resourceId: row.id, details: { changed } });
    return presentOrganisation(row);
  });
}

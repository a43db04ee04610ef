import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, notFound } from '../../errors/catalogue.ts';
import { presentSource } from './present-source.ts';

/** Revokes a source's ingestion credential at once: its hash is removed, so the token no longer matches anything. */
export async function revokeSourceToken(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'manage', 'outreach-source');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db.selectFrom('outreach_sources').select(['id', 'token_hash']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('No such source.');
    if (!current.token_hash) throw conflict('This source has no active credential to revoke.');
    const row = await tx.db
      .updateTable('outreach_sources')
      .set({ token_hash: null, revoked_at: tx.clock.now() })
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'outreach-source.revoke-credential', resourceType: 'outreach-source', resourceId: row.id, purpose: 'outreach', details: { code: row.code, hint: row.token_hint } });
    return presentSource(row);
  });
}

import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { notFound } from '../../errors/catalogue.ts';
import { presentSource } from './present-source.ts';
import { hashSourceToken, newSourceToken, sourceTokenHint } from './source-token.ts';

/**
 * Issues a new ingestion credential for a source, replacing (and so invalidating) any earlier one.
 * The token is returned this once; only its SHA-256 and a hint are stored.
 */
export async function issueSourceToken(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'manage', 'outreach-source');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db.selectFrom('outreach_sources').select(['id', 'token_hash']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('No such source.');
    const token = newSourceToken();
    const row = await tx.db
      .updateTable('outreach_sources')
      .set({ token_hash: hashSourceToken(token), token_hint: sourceTokenHint(token), revoked_at: null })
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: current.token_hash ? 'outreach-source.rotate-credential' : 'outreach-source.issue-credential',
      resourceType: 'outreach-source',
      resourceId: row.id,
      purpose: 'outreach',
      details: { code: row.code, hint: row.token_hint },
    });
    return { source: presentSource(row), token };
  });
}

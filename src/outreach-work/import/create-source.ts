import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, DomainError, type FieldProblem } from '../../errors/catalogue.ts';
import { presentSource } from './present-source.ts';

export const SOURCE_CODE = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** A site or feed ads come from; `code` is the `source` value of its ad records (docs/ad-format.md). */
export async function createSource(ctx: Ctx, input: { code: string; name: string }) {
  assertCan(ctx.actor, 'manage', 'outreach-source');
  const code = input.code.trim();
  const name = input.name.trim();
  const problems: FieldProblem[] = [];
  if (!SOURCE_CODE.test(code)) {
    problems.push({ field: 'body.code', problem: 'Use 1 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit (e.g. "sexmarkt.nl").' });
  }
  if (!name) problems.push({ field: 'body.name', problem: 'Give the name of the source.' });
  else if (name.length > 200) problems.push({ field: 'body.name', problem: 'A name may have at most 200 characters.' });
  if (problems.length) throw new DomainError('VALIDATION_FAILED', `The source is not valid: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`, problems);

  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db.selectFrom('outreach_sources').select('id').where('code', '=', code).executeTakeFirst();
    if (existing) throw conflict(`A source with the code "${code}" already exists.`, 'body.code');
    const row = await tx.db
      .insertInto('outreach_sources')
      .values({ code, name, token_hash: null, token_hint: null, created_at: tx.clock.now(), created_by_user_id: tx.actor.userId, revoked_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'outreach-source.create', resourceType: 'outreach-source', resourceId: row.id, purpose: 'outreach', details: { code, name } });
    return presentSource(row);
  });
}

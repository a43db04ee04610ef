import { sql } from 'kysely';
import { loadActor } from '../access/load-actor.ts';
import type { Ctx } from '../context.ts';
import { nameToken } from '../crypto/blind-index.ts';
import { runRetention } from '../retention/run-retention.ts';
import { correctCase } from '../rights/correct-case.ts';

const DAY = 86_400_000;

/**
 * Demo data for data-subject rights, through the real operations as the demo registrar: one
 * correction (the spelling of a name, from a passport) and one retention dry run. No demo case is
 * anonymised: the demo data is recent, so nothing is due yet, and the dry run reports exactly that.
 */
export async function seedRights(ctx: Ctx, users: Map<string, string>, orgs: Map<string, string>): Promise<Record<string, number>> {
  void orgs;
  const base = ctx.clock.now().getTime();
  const registrar = (await loadActor(ctx.db, users.get('registrar@baken.example')!))!;
  const as = (daysAgo: number): Ctx => ({ ...ctx, actor: registrar, clock: { now: () => new Date(base - daysAgo * DAY) } });

  // The Vietnamese man registered by the police (seed-referral-mechanism.ts), found as a registrar
  // would: through the blind index of his name.
  const token = nameToken(ctx.keyring, 'nguyen')!;
  const target = await ctx.db
    .selectFrom('cases')
    .select('id')
    .where('status', '=', 'open')
    .where(sql<boolean>`name_tokens @> ${sql.val([token])}::text[]`)
    .orderBy('registered_at')
    .executeTakeFirst();
  let corrections = 0;
  if (target) {
    await correctCase(as(3), {
      id: target.id,
      changes: [{ field: 'name', value: 'Nguyễn Văn An' }],
      reason: 'Spelling with diacritics as in his passport, which he showed at the intake interview.',
    });
    corrections++;
  }
  await runRetention(as(1), { dryRun: true });
  return { corrections, retentionRuns: 1 };
}

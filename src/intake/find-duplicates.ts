import { sql } from 'kysely';
import type { Ctx } from '../context.ts';

export type DuplicateCandidate = { kind: 'case' | 'signal'; id: string; number: string; reasons: ('name' | 'date-of-birth')[] };

type Probe = { id: string; name_tokens: string[]; dob_token: string | null };

/**
 * Known persons that may be the same as the person in a signal, matched on blind-index tokens only
 * (no plaintext identity is compared or stored): at least two shared name words, or the same date
 * of birth plus one shared name word. One common first name alone is never a match.
 */
const score = (tokens: string[], dob: string | null) => sql<number>`(
  cardinality(array(select unnest(name_tokens) intersect select unnest(${sql.val(tokens)}::text[])))
  + case when ${dob}::text is not null and dob_token = ${dob} then 2 else 0 end)`;

export async function findDuplicates(ctx: Ctx, probe: Probe, limit = 10): Promise<DuplicateCandidate[]> {
  if (probe.name_tokens.length === 0 && !probe.dob_token) return [];
  const overlap = sql<boolean>`(name_tokens && ${sql.val(probe.name_tokens)}::text[] or (${probe.dob_token}::text is not null and dob_token = ${probe.dob_token}))`;
  const cases = await ctx.db
    .selectFrom('cases')
    .select(['id', 'case_number as number', 'name_tokens', 'dob_token'])
    .where(overlap)
    .where(score(probe.name_tokens, probe.dob_token), '>=', 2)
    .orderBy('registered_at', 'desc')
    .limit(limit)
    .execute();
  const signals = await ctx.db
    .selectFrom('signals')
    .select(['id', 'number', 'name_tokens', 'dob_token'])
    .where('status', '=', 'open')
    .where('id', '!=', probe.id)
    .where(overlap)
    .where(score(probe.name_tokens, probe.dob_token), '>=', 2)
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
  const reasons = (r: { name_tokens: string[]; dob_token: string | null }) => {
    const out: DuplicateCandidate['reasons'] = [];
    if (r.name_tokens.some((t) => probe.name_tokens.includes(t))) out.push('name');
    if (probe.dob_token && r.dob_token === probe.dob_token) out.push('date-of-birth');
    return out;
  };
  return [
    ...cases.map((r) => ({ kind: 'case' as const, id: r.id, number: r.number, reasons: reasons(r) })),
    ...signals.map((r) => ({ kind: 'signal' as const, id: r.id, number: r.number, reasons: reasons(r) })),
  ];
}

/**
 * How many known cases or open signals (up to 20 each) may be the same person as the signal row
 * `signals` of the surrounding query: the same rule as findDuplicates, as one correlated
 * subquery so a queue page costs one round trip.
 */
export function duplicateCountSql() {
  const rule = (t: string) => sql.raw(`(${t}.name_tokens && signals.name_tokens or (signals.dob_token is not null and ${t}.dob_token = signals.dob_token))
    and (cardinality(array(select unnest(${t}.name_tokens) intersect select unnest(signals.name_tokens)))
         + case when signals.dob_token is not null and ${t}.dob_token = signals.dob_token then 2 else 0 end) >= 2`);
  return sql<number>`case when signals.status <> 'open' or (cardinality(signals.name_tokens) = 0 and signals.dob_token is null) then 0 else
    (select count(*) from (select 1 from cases c where ${rule('c')} limit 20) x)::int
    + (select count(*) from (select 1 from signals o where o.status = 'open' and o.id <> signals.id and ${rule('o')} limit 20) y)::int end`;
}

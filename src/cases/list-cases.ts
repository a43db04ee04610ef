import { sql } from 'kysely';
import { assertCan, can } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { nameToken, nameWords } from '../crypto/blind-index.ts';
import { invalid } from '../errors/catalogue.ts';
import { ACCESS_PROFILES, ACCESS_PROFILE_CODES } from '../referrals/access-profiles.ts';
import { ACTIVE_REFERRAL_STATUSES } from './case-access.ts';
import { openJson, type Identity } from './person.ts';

export type ListCasesInput = {
  q?: string;
  status?: 'open' | 'closed';
  dossierType?: string;
  form?: string;
  region?: string;
  presumedMinor?: boolean;
  registeredFrom?: string;
  registeredTo?: string;
  cursor?: string;
  limit?: number;
};

const CASE_NUMBER = /^NRM-?[0-9A-Z-]*$/i;
const PROFILES_WITH_IDENTITY = ACCESS_PROFILE_CODES.filter((p) => (ACCESS_PROFILES[p].fieldGroups as readonly string[]).includes('identity'));

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw invalid('querystring.cursor', 'is not a cursor from a previous page.');
  return { at: date, id };
}

/**
 * The case list with filters, search by case number (prefix) or whole name words (blind index),
 * newest first, paged by cursor. Partners see only cases referred to them; names appear only for
 * viewers who may see identity. The listing is audited (it shows personal data).
 */
export async function listCases(ctx: Ctx, input: ListCasesInput) {
  assertCan(ctx.actor, 'list', 'case');
  const limit = Math.min(input.limit ?? 50, 200);
  const identityRole = ctx.actor.seesPersonalData && can(ctx.actor, 'read-identity', 'case');
  const orgId = ctx.actor.organisationId ?? '00000000-0000-0000-0000-000000000000';
  const q = input.q?.trim();
  const byNumber = q ? CASE_NUMBER.test(q) && /\d|^NRM/i.test(q) : false;
  let tokens: string[] = [];
  if (q && !byNumber) {
    if (!identityRole) throw invalid('querystring.q', 'Your role cannot search by name; search by case number instead.');
    tokens = nameWords([q]).map((w) => nameToken(ctx.keyring, w)).filter((t): t is string => t !== null);
    if (tokens.length === 0) throw invalid('querystring.q', 'Give a case number or at least one name word of two or more letters.');
  }

  return inTransaction(ctx, async (tx) => {
    let query = tx.db
      .selectFrom('cases')
      .leftJoin('organisations', 'organisations.id', 'cases.source_organisation_id')
      .select([
        'cases.id', 'cases.case_number', 'cases.status', 'cases.dossier_type', 'cases.registered_at', 'cases.presumed_minor', 'cases.estimated_age',
        'cases.sex', 'cases.forms', 'cases.region', 'cases.person_enc', 'organisations.name as source_organisation_name',
      ]);
    if (ctx.actor.scope !== 'all') {
      // An IN list the planner can drive from the referrals index (a partner has few referrals).
      const viaReferral = (profiles?: readonly string[]) =>
        sql<boolean>`cases.id in (select r.case_id from referrals r where r.organisation_id = ${orgId}
          and r.status in (${sql.join(ACTIVE_REFERRAL_STATUSES)})
          ${profiles ? sql`and r.access_profile in (${sql.join(profiles)})` : sql``})`;
      // The deciding body of an open identification procedure works on the (open) case; its access
      // includes identity (IDENTIFICATION_ACCESS), so name search finds these cases too.
      const viaProcedure = sql<boolean>`(cases.status = 'open' and cases.id in (select p.case_id from identification_procedures p
          where p.body_organisation_id = ${orgId} and p.status = 'open'))`;
      const mine = ctx.actor.userId ? sql<boolean>`cases.registered_by_user_id = ${ctx.actor.userId}` : sql<boolean>`false`;
      query = query.where(
        tokens.length ? sql<boolean>`(${viaReferral(PROFILES_WITH_IDENTITY)} or ${viaProcedure})` : sql<boolean>`(${viaReferral()} or ${viaProcedure} or ${mine})`,
      );
    }
    if (byNumber && q) query = query.where('cases.case_number', 'like', `${q.toUpperCase().replace(/[%_\\]/g, '')}%`);
    if (tokens.length) query = query.where(sql<boolean>`cases.name_tokens @> ${sql.val(tokens)}::text[]`);
    if (input.status) query = query.where('cases.status', '=', input.status);
    if (input.dossierType) query = query.where('cases.dossier_type', '=', input.dossierType);
    if (input.form) query = query.where(sql<boolean>`cases.forms @> ${sql.val([input.form])}::text[]`);
    if (input.region) query = query.where('cases.region', '=', input.region);
    if (input.presumedMinor !== undefined) query = query.where('cases.presumed_minor', '=', input.presumedMinor);
    if (input.registeredFrom) query = query.where('cases.registered_at', '>=', new Date(`${input.registeredFrom}T00:00:00Z`));
    if (input.registeredTo) query = query.where('cases.registered_at', '<', new Date(new Date(`${input.registeredTo}T00:00:00Z`).getTime() + 86_400_000));
    if (input.cursor) {
      const c = decodeCursor(input.cursor);
      query = query.where(sql<boolean>`(cases.registered_at, cases.id) < (${c.at}, ${c.id}::uuid)`);
    }
    const rows = await query.orderBy('cases.registered_at', 'desc').orderBy('cases.id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);

    // Names: for registrars (scope all) when the role sees identity; for partners only where the
    // referral's access profile includes identity.
    let namedCases = new Set<string>();
    if (identityRole && page.length) {
      if (ctx.actor.scope === 'all') namedCases = new Set(page.map((r) => r.id));
      else {
        const named = await tx.db
          .selectFrom('referrals')
          .select('case_id')
          .where('case_id', 'in', page.map((r) => r.id))
          .where('organisation_id', '=', orgId)
          .where('status', 'in', ACTIVE_REFERRAL_STATUSES)
          .where('access_profile', 'in', PROFILES_WITH_IDENTITY)
          .execute();
        const deciding = await tx.db
          .selectFrom('identification_procedures')
          .select('case_id')
          .where('case_id', 'in', page.map((r) => r.id))
          .where('body_organisation_id', '=', orgId)
          .where('status', '=', 'open')
          .execute();
        namedCases = new Set([...named, ...deciding].map((r) => r.case_id));
      }
    }
    await recordAudit(tx, {
      action: 'case.list',
      resourceType: 'case',
      purpose: 'case-work',
      details: { filters: { ...input, q: q ? (byNumber ? q : '[name search]') : undefined, cursor: undefined }, results: page.length, namesShown: namedCases.size },
    });
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        caseNumber: r.case_number,
        status: r.status,
        dossierType: r.dossier_type,
        registeredAt: r.registered_at.toISOString(),
        presumedMinor: r.presumed_minor,
        estimatedAge: r.estimated_age,
        sex: r.sex,
        forms: r.forms,
        region: r.region,
        sourceOrganisationName: r.source_organisation_name,
        name: namedCases.has(r.id) ? (openJson<Identity>(ctx.keyring, 'cases', 'person_enc', r.id, r.person_enc)?.name ?? null) : null,
      })),
      nextCursor: rows.length > limit && last ? Buffer.from(`${last.registered_at.toISOString()}|${last.id}`).toString('base64url') : null,
    };
  });
}

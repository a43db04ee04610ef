import type { CodeCheck } from '../cases/profile-codes.ts';
import type { Ctx } from '../context.ts';
import type { ConsentInput } from '../intake/signal-input.ts';
import { basisProblem, type BasisContext } from './consent-rules.ts';

/** Checks consents against the profile and the database; adds every problem to `check`. */
export async function validateConsents(ctx: Ctx, check: CodeCheck, consents: readonly ConsentInput[], basis: BasisContext, field: (i: number, name: string) => string) {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  for (const [i, consent] of consents.entries()) {
    const problem = basisProblem(check.profile, consent.purpose, consent.legalBasis, basis);
    if (problem) check.add(field(i, check.profile.consentPurposes.some((p) => p.code === consent.purpose) ? 'legalBasis' : 'purpose'), problem);
    if (consent.givenOn > today) check.add(field(i, 'givenOn'), 'cannot be in the future.');
    if (consent.organisationId) {
      const org = await ctx.db.selectFrom('organisations').select(['id', 'active']).where('id', '=', consent.organisationId).executeTakeFirst();
      if (!org) check.add(field(i, 'organisationId'), 'No such organisation.');
      else if (!org.active) check.add(field(i, 'organisationId'), 'The organisation is deactivated.');
    }
  }
}

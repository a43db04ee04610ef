import type { Ctx } from '../context.ts';
import { DomainError, type FieldProblem } from '../errors/catalogue.ts';
import { getProfile } from '../profiles/load-profile.ts';
import type { Profile } from '../profiles/profile-schema.ts';

/** The profile new signals and cases are registered under (config BAKEN_PROFILE, newest version). */
export const currentProfile = (ctx: Pick<Ctx, 'config'>): Profile => getProfile(ctx.config.profileId);

/**
 * Collects problems with codes that must come from the jurisdiction profile (indicators, forms,
 * sectors, regions, dossier types...). Call `throwProblems` once all are checked so that the answer
 * lists every wrong field at once.
 */
export class CodeCheck {
  readonly problems: FieldProblem[] = [];
  constructor(readonly profile: Profile) {}

  private check(field: string, value: string | null | undefined, allowed: readonly string[], what: string) {
    if (value == null) return;
    if (!allowed.includes(value)) this.problems.push({ field, problem: `"${value}" is not a known ${what} in profile ${this.profile.id}.` });
  }

  indicators(field: string, values: readonly string[] = []) {
    const known = this.profile.indicatorCategories.flatMap((c) => c.items.map((i) => i.code));
    values.forEach((v, i) => this.check(`${field}.${i}`, v, known, 'indicator'));
  }
  forms(field: string, values: readonly string[] = []) {
    values.forEach((v, i) => this.check(`${field}.${i}`, v, this.profile.formsOfExploitation.map((f) => f.code), 'form of exploitation'));
  }
  sector(field: string, value: string | null | undefined) {
    this.check(field, value, this.profile.sectors.map((s) => s.code), 'sector');
  }
  region(field: string, value: string | null | undefined) {
    this.check(field, value, this.profile.regions.map((r) => r.code), 'region');
  }
  dossierType(field: string, value: string | null | undefined) {
    this.check(field, value, this.profile.dossierTypes.map((d) => d.code), 'dossier type');
  }
  purpose(field: string, value: string) {
    this.check(field, value, this.profile.consentPurposes.map((p) => p.code), 'consent purpose');
  }
  referralType(field: string, value: string) {
    this.check(field, value, this.profile.referralTypes.map((r) => r.code), 'referral type');
  }
  add(field: string, problem: string) {
    this.problems.push({ field, problem });
  }
  throwProblems() {
    if (this.problems.length === 0) return;
    const first = this.problems[0]!;
    throw new DomainError('VALIDATION_FAILED', `${first.field}: ${first.problem}`, this.problems);
  }
}

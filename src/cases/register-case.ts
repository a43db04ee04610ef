import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import { recordAudit } from '../audit/record-audit.ts';
import { validateConsents } from '../consents/validate-consents.ts';
import type { Ctx } from '../context.ts';
import type { SignalsTable } from '../db/schema.ts';
import type { RegistrationInput } from '../intake/signal-input.ts';
import { linkCaseToOpenSignals } from '../intake/find-duplicates.ts';
import { freeNumber, newCaseNumber } from '../intake/signal-numbers.ts';
import type { Profile } from '../profiles/profile-schema.ts';
import { investigationOf } from './investigation.ts';
import { personColumns, sealJson, sealText } from './person.ts';
import { CodeCheck } from './profile-codes.ts';

/**
 * Registers a presumed victim from a signal, inside the caller's transaction (the triage decision).
 * Needs a legal basis for every purpose the profile requires before registration, and the consents
 * the chosen dossier type requires; all problems are listed at once.
 */
export async function registerCase(ctx: Ctx, signal: Selectable<SignalsTable> & { source_organisation_type: string | null }, profile: Profile, input: RegistrationInput) {
  const now = ctx.clock.now();
  const person = personColumns(ctx.keyring, 'cases', crypto.randomUUID(), input.person, now); // for the minor flag only
  const check = new CodeCheck(profile);
  const at = (i: number, name: string) => `body.registration.consents.${i}.${name}`;
  check.forms('body.registration.forms', input.forms);
  check.sector('body.registration.sector', input.sector);
  check.region('body.registration.region', input.region);
  check.dossierType('body.registration.dossierType', input.dossierType);
  input.consents.forEach((c, i) => check.purpose(at(i, 'purpose'), c.purpose));
  if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo) check.add('body.registration.periodTo', 'must not be before periodFrom.');
  await validateConsents(ctx, check, input.consents, {
    sourceOrganisationType: signal.source_organisation_type,
    recorderOrganisationType: ctx.actor.organisationType,
    presumedMinor: person.presumed_minor,
  }, at);
  const purposes = new Set(input.consents.map((c) => c.purpose));
  for (const p of profile.consentPurposes.filter((p) => p.requiredBefore.includes('registered'))) {
    if (!purposes.has(p.code)) check.add('body.registration.consents', `Registration needs a legal basis for "${p.code}".`);
  }
  for (const required of profile.dossierTypes.find((d) => d.code === input.dossierType)?.requiredConsents ?? []) {
    if (!purposes.has(required)) check.add('body.registration.dossierType', `Dossier type "${input.dossierType}" needs a legal basis for "${required}".`);
  }
  check.throwProblems();

  const id = crypto.randomUUID();
  const caseNumber = await freeNumber(ctx.db, 'cases', newCaseNumber, now);
  const investigation = investigationOf(input.investigation);
  const identityColumns = personColumns(ctx.keyring, 'cases', id, input.person, now);
  await ctx.db
    .insertInto('cases')
    .values({
      id,
      case_number: caseNumber,
      profile_id: signal.profile_id,
      profile_version: signal.profile_version,
      dossier_type: input.dossierType,
      registered_at: now,
      registered_by_user_id: ctx.actor.userId,
      source_signal_id: signal.id,
      source_organisation_id: signal.source_organisation_id,
      source_channel: signal.channel,
      legal_basis: signal.legal_basis,
      region: input.region ?? signal.region,
      first_signal_at: signal.received_at,
      ...identityColumns,
      sex: input.person.sex ?? null,
      citizenships: input.person.citizenships ?? [],
      languages: input.person.languages ?? [],
      interpreter_needed: input.person.interpreterNeeded ?? null,
      forms: input.forms,
      sector: input.sector ?? null,
      exploitation_location: input.exploitationLocation ?? null,
      place: input.place?.trim() || null,
      period_from: input.periodFrom ?? null,
      period_to: input.periodTo ?? null,
      description_enc: sealText(ctx.keyring, 'cases', 'description_enc', id, input.description),
      investigation_enc: investigation ? sealJson(ctx.keyring, 'cases', 'investigation_enc', id, investigation) : null,
      updated_at: now,
    })
    .execute();
  await linkCaseToOpenSignals(ctx, { id, ...identityColumns });
  await ctx.db
    .insertInto('case_dossier_history')
    .values({ case_id: id, dossier_type: input.dossierType, changed_at: now, changed_by_user_id: ctx.actor.userId, reason: 'Registration' })
    .execute();
  for (const c of input.consents) {
    await ctx.db
      .insertInto('consents')
      .values({
        case_id: id,
        purpose: c.purpose,
        legal_basis: c.legalBasis,
        organisation_id: c.organisationId ?? null,
        given_on: c.givenOn,
        note: c.note?.trim() || null,
        recorded_at: now,
        recorded_by_user_id: ctx.actor.userId,
        withdrawn_at: null,
        withdrawn_by_user_id: null,
        withdrawal_reason: null,
      })
      .execute();
  }
  await recordAudit(ctx, {
    action: 'case.register',
    resourceType: 'case',
    resourceId: id,
    purpose: 'registration',
    details: { signalId: signal.id, dossierType: input.dossierType, profile: `${signal.profile_id}@${signal.profile_version}`, consents: input.consents.map((c) => `${c.purpose}:${c.legalBasis}`) },
  });
  return { id, caseNumber };
}

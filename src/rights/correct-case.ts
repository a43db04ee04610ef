import crypto from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { openJson, personColumns, presumedMinor, sealJson, type Identity, type PersonInput } from '../cases/person.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError, conflict, type FieldProblem } from '../errors/catalogue.ts';
import { linkCaseToOpenSignals } from '../intake/find-duplicates.ts';
import {
  CORRECTABLE_FIELDS,
  EMPTY_IDENTITY,
  PERSON_COLUMNS,
  VALUE_SCHEMAS,
  currentValue,
  isIdentityField,
  sameValue,
  type CorrectableField,
  type FieldValue,
} from './correctable-fields.ts';
import { listCorrectionsIn } from './list-corrections.ts';

export type CorrectionInput = { id: string; changes: { field: string; value: unknown }[]; reason: string };

/**
 * Corrects person data of a case (rectification) with a mandatory reason. Each changed field
 * becomes a `case_corrections` row holding the old and the new value encrypted, so the history
 * survives the correction. The blind indexes (name words, name pairs, date of birth) and the
 * presumption of minority are recomputed from the corrected data, so search finds the person under
 * the new name and no longer under the old one. Nothing changes when any change is invalid or is
 * no change at all; closed and anonymised cases refuse (reopen a closed case first).
 */
export async function correctCase(ctx: Ctx, input: CorrectionInput) {
  const reason = input.reason.trim();
  const problems: FieldProblem[] = [];
  if (!reason) problems.push({ field: 'body.reason', problem: 'Give the reason for the correction.' });
  if (input.changes.length === 0) problems.push({ field: 'body.changes', problem: 'Name at least one field to correct.' });
  const parsed: { field: CorrectableField; value: FieldValue }[] = [];
  const seen = new Set<string>();
  input.changes.forEach((change, i) => {
    if (!(CORRECTABLE_FIELDS as readonly string[]).includes(change.field)) {
      problems.push({ field: `body.changes.${i}.field`, problem: `"${change.field}" is not a field that can be corrected (one of ${CORRECTABLE_FIELDS.join(', ')}).` });
      return;
    }
    if (seen.has(change.field)) problems.push({ field: `body.changes.${i}.field`, problem: `"${change.field}" is named twice.` });
    seen.add(change.field);
    const field = change.field as CorrectableField;
    const result = VALUE_SCHEMAS[field].safeParse(change.value);
    if (result.success) parsed.push({ field, value: result.data });
    else problems.push({ field: `body.changes.${i}.value`, problem: result.error.issues.map((issue) => issue.message).join('; ') });
  });
  if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.problem}`).join(' '), problems);

  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.id, 'correct', { forUpdate: true });
    if (row.anonymised_at) throw conflict('This case has been anonymised: it holds no personal data to correct.');
    if (row.status === 'closed') throw conflict('A closed case cannot be corrected; reopen it first.');
    const identity: Identity = { ...EMPTY_IDENTITY, ...openJson<Identity>(tx.keyring, 'cases', 'person_enc', row.id, row.person_enc) };
    const changes = parsed.map((c) => ({ ...c, old: currentValue(c.field, identity, row) }));
    const unchanged = changes.flatMap((c, i) => (sameValue(c.old, c.value) ? [{ field: `body.changes.${i}.value`, problem: `This is already the value of "${c.field}": there is nothing to correct.` }] : []));
    if (unchanged.length) throw new DomainError('VALIDATION_FAILED', unchanged.map((p) => p.problem).join(' '), unchanged);

    const now = tx.clock.now();
    const nextIdentity: Identity = { ...identity };
    const plain: Record<string, FieldValue> = {};
    for (const c of changes) {
      if (isIdentityField(c.field)) (nextIdentity as Record<string, FieldValue>)[c.field] = c.value;
      else plain[PERSON_COLUMNS[c.field]] = c.value;
    }
    const identityChanged = changes.some((c) => isIdentityField(c.field));
    const update: Record<string, unknown> = { ...plain, updated_at: now };
    if (identityChanged) {
      // Sealed and indexed as at registration (personColumns); names of signals merged into the
      // case stay findable, as decideSignal made them.
      const asInput = identityAsInput(nextIdentity);
      const sealed = personColumns(tx.keyring, 'cases', row.id, asInput, now);
      const merged = await tx.db.selectFrom('signals').select(['name_tokens', 'name_pairs']).where('case_id', '=', row.id).where('status', '=', 'merged').execute();
      const union = (own: string[], key: 'name_tokens' | 'name_pairs') => [...new Set([...own, ...merged.flatMap((m) => m[key])])];
      Object.assign(update, {
        person_enc: sealJson(tx.keyring, 'cases', 'person_enc', row.id, nextIdentity),
        name_tokens: union(sealed.name_tokens, 'name_tokens'),
        name_pairs: union(sealed.name_pairs, 'name_pairs'),
        dob_token: sealed.dob_token,
      });
    }
    // The presumption of minority follows a corrected age or date of birth; an explicit correction
    // of the flag itself wins (the registrar's call, Directive 2011/36/EU Art. 13(2)).
    const fields = new Set(changes.map((c) => c.field));
    if (!fields.has('presumedMinor') && (fields.has('estimatedAge') || fields.has('dateOfBirth'))) {
      const age = 'estimated_age' in plain ? (plain.estimated_age as number | null) : row.estimated_age;
      update.presumed_minor = presumedMinor({ estimatedAge: age ?? undefined, dateOfBirth: nextIdentity.dateOfBirth ?? undefined }, now);
    }
    await tx.db.updateTable('cases').set(update).where('id', '=', row.id).execute();
    if (identityChanged) {
      await linkCaseToOpenSignals(tx, { id: row.id, name_tokens: update.name_tokens as string[], name_pairs: update.name_pairs as string[], dob_token: update.dob_token as string | null });
    }
    for (const c of changes) {
      const id = crypto.randomUUID();
      await tx.db
        .insertInto('case_corrections')
        .values({
          id,
          case_id: row.id,
          field: c.field,
          old_enc: sealJson(tx.keyring, 'case_corrections', 'old_enc', id, c.old),
          new_enc: sealJson(tx.keyring, 'case_corrections', 'new_enc', id, c.value),
          reason,
          corrected_at: now,
          corrected_by_user_id: tx.actor.userId,
        })
        .execute();
    }
    await recordAudit(tx, {
      action: 'case.correct',
      resourceType: 'case',
      resourceId: row.id,
      purpose: 'rectification',
      details: { fields: [...fields], presumedMinor: update.presumed_minor ?? row.presumed_minor },
    });
    return listCorrectionsIn(tx, row.id);
  });
}

function identityAsInput(identity: Identity): PersonInput {
  return {
    name: identity.name ?? undefined,
    aliases: identity.aliases,
    dateOfBirth: identity.dateOfBirth ?? undefined,
    safeContactChannel: identity.safeContactChannel ?? undefined,
    contactDetails: identity.contactDetails ?? undefined,
    safetyNotes: identity.safetyNotes ?? undefined,
  };
}

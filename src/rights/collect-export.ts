import type { Selectable } from 'kysely';
import { openJson, openText, type Identity, type PersonInput } from '../cases/person.ts';
import type { Investigation } from '../cases/investigation.ts';
import { presentClock } from '../clocks/clock-query.ts';
import { presentConsent, selectConsents } from '../consents/consent-query.ts';
import type { Ctx } from '../context.ts';
import type { CasesTable } from '../db/schema.ts';
import { presentReferral, selectReferrals } from '../referrals/referral-query.ts';
import { listCorrectionsIn } from './list-corrections.ts';

/** Bump when a field is renamed or removed (adding fields keeps the version). Documented in docs/data-subject-rights.md. */
export const EXPORT_FORMAT = 'baken-case-export';
export const EXPORT_VERSION = 1;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Everything Baken holds about the person of a case, decrypted, in the documented export
 * structure. Reads only; the calling operation checks access and audits.
 */
export async function collectExport(ctx: Ctx, row: Selectable<CasesTable>) {
  const db = ctx.db;
  const source = row.source_organisation_id
    ? await db.selectFrom('organisations').select(['name', 'type']).where('id', '=', row.source_organisation_id).executeTakeFirst()
    : undefined;
  const dossier = await db
    .selectFrom('case_dossier_history')
    .leftJoin('users', 'users.id', 'case_dossier_history.changed_by_user_id')
    .select(['case_dossier_history.dossier_type', 'case_dossier_history.changed_at', 'case_dossier_history.reason', 'users.display_name'])
    .where('case_id', '=', row.id)
    .orderBy('case_dossier_history.seq')
    .execute();
  const signals = await db
    .selectFrom('signals')
    .leftJoin('organisations', 'organisations.id', 'signals.source_organisation_id')
    .selectAll('signals')
    .select('organisations.name as source_organisation_name')
    .where((eb) => eb.or([eb('signals.case_id', '=', row.id), eb('signals.id', '=', row.source_signal_id ?? '00000000-0000-0000-0000-000000000000')]))
    .orderBy('signals.received_at')
    .execute();
  const signalIds = signals.map((s) => s.id);
  const additions = signalIds.length
    ? await db.selectFrom('signal_additions').selectAll().where('signal_id', 'in', signalIds).orderBy('received_at').execute()
    : [];
  const consents = await selectConsents(db).where('consents.case_id', '=', row.id).orderBy('consents.recorded_at').execute();
  const referrals = await selectReferrals(db).where('referrals.case_id', '=', row.id).orderBy('referrals.requested_at').execute();
  const events = await db
    .selectFrom('case_events')
    .where((eb) => eb.or([eb('case_id', '=', row.id), ...(signalIds.length ? [eb('signal_id', 'in', signalIds)] : [])]))
    .selectAll()
    .orderBy('seq')
    .execute();
  const clocks = await db.selectFrom('clocks').selectAll().where('case_id', '=', row.id).orderBy('started_at').orderBy('id').execute();
  const clockHistory = clocks.length ? await db.selectFrom('clock_history').selectAll().where('clock_id', 'in', clocks.map((c) => c.id)).orderBy('seq').execute() : [];
  const procedures = await db
    .selectFrom('identification_procedures')
    .leftJoin('organisations', 'organisations.id', 'identification_procedures.body_organisation_id')
    .selectAll('identification_procedures')
    .select('organisations.name as body_organisation_name')
    .where('case_id', '=', row.id)
    .orderBy('requested_at')
    .execute();
  const decisions = await db.selectFrom('identification_decisions').selectAll().where('case_id', '=', row.id).orderBy('recorded_at').execute();
  const notes = await db
    .selectFrom('case_notes')
    .leftJoin('users', 'users.id', 'case_notes.author_user_id')
    .leftJoin('organisations', 'organisations.id', 'case_notes.author_organisation_id')
    .selectAll('case_notes')
    .select(['users.display_name', 'organisations.name as organisation_name'])
    .where('case_id', '=', row.id)
    .orderBy('created_at')
    .execute();
  const documents = await db
    .selectFrom('case_documents')
    .leftJoin('users', 'users.id', 'case_documents.uploaded_by_user_id')
    .leftJoin('organisations', 'organisations.id', 'case_documents.uploaded_by_organisation_id')
    .selectAll('case_documents')
    .select(['users.display_name', 'organisations.name as organisation_name'])
    .where('case_id', '=', row.id)
    .orderBy('uploaded_at')
    .execute();
  // Who looked at or changed the case: when, from which organisation, in which role. Staff names
  // are left out: the person's right is to know who (which body) received their data.
  const views = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .leftJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('organisations', 'organisations.id', 'audit_log.actor_organisation_id')
    .select(['audit_log.at', 'audit_log.action', 'audit_log.purpose', 'audit_log.actor_label', 'audit_log.actor_user_id', 'roles.name as role_name', 'organisations.name as organisation_name'])
    .where('audit_log.resource_type', '=', 'case')
    .where('audit_log.resource_id', '=', row.id)
    .where('audit_log.outcome', '=', 'ok')
    .orderBy('audit_log.seq')
    .execute();
  const corrections = await listCorrectionsIn(ctx, row.id);
  const k = ctx.keyring;

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: ctx.clock.now().toISOString(),
    case: {
      id: row.id,
      caseNumber: row.case_number,
      status: row.status,
      profile: { id: row.profile_id, version: row.profile_version },
      dossierType: row.dossier_type,
      registeredAt: row.registered_at.toISOString(),
      closedAt: iso(row.closed_at),
      closureReason: row.closure_reason,
      anonymisedAt: iso(row.anonymised_at as Date | null),
      identity: openJson<Identity>(k, 'cases', 'person_enc', row.id, row.person_enc),
      person: {
        estimatedAge: row.estimated_age,
        presumedMinor: row.presumed_minor,
        sex: row.sex,
        citizenships: row.citizenships,
        languages: row.languages,
        interpreterNeeded: row.interpreter_needed,
      },
      exploitation: {
        forms: row.forms,
        sector: row.sector,
        location: row.exploitation_location,
        place: row.place,
        periodFrom: row.period_from,
        periodTo: row.period_to,
        description: openText(k, 'cases', 'description_enc', row.id, row.description_enc),
      },
      investigation: openJson<Investigation>(k, 'cases', 'investigation_enc', row.id, row.investigation_enc),
      source: {
        organisationName: source?.name ?? null,
        organisationType: source?.type ?? null,
        channel: row.source_channel,
        region: row.region,
        firstSignalAt: row.first_signal_at.toISOString(),
        legalBasis: row.legal_basis,
      },
    },
    dossierHistory: dossier.map((h) => ({ dossierType: h.dossier_type, changedAt: h.changed_at.toISOString(), changedByName: h.display_name, reason: h.reason })),
    signals: signals.map((s) => ({
      id: s.id,
      number: s.number,
      relation: s.id === row.source_signal_id ? ('source' as const) : ('merged' as const),
      channel: s.channel,
      receivedAt: s.received_at.toISOString(),
      status: s.status,
      language: s.language,
      sourceOrganisationName: s.source_organisation_name,
      legalBasis: s.legal_basis,
      acuteDanger: s.acute_danger,
      minorInvolved: s.minor_involved,
      person: openJson<Identity & PersonInput>(k, 'signals', 'person_enc', s.id, s.person_enc),
      description: openText(k, 'signals', 'description_enc', s.id, s.description_enc),
      indicators: s.indicators,
      forms: s.forms,
      sector: s.sector,
      region: s.region,
      place: s.place,
      decision: s.decided_at ? { status: s.status, reason: s.decision_reason, decidedAt: s.decided_at.toISOString() } : null,
      additions: additions
        .filter((a) => a.signal_id === s.id)
        .map((a) => ({ receivedAt: a.received_at.toISOString(), text: openText(k, 'signal_additions', 'text_enc', a.id, a.text_enc) })),
    })),
    consents: consents.map(presentConsent),
    referrals: referrals.map(presentReferral),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      event: e.event,
      signalId: e.signal_id,
      subject: e.subject_type && e.subject_id ? { type: e.subject_type, id: e.subject_id } : null,
      by: e.actor_label,
      details: e.details as Record<string, unknown>,
    })),
    clocks: clocks.map((c) => presentClock(c, clockHistory.filter((h) => h.clock_id === c.id))),
    identification: {
      procedures: procedures.map((p) => ({
        id: p.id,
        stage: p.stage_code,
        decisionBody: p.decision_body,
        bodyOrganisationName: p.body_organisation_name,
        status: p.status,
        requestedAt: p.requested_at.toISOString(),
        closedAt: iso(p.closed_at),
      })),
      decisions: decisions.map((d) => ({
        id: d.id,
        procedureId: d.procedure_id,
        kind: d.kind,
        reviewCode: d.review_code,
        reviewsDecisionId: d.reviews_decision_id,
        status: d.status,
        outcome: d.outcome_code,
        decisionBody: d.decision_body,
        decidedOn: d.decided_on,
        requestedAt: iso(d.requested_at),
        recordedAt: d.recorded_at.toISOString(),
        reasons: openText(k, 'identification_decisions', 'reasons_enc', d.id, d.reasons_enc),
        documentIds: d.document_ids,
      })),
    },
    notes: notes.map((n) => ({
      id: n.id,
      visibility: n.visibility,
      body: openText(k, 'case_notes', 'body_enc', n.id, n.body_enc),
      authorName: n.display_name,
      organisationName: n.organisation_name,
      createdAt: n.created_at.toISOString(),
    })),
    documents: {
      contentIncluded: false,
      howToObtain: 'The contents of documents are not part of this export. A registrar downloads each document from the case page (Documents) and hands it over with this export.',
      items: documents.map((d) => ({
        id: d.id,
        documentType: d.document_type,
        fileName: openText(k, 'case_documents', 'file_name_enc', d.id, d.file_name_enc),
        mimeType: d.mime_type,
        sizeBytes: d.size_bytes,
        sha256: d.sha256,
        visibility: d.visibility,
        uploadedAt: d.uploaded_at.toISOString(),
        uploadedByName: d.display_name,
        organisationName: d.organisation_name,
        removedAt: iso(d.removed_at),
      })),
    },
    corrections: corrections.items,
    accessLog: views.map((v) => ({
      at: v.at.toISOString(),
      organisationName: v.organisation_name,
      role: v.role_name ?? (v.actor_user_id ? null : v.actor_label),
      action: v.action,
      purpose: v.purpose,
    })),
  };
}
export type CaseExport = Awaited<ReturnType<typeof collectExport>>;

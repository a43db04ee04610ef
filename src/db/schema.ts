/**
 * Table types for Kysely, one file per part of the system in ./tables (keep them in step with the
 * migrations in ./migrations). This file names every table of the database.
 */
import type * as F from './tables/foundation.ts';
import type * as R from './tables/referral-mechanism.ts';
import type * as C from './tables/case-work.ts';
import type * as O from './tables/outreach-work.ts';

export type * from './tables/foundation.ts';
export type * from './tables/referral-mechanism.ts';
export type * from './tables/case-work.ts';
export type * from './tables/outreach-work.ts';

export interface DB {
  organisations: F.OrganisationsTable;
  roles: F.RolesTable;
  role_grants: F.RoleGrantsTable;
  users: F.UsersTable;
  recovery_codes: F.RecoveryCodesTable;
  sessions: F.SessionsTable;
  audit_log: F.AuditLogTable;
  jobs: F.JobsTable;
  stored_files: F.StoredFilesTable;
  signals: R.SignalsTable;
  signal_additions: R.SignalAdditionsTable;
  signal_duplicates: R.SignalDuplicatesTable;
  cases: R.CasesTable;
  case_dossier_history: R.CaseDossierHistoryTable;
  consents: R.ConsentsTable;
  referrals: R.ReferralsTable;
  public_challenges_used: R.PublicChallengesUsedTable;
  case_events: C.CaseEventsTable;
  clocks: C.ClocksTable;
  clock_history: C.ClockHistoryTable;
  tasks: C.TasksTable;
  identification_procedures: C.IdentificationProceduresTable;
  identification_decisions: C.IdentificationDecisionsTable;
  case_notes: C.CaseNotesTable;
  case_documents: C.CaseDocumentsTable;
  case_corrections: C.CaseCorrectionsTable;
  retention_runs: C.RetentionRunsTable;
  outreach_sources: O.OutreachSourcesTable;
  outreach_imports: O.OutreachImportsTable;
  outreach_clusters: O.OutreachClustersTable;
  outreach_ads: O.OutreachAdsTable;
  outreach_ad_versions: O.OutreachAdVersionsTable;
  outreach_ad_keys: O.OutreachAdKeysTable;
  outreach_message_templates: O.OutreachMessageTemplatesTable;
  outreach_opt_outs: O.OutreachOptOutsTable;
  outreach_contacts: O.OutreachContactsTable;
  outreach_contact_events: O.OutreachContactEventsTable;
  outreach_weekly_counts: O.OutreachWeeklyCountsTable;
}

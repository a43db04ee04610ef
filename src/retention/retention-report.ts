import type { PlannedAction } from './plan-retention.ts';
import type { RecordType, RetentionAction, SkippedRule } from './retention-rules.ts';

export const REPORT_VERSION = 1;

/** Per record type and action: how many records, and the pseudonymous references (case / signal numbers) they belong to. */
export type ReportItem = { recordType: RecordType; action: RetentionAction; records: number; references: string[] };
export type ReportFailure = { kind: 'case' | 'signal'; reference: string; error: string };

/**
 * A run's report. Never personal data: counts, case and signal numbers, rule codes. A dry run
 * reports what a real run at `asOf` would do; a real run reports what it did.
 */
export type RetentionReport = {
  version: typeof REPORT_VERSION;
  dryRun: boolean;
  asOf: string;
  items: ReportItem[];
  totals: { targets: number; records: number; failures: number };
  failures: ReportFailure[];
  skippedRules: SkippedRule[];
};

const ORDER: RecordType[] = ['signal', 'note', 'document', 'identity', 'consent-record', 'referral', 'case'];

export function buildReport(input: {
  dryRun: boolean;
  asOf: Date;
  done: { reference: string; actions: PlannedAction[] }[];
  failures: ReportFailure[];
  skippedRules: SkippedRule[];
}): RetentionReport {
  const items = new Map<string, ReportItem>();
  for (const target of input.done) {
    for (const a of target.actions) {
      const key = `${a.recordType}/${a.action}`;
      const item = items.get(key) ?? { recordType: a.recordType, action: a.action, records: 0, references: [] };
      item.records += a.count;
      item.references.push(target.reference);
      items.set(key, item);
    }
  }
  const sorted = [...items.values()]
    .map((i) => ({ ...i, references: [...new Set(i.references)].sort() }))
    .sort((a, b) => ORDER.indexOf(a.recordType) - ORDER.indexOf(b.recordType) || a.action.localeCompare(b.action));
  return {
    version: REPORT_VERSION,
    dryRun: input.dryRun,
    asOf: input.asOf.toISOString(),
    items: sorted,
    totals: {
      targets: input.done.filter((t) => t.actions.length > 0).length,
      records: sorted.reduce((n, i) => n + i.records, 0),
      failures: input.failures.length,
    },
    failures: input.failures,
    skippedRules: [...input.skippedRules].sort((a, b) => `${a.profile}/${a.recordType}`.localeCompare(`${b.profile}/${b.recordType}`)),
  };
}

/** The demo accounts the server seeds (BAKEN_SEED_DEMO=always); one password for all. */
export const DEMO_PASSWORD = 'Baken-demo-2026!';

export const DEMO = {
  admin: 'admin@baken.example',
  registrar: 'registrar@baken.example',
  firstResponder: 'first-responder@baken.example',
  careCoordinator: 'care-coordinator@baken.example',
  serviceProvider: 'service-provider@baken.example',
  legalAid: 'legal-aid@baken.example',
  identificationBody: 'identification-body@baken.example',
  outreachWorker: 'outreach-worker@baken.example',
  /** A second outreach worker: approves templates written by the first (four-eyes rule), takes assignments. */
  outreachColleague: 'outreach-colleague@baken.example',
  analyst: 'analyst@baken.example',
} as const;

/** A value unique to this run and call, for names and e-mail addresses of created records. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

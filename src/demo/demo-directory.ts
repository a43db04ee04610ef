import type { OrganisationType } from '../identity/organisation-types.ts';

/**
 * The demo's organisations and people. Everything here is invented for demonstration; the README
 * lists the logins. Later capabilities add their own demo records in their own seed files.
 */
export const DEMO_PASSWORD = 'Baken-demo-2026!';
/** Demo only: every demo account that needs a second factor is enrolled with this TOTP secret. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const DEMO_ORGANISATIONS: { key: string; name: string; type: OrganisationType; region: string | null }[] = [
  { key: 'registrar', name: 'Centraal Informatiepunt Mensenhandel', type: 'registrar', region: null },
  { key: 'police', name: 'Politie – eenheid Rotterdam', type: 'police', region: 'rotterdam' },
  { key: 'labour', name: 'Arbeidsinspectie – team mensenhandel', type: 'labour-inspectorate', region: null },
  { key: 'border', name: 'Marechaussee – district Schiphol', type: 'border-police', region: null },
  { key: 'municipality', name: 'Gemeente Utrecht – zorg en veiligheid', type: 'municipality', region: 'midden-nederland' },
  { key: 'ngo', name: 'Stichting Uitweg', type: 'ngo', region: null },
  { key: 'shelter', name: 'Opvanghuis De Haven', type: 'shelter', region: 'noord-holland' },
  { key: 'care', name: 'Zorgcoördinatie regio Midden', type: 'care-coordination', region: 'midden-nederland' },
  { key: 'legal', name: 'Rechtshulp Mensenhandel', type: 'legal-aid', region: null },
  { key: 'health', name: 'GGD Amsterdam – seksuele gezondheid', type: 'health', region: 'amsterdam' },
  { key: 'guardian', name: 'Voogdij-instelling Jonge Vluchtelingen', type: 'guardian', region: null },
  { key: 'identification', name: 'Identificatiecommissie Mensenhandel', type: 'identification-body', region: null },
  { key: 'outreach', name: 'Online Outreach Team', type: 'outreach', region: null },
];

export const DEMO_USERS: { email: string; name: string; role: string; organisation: string }[] = [
  { email: 'admin@baken.example', name: 'Anouk de Beheerder', role: 'administrator', organisation: 'registrar' },
  { email: 'registrar@baken.example', name: 'Rachid Registrateur', role: 'registrar', organisation: 'registrar' },
  { email: 'first-responder@baken.example', name: 'Femke Agent', role: 'first-responder', organisation: 'police' },
  { email: 'care-coordinator@baken.example', name: 'Cor Zorgcoördinator', role: 'care-coordinator', organisation: 'care' },
  { email: 'service-provider@baken.example', name: 'Sanne Opvang', role: 'service-provider', organisation: 'shelter' },
  { email: 'legal-aid@baken.example', name: 'Lotte Rechtshulp', role: 'service-provider', organisation: 'legal' },
  { email: 'identification-body@baken.example', name: 'Ines Commissielid', role: 'identification-body-member', organisation: 'identification' },
  { email: 'outreach-worker@baken.example', name: 'Olga Outreach', role: 'outreach-worker', organisation: 'outreach' },
  { email: 'outreach-colleague@baken.example', name: 'Noor Outreach', role: 'outreach-worker', organisation: 'outreach' },
  { email: 'analyst@baken.example', name: 'Sem Statistiek', role: 'statistics-analyst', organisation: 'registrar' },
];

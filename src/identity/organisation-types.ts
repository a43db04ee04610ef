/** Organisation types known to Baken. Later the jurisdiction profile may narrow them per country. */
export const ORGANISATION_TYPES = [
  'police',
  'labour-inspectorate',
  'border-police',
  'municipality',
  'ngo',
  'shelter',
  'care-coordination',
  'legal-aid',
  'health',
  'guardian',
  'registrar',
  'identification-body',
  'outreach',
] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

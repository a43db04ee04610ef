/** The parts of a case that are shown or hidden together (see docs/referral-mechanism.md). */
export const FIELD_GROUPS = ['identity', 'person', 'exploitation', 'investigation', 'source', 'consents', 'referrals'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

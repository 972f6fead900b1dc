export const BODY_KINDS = ['EC', 'CC', 'CCOM', 'APPEALS', 'ELECTIONS', 'BRANCH_COMMITTEE', 'STAFF', 'NATIONAL_OFFICE'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** Bodies whose seats are filled only by their own elections (S2). */
export const INDEPENDENT_BODIES: readonly BodyKind[] = ['CCOM', 'APPEALS'];

export const MANDATE_ROLES = ['member', 'chair', 'secretary', 'treasurer', 'alternate', 'returning-officer', 'membership-secretary', 'staff'] as const;
export type MandateRole = (typeof MANDATE_ROLES)[number];

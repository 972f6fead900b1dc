/** A member's id, as the membership context issues it (also kept for former members). */
export type MemberId = string;

/** The case's internal id (a UUID issued by infrastructure); never shown to people. */
export type CaseId = string;

/**
 * Encrypted case content (narrative, place, a non-member's description, reasons, terms) as the
 * domain sees it: an opaque reference or ciphertext produced and read by infrastructure. The
 * domain stores and passes it on; it never looks inside and never decides anything from it.
 */
export type SealedRef = string & { readonly __sealedContent: true };

/** Marks a value produced by the sealing infrastructure as opaque content. */
export const sealedRef = (value: string): SealedRef => value as SealedRef;

/**
 * The sanctions a disciplinary panel (or the Appeals Committee, on appeal) can impose, by kind —
 * the one list. The disciplinary context decides them; notifications words the outcome notice
 * that names one; both read the kinds from here.
 * - `no_finding`: the complaint is not upheld;
 * - `warning`;
 * - `conditions`: written conditions the member must keep;
 * - `suspension`: rights removed until a date;
 * - `expulsion`: with the conditions under which readmission may be considered.
 */
export const SANCTION_KINDS = ['no_finding', 'warning', 'conditions', 'suspension', 'expulsion'] as const;

export type SanctionKind = (typeof SANCTION_KINDS)[number];

export const isSanctionKind = (v: unknown): v is SanctionKind => typeof v === 'string' && (SANCTION_KINDS as readonly string[]).includes(v);

/**
 * Kept only for `sanction-effects.sql-writer.ts`, which stays here until the sanction effects go
 * through ports owned by membership, identity and elections; everything else imports
 * `../sealed-snapshots`.
 */
export { rowsOf } from '../sealed-snapshots';

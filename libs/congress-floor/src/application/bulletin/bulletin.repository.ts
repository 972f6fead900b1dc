import type { Tx } from '@org/kernel';
import type { BulletinOrders, ContributionAuthor } from '../../domain/bulletin';

export interface BulletinRecord extends BulletinOrders {
  congressId: string;
  setBy: string;
  setAt: string;
}

export interface ContributionRecord {
  id: string;
  congressId: string;
  author: ContributionAuthor;
  title: string;
  text: string;
  words: number;
  publishedAt: string;
  withdrawnAt: string | null;
}

/** A retry's identity, kept on the contribution itself (SHA-256 of the key and of the request; no member id for a caucus). */
export interface ContributionKey {
  keySha256: string;
  requestSha256: string;
}

/** The bulletin's tables (schema `congress_floor`). */
export abstract class BulletinRepository {
  abstract bulletin(tx: Tx, congressId: string, forUpdate?: boolean): Promise<BulletinRecord | null>;
  abstract insertBulletin(tx: Tx, b: BulletinRecord): Promise<void>;
  /** Every contribution of the congress's bulletin, in the order they were published. */
  abstract contributions(tx: Tx, congressId: string): Promise<ContributionRecord[]>;
  abstract contribution(tx: Tx, id: string, forUpdate?: boolean): Promise<ContributionRecord | null>;
  /**
   * The contribution this author already published with this key (and that request's hash), if
   * any. It first takes a transaction-scoped lock on the key, so two requests with one key cannot
   * both insert.
   */
  abstract byKey(tx: Tx, congressId: string, author: ContributionAuthor, keySha256: string): Promise<{ id: string; requestSha256: string } | null>;
  abstract insertContribution(tx: Tx, c: ContributionRecord, key: ContributionKey | null): Promise<void>;
  abstract markWithdrawn(tx: Tx, id: string, at: string): Promise<void>;
}

import { DomainError, type DomainErrorKind } from '@org/kernel';

/** Error codes owned by the pre-congress discussion bulletin; `api/bulletin/bulletin-error.filter.ts` maps each to a status. */
export const BulletinErrorCode = {
  bulletinNotSet: 'bulletin_not_set',
  bulletinAlreadySet: 'bulletin_already_set',
  invalidBulletinOrders: 'invalid_bulletin_orders',
  bulletinNotOpenYet: 'bulletin_not_open_yet',
  bulletinClosed: 'bulletin_closed',
  contributionTooLong: 'contribution_too_long',
  invalidContribution: 'invalid_contribution',
  contributionNotFound: 'contribution_not_found',
  notTheAuthor: 'not_the_author',
  alreadyWithdrawn: 'contribution_already_withdrawn',
  mayNotPublishFor: 'may_not_publish_for',
  idempotencyKeyReused: 'idempotency_key_reused',
} as const;
export type BulletinErrorCode = (typeof BulletinErrorCode)[keyof typeof BulletinErrorCode];

export const bulletinError = (kind: DomainErrorKind, code: BulletinErrorCode, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(kind, code, message, details);

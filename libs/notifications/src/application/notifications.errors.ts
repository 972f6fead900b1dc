import { DomainError } from '@org/kernel';

/** The error codes this context answers with. */
export const NotificationErrors = {
  noMemberRecord: () =>
    new DomainError('unprocessable', 'no_member_record', 'This account is not linked to a member record, so it has no notification feed or preferences.'),
  notificationNotFound: () => new DomainError('not_found', 'notification_not_found', 'No such notification in your feed.'),
  badCursor: () => new DomainError('invalid', 'invalid_cursor', 'The cursor is not valid: pass back the nextCursor of the previous page unchanged.'),
};

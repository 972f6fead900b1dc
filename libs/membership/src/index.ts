/**
 * The membership context's public face: its Nest module, the register facade other contexts bind
 * their ports to, and the ports this context needs from others.
 */
export { MembershipModule } from './membership.module';
export {
  MembershipRegisterFacade,
  type RegisteredMember,
  type RegisteredPerson,
  type RegisteredContact,
  type RegisteredStatusChange,
  type RegisterDirectory,
} from './infrastructure/membership-register.facade';
export { StandingLookup } from './application/ports/standing-lookup.port';
export { ApplicationConfirmationNotifier } from './application/ports/application-confirmation.notifier';
export { OutboxApplicationConfirmationNotifier } from './infrastructure/outbox-application-confirmation.notifier';
export { loadMembershipConfig, type MembershipConfig } from './application/membership.config';

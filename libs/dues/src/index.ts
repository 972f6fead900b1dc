/**
 * The dues context's public face: its Nest module, the standing facade other contexts bind
 * their ports to, the ports this context needs, and the notifier adapters.
 */
export { DuesModule } from './dues.module';
export { DuesStandingFacade } from './infrastructure/dues-standing.facade';
export { DuesLevelBookFacade } from './infrastructure/dues-level-book.facade';
export { MembershipRegisterPort, type RegisteredMember } from './application/ports/membership-register.port';
export { DuesReminderNotifier, type DuesReminder } from './application/ports/dues-reminder-notifier.port';
export { RecordOnlyReminderNotifier, OutboxReminderNotifier } from './infrastructure/reminder-notifiers';
export { RecomputeStandingUseCase, type StandingRun } from './application/use-cases/recompute-standing.use-case';
export { DispatchRemindersUseCase } from './application/use-cases/dispatch-reminders.use-case';
export { loadDuesConfig, type DuesConfig } from './application/dues.config';

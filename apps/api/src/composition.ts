import type { DynamicModule, INestApplicationContext, Provider, Type } from '@nestjs/common';
import { CaucusesDemoContributor, CaucusesModule, CaucusMemberNames, CaucusMembershipCheck } from '@org/caucuses';
import { DisciplineDemoContributor, DisciplineModule, DisciplineRestrictions, MemberRegister, MemberSanctions, OfficeHolders } from '@org/discipline';
import { AccreditedDelegates, CaucusMotions, CongressFloorModule } from '@org/congress-floor';
import { CongressDelegatesFacade, ElectionsModule } from '@org/elections';
import { AccountHolderDirectory, AccountProvisioning, IdentityModule, IdentityNotifier, InvitationNotifier, MandateRecordsFacade } from '@org/identity';
import { RestrictionsPort } from '@org/kernel';
import { NotificationsModule, Outbox, OutboxIdentityNotifier, OutboxInvitationNotifier } from '@org/notifications';
import { DuesLevelBookFacade, DuesModule, DuesReminderNotifier, DuesStandingFacade, MembershipRegisterPort, OutboxReminderNotifier } from '@org/dues';
import {
  AccountHolderDirectoryFacade,
  ApplicationConfirmationNotifier,
  DuesLevelBook,
  MemberAccounts,
  MemberFactsFacade,
  MemberSanctionsFacade,
  MembershipModule,
  MembershipRegisterFacade,
  OutboxApplicationConfirmationNotifier,
  StandingLookup,
} from '@org/membership';
import type { AppConfig } from '@org/platform';
import { DataSource } from 'typeorm';
import { READINESS_PROBES } from './health/readiness-probe';
import { MemberSanctionsAdapter } from './member-sanctions.adapter';
import type { DemoContributor } from './seed/demo-contributor';

/**
 * Where bounded contexts are plugged into the API. Each context module brings its own
 * controllers, entities and processors; `portBindings` binds the ports one context defines to
 * another context's implementation.
 */
export const contextModules = (config: AppConfig): (Type<unknown> | DynamicModule)[] => {
  return [
    NotificationsModule.forApi(config, { readinessProbesToken: READINESS_PROBES }),
    MembershipModule,
    DuesModule,
    ElectionsModule,
    CongressFloorModule,
    // The disciplinary context: sealed (only this file imports it); its own connection and schema.
    DisciplineModule,
    // Caucuses: their own connection, schema and role; nothing reads who belongs to one (S13).
    CaucusesModule,
  ];
};

export const portBindings: Provider[] = [
  // Identity's emails (password reset) go through the notifications outbox.
  { provide: IdentityNotifier, useExisting: OutboxIdentityNotifier },
  // Invitations, welcomes (S14) and address changes go through the notifications outbox.
  { provide: InvitationNotifier, useExisting: OutboxInvitationNotifier },
  // Membership ⇄ identity: admissions and imports open accounts, and lapses and resignations end
  // sessions, in the register's transaction; identity reads who a member is through the register.
  { provide: MemberAccounts, useExisting: AccountProvisioning satisfies Type<MemberAccounts> },
  { provide: AccountHolderDirectory, useClass: AccountHolderDirectoryFacade satisfies Type<AccountHolderDirectory> },
  // S5/S9/S13: what a member may not do and until when — never why — from the disciplinary context.
  { provide: RestrictionsPort, useExisting: DisciplineRestrictions },
  // Discipline → membership and identity: the disciplinary context reads the register and the
  // mandates, and a final sanction changes a member's status, sessions and mandates, through ports
  // it defines, carried out by the contexts that own those tables — in the discipline transaction
  // they are given (so a finding and its effects commit together, exactly once).
  { provide: MemberRegister, useClass: MemberFactsFacade satisfies Type<MemberRegister> },
  { provide: OfficeHolders, useClass: MandateRecordsFacade satisfies Type<OfficeHolders> },
  MemberSanctionsFacade,
  MemberSanctionsAdapter,
  { provide: MemberSanctions, useExisting: MemberSanctionsAdapter satisfies Type<MemberSanctions> },
  // Membership ⇄ dues: each binds its port to the other's published facade (no import between them).
  { provide: MembershipRegisterPort, useClass: MembershipRegisterFacade satisfies Type<MembershipRegisterPort> },
  { provide: StandingLookup, useClass: DuesStandingFacade satisfies Type<StandingLookup> },
  { provide: DuesLevelBook, useClass: DuesLevelBookFacade satisfies Type<DuesLevelBook> },
  // Subs reminders go out through the notifications outbox (recorded in dues.reminders either way).
  { provide: DuesReminderNotifier, inject: [Outbox], useFactory: (outbox: Outbox) => new OutboxReminderNotifier(outbox) },
  // The e-mail that confirms a membership application goes out through the notifications outbox.
  { provide: ApplicationConfirmationNotifier, inject: [Outbox], useFactory: (outbox: Outbox) => new OutboxApplicationConfirmationNotifier(outbox) },
  // Caucuses → membership: names for a caucus's own roster and discussion, asked by id on the
  // platform's connection (the roster itself never leaves the caucuses schema).
  {
    provide: CaucusMemberNames,
    inject: [DataSource],
    useFactory: (ds: DataSource): CaucusMemberNames => ({
      namesOf: async (ids) => new Map((await new MemberFactsFacade().people(ds.manager, ids)).map((p) => [p.id, { name: `${p.firstName} ${p.lastName}`, status: p.status }])),
    }),
  },
  // The congress floor reads the accredited delegates through elections' facade.
  { provide: AccreditedDelegates, useExisting: CongressDelegatesFacade satisfies Type<AccreditedDelegates> },
  // Congress floor → caucuses: may the acting member submit, edit or withdraw a motion as this
  // caucus? Yes only if they are, now, a member of it and it has formed — asked on the caucuses'
  // own connection (the platform's role has no grant on the roster), before the floor's
  // transaction opens, so the floor's transaction is not passed. Yes or no; never who else.
  {
    provide: CaucusMotions,
    inject: [CaucusMembershipCheck],
    useFactory: (check: CaucusMembershipCheck): CaucusMotions => ({ mayActFor: (caucusId, memberId) => check.isMemberOfFormed(caucusId, memberId) }),
  },
];

/** Modules whose exports the port bindings above use (beyond the global ones). */
export const portModules = [IdentityModule, DisciplineModule, ElectionsModule, CaucusesModule];

/** Contexts that add to the demo organization on first start (providers of their modules). */
export const demoContributors: Type<DemoContributor>[] = [DisciplineDemoContributor, CaucusesDemoContributor];

/**
 * Operator tasks a CLI runs against a booted application context (the disciplinary context is
 * sealed: scripts reach it only through this file).
 */
export const operatorTasks = {
  /** Re-wraps every case key under the active master key (S11 key rotation); returns how many. */
  rotateDisciplineKeys: (app: INestApplicationContext): Promise<number> => DisciplineModule.rotateKeys(app),
  /** Writes up to `limit` queued invitations to the outbox (one transaction); returns how many. */
  writeQueuedInvitations: (app: INestApplicationContext, limit: number): Promise<number> => app.get(AccountProvisioning, { strict: false }).dispatchQueued(limit),
  /** An import's invitations: queued, sent, failed, without an address; null when there is no such import. */
  importInvitations: (app: INestApplicationContext, batchId: string) => app.get(AccountProvisioning, { strict: false }).progressOfImport(batchId),
};

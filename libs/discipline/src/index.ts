/**
 * The disciplinary context's public face: its Nest module, the restrictions adapter the app binds
 * the kernel's `RestrictionsPort` to (effects only: what and until when — never why, never which
 * case), and its demo-data contributor. Nothing here carries case data.
 */
export { DisciplineModule } from './discipline.module';
export { DisciplineRestrictions } from './infrastructure/discipline-restrictions.adapter';
export { DisciplineDemoContributor } from './infrastructure/demo/discipline-demo.contributor';
// The ports through which this context reaches the register and the mandates (bound by the app to
// the membership and identity contexts' services): it runs no SQL on their schemas.
export { MemberRegister, type RegisterPerson, type NamedMember, type BranchStay, type PersonalDetails } from './application/ports/member-register.port';
export { OfficeHolders, type HeldMandate, type NationalSeat } from './application/ports/office-holders.port';
export { MemberSanctions } from './application/ports/member-sanctions.port';

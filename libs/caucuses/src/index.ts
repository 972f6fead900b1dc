/**
 * The caucuses context's public face: its Nest module, the one port the composition binds for it
 * (names from the register), its settings loader, and the yes/no check a member acting for a caucus
 * is asked through (is *this* member in *this* formed caucus). Nothing here lists who belongs to a caucus.
 */
export { CaucusesModule } from './caucuses.module';
export { CaucusMembershipCheck } from './application/caucus-membership-check';
export { CaucusMemberNames, type CaucusMemberName } from './application/ports/caucus-member-names.port';
export { loadCaucusSettings, type CaucusSettings } from './application/caucus-settings';
export { CaucusesDemoContributor } from './infrastructure/demo/caucuses-demo.contributor';

/**
 * The caucuses context's public face: its Nest module, the one port the composition binds for it
 * (names from the register), and its settings loader. Nothing here tells who belongs to a caucus.
 */
export { CaucusesModule } from './caucuses.module';
export { CaucusMemberNames, type CaucusMemberName } from './application/ports/caucus-member-names.port';
export { loadCaucusSettings, type CaucusSettings } from './application/caucus-settings';
export { CaucusesDemoContributor } from './infrastructure/demo/caucuses-demo.contributor';

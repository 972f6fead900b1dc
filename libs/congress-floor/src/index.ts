/**
 * The congress floor's public face: its Nest module, the ports the composing app binds
 * (`AccreditedDelegates` to elections' facade, `CaucusMotions` to the caucuses context), and the
 * refusing caucus adapter (for an app composed without the caucuses context).
 */
export { CongressFloorModule } from './congress-floor.module';
export { AccreditedDelegates } from './application/ports/accredited-delegates.port';
export { CaucusMotions } from './application/ports/caucus-motions.port';
export { NoCaucusMotions } from './infrastructure/no-caucus-motions.adapter';

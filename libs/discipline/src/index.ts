/**
 * The disciplinary context's public face: its Nest module, the restrictions adapter the app binds
 * the kernel's `RestrictionsPort` to (effects only: what and until when — never why, never which
 * case), and its demo-data contributor. Nothing here carries case data.
 */
export { DisciplineModule } from './discipline.module';
export { DisciplineRestrictions } from './infrastructure/discipline-restrictions.adapter';
export { DisciplineDemoContributor } from './infrastructure/demo/discipline-demo.contributor';

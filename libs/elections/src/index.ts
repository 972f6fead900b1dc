/**
 * The elections context's public face: its Nest module and its configuration. The counting
 * engine is reached by scripts and benchmarks through `src/domain/counting` (see COUNTING.md).
 */
export { ElectionsModule } from './elections.module';
export { loadElectionsConfig, type ElectionsConfig } from './application/elections.config';
export { CongressDelegatesFacade } from './infrastructure/congress-delegates.facade';

/**
 * Module boundaries (shared/STYLE.md), enforced in CI by `npm run lint`.
 */
const CONTEXTS_WITHOUT_DISCIPLINE = '^libs/(kernel|platform|identity|audit|membership|dues|notifications|elections|congress-floor)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment: 'domain/ code imports nothing from Nest, TypeORM, class-validator or class-transformer.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: 'node_modules/(@nestjs|typeorm|class-validator|class-transformer)/' },
    },
    {
      name: 'kernel-is-framework-free',
      severity: 'error',
      from: { path: '^libs/kernel/' },
      to: { path: ['node_modules/(@nestjs|typeorm|class-validator|class-transformer)/', '^libs/(?!kernel/)'] },
    },
    {
      name: 'contexts-only-through-their-index',
      severity: 'error',
      comment: 'Other code reaches a context only through @org/<context> (its src/index.ts).',
      from: { path: '^(libs/([^/]+)|apps|scripts|bench|test)/' , pathNot: '^(scripts|bench|test/support)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'layers-inside-contexts',
      severity: 'error',
      comment:
        'Inside a context, dependencies point inwards: api/infrastructure → application → domain. application imports nothing from its own infrastructure or api (it declares a port; infrastructure implements it), domain nothing from application, infrastructure or api. (libs/discipline gets its own entry.)',
      from: { path: '^libs/(?!discipline/)([^/]+)/src/application/' },
      to: { path: '^libs/$1/src/(infrastructure|api)/' },
    },
    {
      name: 'layers-inside-contexts-domain',
      severity: 'error',
      comment: 'domain/ is the core of its context: it imports nothing from its application, infrastructure or api.',
      from: { path: '^libs/(?!discipline/)([^/]+)/src/domain/' },
      to: { path: '^libs/$1/src/(application|infrastructure|api)/' },
    },
    {
      name: 'discipline-is-sealed',
      severity: 'error',
      comment:
        'Nothing outside libs/discipline imports it, except the app composition that hosts it and its own tests.',
      from: { pathNot: ['^libs/discipline/', '^apps/api/src/composition\\.ts$', '^test/e2e/discipline/', '^bench/discipline'] },
      to: { path: '^libs/discipline/' },
    },
    {
      name: 'no-path-into-discipline',
      severity: 'error',
      comment: 'No path at all, direct or transitive, from executive, membership, elections or any other context into discipline.',
      from: { path: CONTEXTS_WITHOUT_DISCIPLINE },
      to: { path: '^libs/discipline/', reachable: true },
    },
    {
      name: 'discipline-layers',
      severity: 'error',
      comment:
        'Inside the disciplinary context dependencies point one way (domain ← application ← infrastructure/api): application/ defines the ports it needs and imports nothing from its own infrastructure/ or api/.',
      from: { path: '^libs/discipline/src/application/' },
      to: { path: '^libs/discipline/src/(infrastructure|api)/' },
    },
    {
      name: 'discipline-layers-domain',
      severity: 'error',
      comment: 'The disciplinary domain imports nothing from its own application/, infrastructure/ or api/.',
      from: { path: '^libs/discipline/src/domain/' },
      to: { path: '^libs/discipline/src/(application|infrastructure|api)/' },
    },
    {
      name: 'caucuses-are-sealed',
      severity: 'error',
      comment:
        'Who belongs to a caucus is protected like a complaint (S13): nothing outside libs/caucuses imports it, except the app composition that hosts it and its own tests.',
      from: { pathNot: ['^libs/caucuses/', '^apps/api/src/composition\\.ts$', '^test/e2e/caucuses/'] },
      to: { path: '^libs/caucuses/' },
    },
    {
      name: 'no-path-into-caucuses',
      severity: 'error',
      comment: 'No path at all, direct or transitive, from any other context (discipline, membership, elections, identity …) into caucuses.',
      from: { path: '^libs/(?!caucuses/)[^/]+/' },
      to: { path: '^libs/caucuses/', reachable: true },
    },
    {
      name: 'caucuses-reach-no-discipline-or-membership',
      severity: 'error',
      comment: 'The caucuses context reaches the register only through the port the composition binds; it imports no other context but the platform, kernel, identity (the route policy) and audit.',
      from: { path: '^libs/caucuses/' },
      to: { path: '^libs/(?!(caucuses|platform|kernel|identity|audit)/)' },
    },
    {
      name: 'application-through-its-transaction-port',
      severity: 'error',
      comment:
        'SQL-first persistence (docs/adr/0009-sql-first-persistence.md): the use cases, queries and jobs of these contexts take a `Tx` (@org/platform) and open transactions only through their context\'s transaction port — DisciplineTransactions, DuesTransactions, IdentityTransactions, MembershipTransactions, ElectionsTransactions, FloorTransactions, CaucusTransactions, each implemented by infrastructure/<context>-db.ts (floor-db.ts for the congress floor). application/ and domain/ import nothing from TypeORM or @nestjs/typeorm.',
      from: { path: '^libs/(discipline|dues|identity|membership|elections|congress-floor|caucuses)/src/(application|domain)/' },
      to: { path: 'node_modules/(typeorm|@nestjs/typeorm)/' },
    },
    {
      name: 'elections-layers',
      severity: 'error',
      comment:
        'Inside elections dependencies point one way (domain ← application ← infrastructure/api): application/ declares the ports it needs and imports nothing from its own infrastructure/ or api/, and domain/ nothing from them either.',
      from: { path: '^libs/elections/src/(application|domain)/' },
      to: { path: '^libs/elections/src/(infrastructure|api)/' },
    },
    {
      name: 'elections-domain-is-the-core',
      severity: 'error',
      comment: 'The elections domain imports nothing from its own application/ (nor, by elections-layers, from infrastructure/ or api/).',
      from: { path: '^libs/elections/src/domain/' },
      to: { path: '^libs/elections/src/application/' },
    },
    {
      name: 'elections-api-and-infrastructure-apart',
      severity: 'error',
      comment: 'The elections controllers reach persistence only through the use cases; the SQL adapters import nothing from the api/ (DTOs, controllers).',
      from: { path: '^libs/elections/src/(api|infrastructure)/' },
      to: { path: '^libs/elections/src/(api|infrastructure)/', pathNot: '^libs/elections/src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist', '^apps/web/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], mainFields: ['main', 'types'] },
  },
};

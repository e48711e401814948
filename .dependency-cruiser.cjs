// The layers of src/ and the imports they may make (docs/architecture.md explains them). Checked in CI:
//   npm run lint:layers
// A rule names what is forbidden; anything not forbidden is allowed. Type-only imports count too.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'floor-imports-nothing-above',
      comment: 'src/core is the floor (request context, domain errors, runMutation, paging): it may import only itself.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'only-the-roof-imports-the-roof',
      comment: 'src/api (schema, loader registry, Apollo plugins, limits, HTTP and WebSocket adapters) imports the features; nothing below imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/api/', '^src/main\\.ts$'] },
      to: { path: '^src/api/' },
    },
    {
      name: 'nothing-imports-the-entry',
      comment: 'src/main.ts starts the process; launchers (seeds/start-with-demo.ts) may call it, src/ may not.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'engine-is-pure',
      comment: 'src/matching is the pure engine: no database, no GraphQL, no features; only itself and the location rules of the privacy policy.',
      severity: 'error',
      from: { path: '^src/matching/', pathNot: '^src/matching/reference/' },
      to: {
        pathNot: ['^src/matching/', '^src/privacy/location-rules\\.ts$', '(^|/)node_modules/(piscina|ts-node)/', '^(node:)?(worker_threads|path|crypto|perf_hooks)$'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'reference-solvers-are-for-tests-and-benches',
      comment: 'src/matching/reference (exact solvers, random instances) is slow on purpose: only tests/ and bench/ use it.',
      severity: 'error',
      from: { path: '^(src|seeds|scripts)/', pathNot: '^src/matching/reference/' },
      to: { path: '^src/matching/reference/' },
    },
    {
      name: 'privacy-policy-stays-below-features',
      comment: 'src/privacy is the policy every feature asks; it may read core only (never a feature), so no feature can bend it.',
      severity: 'error',
      from: { path: '^src/privacy/' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/privacy/'] },
    },
    {
      name: 'db-knows-entities-only',
      comment: 'src/db opens the database; its entity registry (db/entities.ts) lists every *.entity.ts, nothing else of a feature.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/db/', '\\.entity\\.ts$', '\\.enums\\.ts$'] },
    },
    {
      name: 'features-do-not-open-the-database',
      comment: 'src/db opens the database and lists the entities; features get the data source from the request context.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/api/', '^src/db/', '^src/main\\.ts$'] },
      to: { path: '^src/db/' },
    },
    {
      name: 'authorization-below-features',
      comment: 'src/authorization (guards) reads core and the privacy policy only.',
      severity: 'error',
      from: { path: '^src/authorization/' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/privacy/', '^src/authorization/'] },
    },
    {
      name: 'activity-log-below-features',
      comment: 'src/activity (the append-only event log, the bus between processes, the hub and the resumable stream) is what features record into and subscriptions read from; it reads core only, so features and subscriptions depend on it one way.',
      severity: 'error',
      from: { path: '^src/activity/' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/activity/'] },
    },
    {
      name: 'service-does-not-depend-on-seeds-tests-or-benches',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(seeds|tests|bench|scripts)/' },
    },
    {
      name: 'tests-do-not-import-benches',
      severity: 'error',
      from: { path: '^tests/' },
      to: { path: '^bench/' },
    },
    {
      name: 'no-circular',
      comment: 'Files that import each other in a loop cannot be understood (or loaded) one at a time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.cjs', '.json'] },
  },
};

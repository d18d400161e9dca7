// Keeps the layer picture of docs/ARCHITECTURE.md true. Run by `npm run lint` and CI.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'platform-imports-no-feature',
      comment: 'platform is the bottom layer',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(?!platform/)' },
    },
    {
      name: 'pure-modules-no-io',
      comment: 'names and entities run in the browser: no node:* modules, no platform',
      severity: 'error',
      from: { path: '^src/(names|entities)/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-modules-stay-pure',
      severity: 'error',
      from: { path: '^src/(names|entities)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(?!names/|entities/)' },
    },
    {
      name: 'governance-below-features',
      severity: 'error',
      from: { path: '^src/governance/' },
      to: { path: '^src/(federation|exchange|matching|cases|incidents|screening|knowledge|app|cli)/' },
    },
    {
      name: 'federation-below-features',
      severity: 'error',
      from: { path: '^src/federation/' },
      to: { path: '^src/(exchange|matching|cases|incidents|screening|knowledge|app|cli)/' },
    },
    {
      name: 'features-below-app',
      severity: 'error',
      from: { path: '^src/(?!app/|cli/)' },
      to: { path: '^src/(app|cli)/' },
    },
    {
      name: 'app-below-cli',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'only-public-index',
      comment: 'another folder is entered through its index.ts only',
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'web-uses-pure-modules-only',
      severity: 'error',
      from: { path: '^web/src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/(?!names/|entities/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
  },
};

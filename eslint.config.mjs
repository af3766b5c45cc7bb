import nx from '@nx/eslint-plugin';

const frameworks = [
  '@nestjs/*',
  '@angular/*',
  'typeorm',
  'pg',
  '@electric-sql/*',
  'graphql',
  '@apollo/*',
  'express',
  'rxjs',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', '**/test-artifacts', '**/.empi-data*'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // Apps and the generator bundle every lib from source (webpack, esbuild): no lib is
          // compiled on its own, so the buildable-library check does not apply.
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // The engine and the shared domain types are pure TypeScript: no framework, no database.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], bannedExternalImports: frameworks },
            {
              sourceTag: 'type:engine',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: frameworks,
            },
            {
              sourceTag: 'type:fixtures',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: frameworks,
            },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain', 'type:engine'] },
            // Use cases over the link table, shared by the API and the CLI: no web framework.
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: ['type:domain', 'type:engine', 'type:persistence'],
              bannedExternalImports: ['@nestjs/*', '@angular/*', 'graphql', '@apollo/*', 'express'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:engine',
                'type:persistence',
                'type:service',
                'type:fixtures',
              ],
            },
            // The console talks to the API over HTTP only: it may share types, never server code.
            {
              sourceTag: 'scope:browser',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'natural'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:fixtures'] },
          ],
        },
      ],
    },
  },
  // Project eslint and webpack configs reach shared config by a relative path: build configuration, not a project import.
  { files: ['**/eslint.config.mjs', '**/webpack.config.js'], rules: { '@nx/enforce-module-boundaries': 'off' } },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

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
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // The engine and the shared domain types are pure TypeScript: no framework, no database.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], bannedExternalImports: frameworks },
            {
              sourceTag: 'type:engine',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: frameworks,
            },
            { sourceTag: 'type:fixtures', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: frameworks },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain', 'type:engine'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:engine', 'type:persistence', 'type:fixtures'],
            },
            // The console talks to the API over HTTP only: it may share types, never server code.
            { sourceTag: 'scope:browser', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'natural'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:fixtures'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

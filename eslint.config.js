// Lint rules, including the layer boundaries of docs/ARCHITECTURE.md as import restrictions per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A module talks to another only through its service and types (docs/ARCHITECTURE.md, dependency rule). */
const otherModuleInternals = {
  group: [
    '../*/*',
    '!../*/*.service',
    '!../*/*.types',
    '#server/modules/*/*',
    '!#server/modules/*/*.service',
    '!#server/modules/*/*.types',
  ],
  message: 'Use another module only through its *.service.ts and *.types.ts.',
};

const noDeepRelative = {
  group: ['../../*'],
  message: 'Use an alias (#server/…, #shared/…, #web/…) to leave a module.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.server.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      'no-restricted-imports': ['error', { patterns: [noDeepRelative] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', URL: 'readonly', console: 'readonly' },
    },
  },
  {
    // Tool config files must default-export; tests may use loose typing of JSON bodies.
    files: ['*.config.ts', 'vite.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', 'src/server/test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Migrations are frozen in time: they work on Kysely<any> and import nothing from the app.
    files: ['src/server/db/migrations/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['#server/*', '#shared/*', '../*'],
              message: 'Migrations never import application code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure code: shared contracts and domain, rules and types files.
    files: ['src/shared/**', 'src/server/**/*.rules.ts', 'src/server/**/*.types.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepRelative,
            {
              group: [
                'node:*',
                'kysely',
                'fastify',
                'pg',
                '@electric-sql/*',
                'react',
                '#server/db/*',
                '#server/http/*',
                '#web/*',
              ],
              allowTypeImports: true,
              message: 'Pure code does no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only repositories (and the db/jobs infrastructure) touch SQL; only http/ and routes know Fastify.
    // Tests and their support files arrange data directly, so they are exempt.
    files: ['src/server/modules/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/*.test.ts', '**/*.test-support.ts', '**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepRelative,
            {
              group: ['kysely', 'pg', '@electric-sql/*', '#server/db/*', 'fastify', '@fastify/*'],
              allowTypeImports: true,
              message:
                'Services and rules reach the database only through repositories, and HTTP only through routes.',
            },
            {
              group: ['../*/*.repository', '../*/*.routes'],
              message: 'Talk to another module through its service, never its tables or routes.',
            },
            otherModuleInternals,
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepRelative,
            {
              group: ['kysely', 'pg', '#server/db/*', '*.repository', './*.repository'],
              message: 'Routes call services.',
            },
            otherModuleInternals,
          ],
        },
      ],
    },
  },
  {
    // Infrastructure knows no module; app.ts and container.ts are the composition points.
    files: ['src/server/{db,jobs,lib}/**/*.ts', 'src/server/http/*.ts', 'src/server/config.ts'],
    ignores: ['src/server/http/app.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepRelative,
            { group: ['#server/modules/*', '../modules/*'], message: 'Infrastructure knows no module.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepRelative,
            {
              group: ['#server/*', 'node:*'],
              message: 'The web app talks to the server only through the HTTP API.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepRelative,
            { group: ['#web/modules/*', '../modules/*'], message: 'The UI kit knows no feature module.' },
          ],
        },
      ],
    },
  },
  {
    // Configuration is read in one place; everything else receives it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/server/config.ts', '**/*.test.ts', '**/*.pg-test.ts', 'src/server/test/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read environment variables only in src/server/config.ts.',
        },
      ],
    },
  },
);

// Lint rules: typescript-eslint's recommended set, plus the layering described in docs/architecture.md —
// only src/cli may print, and imports point down (cli -> present -> query -> catalog and page; page -> catalog).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const layer = (name, forbidden) => ({
  files: [`src/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((f) => ({
          group: [`../${f}/*`, `../${f}`],
          message: `src/${name} must not import src/${f}: imports point down (cli -> present -> query -> catalog and page; page -> catalog)`,
        })),
      },
    ],
  },
});

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // run() is async: a promise nobody awaits is a test whose assertions run after it ended, or an error nobody sees.
    files: ['src/**/*.ts', '__tests__/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  { files: ['src/cli/**/*.ts', '__tests__/**/*.ts', 'scripts/**/*.ts'], rules: { 'no-console': 'off' } },
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  layer('catalog', ['page', 'query', 'present', 'cli']),
  // The source page's reading (check-source): beside the catalogue, which it may use, never the reverse.
  layer('page', ['query', 'present', 'cli']),
  layer('query', ['present', 'cli']),
  layer('present', ['cli']),
  {
    // Presenters are told the working directory, the version, color and language; they never read them from the process.
    files: ['src/present/**/*.ts', 'src/query/**/*.ts', 'src/page/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'process', message: 'presenters and queries never read the environment: take it as a parameter' }] },
  },
);

/**
 * What a query loads (issue 22): a question on the embedded catalogue loads no YAML parser, no schema validator,
 * no node:crypto, no node:tty when no terminal is involved, no HTML reader and none of check-source's, diff's,
 * fmt's, validate's or export's code. Deterministic, not timed: each query command, in each format, runs in a
 * child process with a preloaded hook that records every module it requires (__tests__/fixtures/record-loads.js).
 *
 * Two views. The built modules run one by one (dist/cli/main.js, not the bundle): every file the run initialises
 * shows, and must be in HOT_PATH, so that a new import on the hot path fails here with its name. The bundle
 * (bin/ramq-access, what users run): everything it requires from outside itself, builtins and packages left
 * external, must be in BUNDLE_LOADS.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, ROOT } from './helpers';

const RECORDER = path.join(__dirname, 'fixtures', 'record-loads.js');
const UNBUNDLED = path.join(__dirname, 'fixtures', 'run-unbundled.js');

/** Every module a query may initialise, by the path the build gives it or its package's name. */
const HOT_PATH = new Set([
  // the command line: the program, the registry of commands (their declarations), the run's context
  'dist/cli/main.js',
  'dist/cli/command.js',
  'dist/cli/context.js',
  'dist/cli/decide-color.js',
  'dist/cli/errors.js',
  'dist/cli/exit-code.js',
  'dist/cli/help-layout.js',
  'dist/cli/program.js',
  'dist/cli/read-fd.js',
  'dist/cli/read-lines.js',
  'dist/cli/report-error.js',
  'dist/cli/shells.js',
  'dist/cli/terminal-width.js',
  'dist/cli/test-hold.js',
  'dist/cli/usage-failure.js',
  'dist/cli/write-fd.js',
  ...[
    'can',
    'check-source',
    'complete-words',
    'completion',
    'diff',
    'export',
    'fmt',
    'index',
    'list',
    'matrix',
    'search',
    'services',
    'shared',
    'show',
    'validate',
    'who',
  ].map((c) => `dist/cli/commands/${c}.js`),
  // presenting a question's answer
  'dist/present/entity-labels.js',
  'dist/present/formats.js',
  ...['csv', 'github', 'html', 'json', 'markdown', 'sarif', 'table'].map((f) => `dist/present/formats/${f}.js`),
  'dist/present/json-output.js',
  'dist/present/labels.js',
  'dist/present/markdown.js',
  'dist/present/messages/messages.js',
  'dist/present/messages/typography.js',
  'dist/present/messages/fr.js',
  'dist/present/options.js',
  'dist/present/present-access.js',
  'dist/present/present-batch.js',
  'dist/present/present-catalog.js',
  'dist/present/present-error.js',
  'dist/present/present-question-error.js',
  'dist/present/problems-on-demand.js',
  'dist/present/sanitize.js',
  'dist/present/source-line.js',
  'dist/present/text-formats.js',
  'dist/present/usage-problem.js',
  // the questions themselves
  'dist/query/access.js',
  'dist/query/ask.js',
  'dist/query/build-matrix.js',
  'dist/query/catalog-index.js',
  'dist/query/inflect.js',
  'dist/query/name-words.js',
  'dist/query/read-only-map.js',
  'dist/query/resolve-name.js',
  'dist/query/search-catalog.js',
  'dist/query/show-entity.js',
  'dist/query/stem-word.js',
  // the catalogue, from its prepared form
  'dist/catalog/freeze.js',
  'dist/catalog/invisible-characters.js',
  'dist/catalog/load-catalog.js',
  'dist/catalog/model.js',
  'dist/catalog/normalize-name.js',
  'dist/catalog/problem.js',
  'dist/catalog/similarity.js',
  'package.json',
  '__tests__/fixtures/run-unbundled.js',
  'commander',
  // commander's own requires (the bundle defers child_process until used, which it never is: see BUNDLE_LOADS)
  'node:buffer',
  'node:child_process',
  'node:events',
  'node:fs',
  'node:module',
  'node:path',
  'node:process',
]);

/** Loaded by the table format only: cli-table3 draws, string-width measures. */
const TABLE = ['cli-table3', 'string-width', 'strip-ansi', 'ansi-regex', 'emoji-regex', 'is-fullwidth-code-point', '@colors/colors'];

/** Never on the hot path, named so that the failure says which promise broke. */
const NEVER = [
  'yaml',
  'ajv',
  'diff',
  'parse5',
  'css-select',
  'unhomoglyph',
  'node:crypto',
  'node:tty',
  'node:net',
  'node:http',
  'node:https',
  'node:zlib',
  'node:os',
  'dist/catalog/parse-yaml.js',
  'dist/catalog/validate-catalog.js',
  'dist/catalog/catalog-validator.js',
  'dist/page/source-page.js',
  'dist/page/read-html.js',
  'dist/page/decode-page.js',
  'dist/page/page-styles.js',
  'dist/page/page-text.js',
  'dist/page/fetch-page.js',
  'dist/cli/http-fetch.js',
  'dist/catalog/catalog-text.js',
  'dist/catalog/format-catalog.js',
  'dist/query/check-source.js',
  'dist/query/diff-catalogs.js',
  'dist/present/present-check-source.js',
  'dist/present/present-diff.js',
  'dist/present/present-html.js',
  'dist/present/present-problems.js',
  'dist/present/present-sarif.js',
  'dist/cli/complete.js',
];

const QUESTIONS: readonly (readonly string[])[] = [
  ['services', 'podiatre'],
  ['who', 'SELAT'],
  ['can', 'podiatre', 'SELAT'],
  ['show', 'selat'],
  ['list', 'services'],
  ['search', 'aide'],
  ['matrix'],
];
const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;

const RUNS: readonly { readonly argv: readonly string[]; readonly stdin?: string; readonly also?: readonly string[] }[] = [
  ...QUESTIONS.flatMap((q) =>
    FORMATS.map((format) => ({
      argv: [...q, '--format', format],
      // search matches a note by its kind's name in either language: both languages' labels load with it.
      also: [...(format === 'table' ? TABLE : []), ...(q[0] === 'search' ? ['dist/present/messages/en.js'] : [])],
    })),
  ),
  { argv: ['services', 'podiatre', '--lang', 'en', '--json'], also: ['dist/present/messages/en.js'] },
  { argv: ['services', '--batch'], stdin: 'podiatre\npodiatrist\n' },
  { argv: ['can', '--batch'], stdin: 'podiatre\tSELAT\n' },
  { argv: ['--version'] },
  { argv: ['--help'], also: TABLE },
  { argv: ['services', '--help'], also: TABLE },
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-loads-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The modules a run loads, with its exit code; stdout and stderr are pipes, as when a script reads the answer. */
function loadsOf(command: readonly string[], stdin = '', env: Record<string, string> = {}): { loaded: string[]; status: number | null; stderr: string } {
  const out = path.join(dir, 'loads.txt');
  fs.rmSync(out, { force: true });
  const r = spawnSync(process.execPath, ['-r', RECORDER, ...command], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'], LANG: 'fr_CA.UTF-8', ...env, RAMQ_TEST_LOADS: out },
  });
  const loaded = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').split('\n').filter(Boolean) : [];
  return { loaded, status: r.status, stderr: r.stderr };
}

describe('the built modules a query initialises are the hot path, and nothing else', () => {
  test.each(RUNS.map((r) => [r.argv.join(' '), r] as const))('%s', (_label, run) => {
    const { loaded, status, stderr } = loadsOf([UNBUNDLED, ...run.argv], run.stdin);
    expect(stderr).toBe('');
    expect(status === 0 || (run.argv[0] === 'can' && status === 1)).toBe(true);
    expect(loaded.length).toBeGreaterThan(10);
    const allowed = new Set([...HOT_PATH, ...(run.also ?? [])]);
    expect(loaded.filter((m) => !allowed.has(m))).toEqual([]);
    expect(loaded.filter((m) => NEVER.includes(m))).toEqual([]);
  });
});

/** What the bundle may require from outside itself on a query: builtins Node has loaded before any script runs, the bundle's loader, and package.json (the version). */
const BUNDLE_LOADS = new Set([
  'bin/ramq-access',
  'dist/cli/start.js',
  'package.json',
  'node:fs',
  'node:module',
  'node:path',
  'node:vm',
  'node:process',
  'node:buffer',
  'node:events',
]);

describe('the bundle requires nothing more on a query', () => {
  test.each(RUNS.map((r) => [r.argv.join(' '), r] as const))('%s', (_label, run) => {
    const { loaded, status, stderr } = loadsOf([BIN, ...run.argv], run.stdin);
    expect(stderr).toBe('');
    expect(status === 0 || (run.argv[0] === 'can' && status === 1)).toBe(true);
    expect(loaded).toContain('dist/cli/start.js');
    expect(loaded.filter((m) => !BUNDLE_LOADS.has(m))).toEqual([]);
  });

  test('the recorder sees what the bundle loads off the hot path (validate FILE loads yaml and the validator), so its silence above means something', () => {
    const copy = path.join(dir, 'catalog.yaml');
    fs.copyFileSync(path.join(ROOT, 'catalog.yaml'), copy);
    const { loaded, status } = loadsOf([BIN, 'validate', copy]);
    expect(status).toBe(0);
    expect(loaded).toEqual(expect.arrayContaining(['yaml', 'dist/catalog/catalog-validator.js']));
  });
});

describe('a catalogue other than the embedded one is parsed and validated on every run (issue 29: no cache)', () => {
  test('two runs of the bundle on the same --catalog FILE, and one on `-`: each loads YAML and the validator, none node:crypto, and nothing is written', () => {
    const copy = path.join(dir, 'copy.yaml');
    fs.copyFileSync(path.join(ROOT, 'catalog.yaml'), copy);
    const cacheHome = fs.mkdtempSync(path.join(dir, 'cache-'));
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const env = { XDG_CACHE_HOME: cacheHome, HOME: home };
    const runs = [
      loadsOf([BIN, '--catalog', copy, 'services', 'podiatre', '--json'], '', env),
      loadsOf([BIN, '--catalog', copy, 'services', 'podiatre', '--json'], '', env),
      loadsOf([BIN, '--catalog', '-', 'services', 'podiatre', '--json'], fs.readFileSync(copy, 'utf8'), env),
    ];
    for (const { loaded, status, stderr } of runs) {
      expect([status, stderr]).toEqual([0, '']);
      expect(loaded).toEqual(expect.arrayContaining(['yaml', 'dist/catalog/catalog-validator.js']));
      expect(loaded).not.toContain('node:crypto');
    }
    expect([fs.readdirSync(cacheHome), fs.readdirSync(home)]).toEqual([[], []]);
  });
});

describe('diff reads the embedded catalogue in its prepared form (issue 22, part 4)', () => {
  test('diff of the embedded catalogue against itself parses nothing and validates nothing', () => {
    const { loaded, status, stderr } = loadsOf([UNBUNDLED, 'diff', 'catalog.yaml', 'catalog.yaml', '--json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(loaded).toContain('dist/query/diff-catalogs.js');
    expect(loaded.filter((m) => ['yaml', 'ajv', 'dist/catalog/validate-catalog.js', 'dist/catalog/parse-yaml.js'].includes(m))).toEqual([]);
  });

  test('a side that differs by one byte is parsed and validated in full', () => {
    const copy = path.join(dir, 'changed.yaml');
    fs.writeFileSync(copy, `${fs.readFileSync(path.join(ROOT, 'catalog.yaml'), 'utf8')}\n`);
    const { loaded, status } = loadsOf([UNBUNDLED, 'diff', 'catalog.yaml', copy, '--json']);
    expect(status).toBe(0);
    expect(loaded).toEqual(expect.arrayContaining(['yaml', 'dist/catalog/validate-catalog.js']));
  });
});

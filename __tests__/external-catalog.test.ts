/**
 * A catalogue other than the embedded one (named with --catalog, with $RAMQ_ACCESS_CATALOG, or read from
 * `-`) is read and validated on every run, as a validator does: there is no cache of prepared catalogues
 * any more (issue 29). It answers exactly as the embedded one does, a catalogue with problems is refused,
 * and no run writes anything where a cache would be. In process, through runCli; module-load.test.ts checks
 * through the real binary that every run on such a catalogue loads the YAML parser and the validator.
 *
 * The cases of the former prepared-cache.test.ts that still mean something without a cache live here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CATALOG, FIXTURES, jsonErrorCode, runCli, type RunOutput } from './helpers';

const TEXT = fs.readFileSync(CATALOG, 'utf8');
/** The shipped catalogue with one visible change, so that an answer shows which text it came from. */
const COPY = TEXT.replace('name_en: Podiatrist\n', 'name_en: Podiatrist (local copy)\n');

let dir: string;
/** An exact copy of the embedded catalogue, elsewhere: the same text, not the embedded file. */
let same: string;
let copy: string;
/** Where a cache would be written, and the home folder: each must stay empty. */
let cacheHome: string;
let home: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-external-'));
  same = path.join(dir, 'same.yaml');
  copy = path.join(dir, 'copy.yaml');
  fs.writeFileSync(same, TEXT);
  fs.writeFileSync(copy, COPY);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  cacheHome = fs.mkdtempSync(path.join(dir, 'cache-'));
  home = fs.mkdtempSync(path.join(dir, 'home-'));
  env = { XDG_CACHE_HOME: cacheHome, HOME: home };
});

/** Every file and folder under a folder, relative to it. */
function contents(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
}

function expectNothingWritten(): void {
  expect({ cache: contents(cacheHome), home: contents(home) }).toEqual({ cache: [], home: [] });
}

/** Every query command, with a question, in every format it offers (formerly: a cache hit answers as a miss and as --no-cache). */
const QUESTIONS: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  ['services', ['services', 'podiatre'], ['table', 'json', 'csv', 'markdown']],
  ['who', ['who', 'SELAT'], ['table', 'json', 'csv', 'markdown']],
  ['can', ['can', 'podiatre', 'mon-dossier'], ['table', 'json', 'csv', 'markdown']],
  ['show', ['show', 'podiatre'], ['table', 'json', 'csv', 'markdown']],
  ['list', ['list', 'clienteles'], ['table', 'json', 'csv', 'markdown']],
  ['search', ['search', 'podiatre', 'aide'], ['table', 'json', 'csv', 'markdown']],
  ['matrix', ['matrix'], ['table', 'json', 'csv', 'markdown']],
  ['export', ['export'], ['html', 'json']],
];

describe('a copy of the embedded catalogue, given each way, answers exactly as the embedded one', () => {
  test.each(QUESTIONS)('%s, every format', async (_name, question, formats) => {
    for (const format of formats) {
      const argv = [...question, '--format', format];
      const embedded = await runCli(argv, env);
      expect([format, embedded.code === 0 || question[0] === 'can']).toEqual([format, true]);
      expect([format, await runCli(['--catalog', same, ...argv], env)]).toEqual([format, embedded]);
      expect([format, await runCli(argv, { ...env, RAMQ_ACCESS_CATALOG: same })]).toEqual([format, embedded]);
      expect([format, await runCli(['--catalog', '-', ...argv], env, false, TEXT)]).toEqual([format, embedded]);
    }
    expectNothingWritten();
  });

  test('a name that names nothing, and --batch, answer the same', async () => {
    const cases: readonly (readonly [string[], string])[] = [
      [['services', 'barista'], ''],
      [['services', 'barista', '--json'], ''],
      [['services', '--batch'], 'podiatre\nbarista\nselat\n'],
      [['who', '--batch'], 'SELAT\nmessagerie\npodiatre\n'],
      [['can', '--batch'], 'podiatre\tSELAT\nSELAT\tpodiatre\n'],
    ];
    for (const [argv, input] of cases) {
      const embedded = await runCli(argv, env, false, input);
      expect(embedded.code).not.toBe(0);
      expect([argv, await runCli(['--catalog', same, ...argv], env, false, input)]).toEqual([argv, embedded]);
      expect([argv, await runCli(argv, { ...env, RAMQ_ACCESS_CATALOG: same }, false, input)]).toEqual([argv, embedded]);
    }
    expectNothingWritten();
  });
});

describe('the answer is the catalogue’s own, read on every run', () => {
  const podiatristOf = (out: RunOutput): unknown => (JSON.parse(out.stdout) as { clientele: { name_en: string } }).clientele.name_en;

  test('given with --catalog, $RAMQ_ACCESS_CATALOG or `-`, never the embedded catalogue’s', async () => {
    const question = ['services', 'podiatre', '--json'];
    expect(podiatristOf(await runCli(question, env))).toBe('Podiatrist');
    expect(podiatristOf(await runCli(['--catalog', copy, ...question], env))).toBe('Podiatrist (local copy)');
    expect(podiatristOf(await runCli(question, { ...env, RAMQ_ACCESS_CATALOG: copy }))).toBe('Podiatrist (local copy)');
    expect(podiatristOf(await runCli(['--catalog', '-', ...question], env, false, COPY))).toBe('Podiatrist (local copy)');
    expectNothingWritten();
  });

  test('a catalogue changed between two runs answers with its new text, and refused once it has a problem', async () => {
    const file = path.join(dir, 'changing.yaml');
    const question = ['--catalog', file, 'services', 'podiatre', '--json'];
    fs.writeFileSync(file, COPY);
    expect(podiatristOf(await runCli(question, env))).toBe('Podiatrist (local copy)');
    fs.writeFileSync(file, TEXT);
    expect(podiatristOf(await runCli(question, env))).toBe('Podiatrist');
    fs.writeFileSync(file, TEXT.replace('kind: profession\n', 'kind: professions\n'));
    const refused = await runCli(question, env);
    expect(refused.code).toBe(3);
    expect(jsonErrorCode(refused.stdout)).toBe('CATALOG_ERROR');
    expectNothingWritten();
  });

  test('a cache folder an earlier version left, with an entry forged for this very text, is neither read nor changed', async () => {
    const old = path.join(cacheHome, 'ramq-access');
    fs.mkdirSync(old, { mode: 0o700 });
    const forged = { format: 1, source: COPY, catalog: { name_en: 'Podiatrist (forged)' } };
    // Named as such an entry was: a SHA-256 (of the text), then a key's digest.
    fs.writeFileSync(path.join(old, `${'0'.repeat(64)}-0123456789abcdef.json`), JSON.stringify(forged), { mode: 0o600 });
    const before = contents(cacheHome).map((f) => `${f} ${fs.statSync(path.join(cacheHome, f)).mtimeMs}`);
    expect(podiatristOf(await runCli(['--catalog', copy, 'services', 'podiatre', '--json'], env))).toBe('Podiatrist (local copy)');
    expect(contents(cacheHome).map((f) => `${f} ${fs.statSync(path.join(cacheHome, f)).mtimeMs}`)).toEqual(before);
  });
});

describe('a catalogue with problems is refused, each way it is given', () => {
  const BAD = TEXT.replace('kind: profession\n', 'kind: professions\n');

  test.each(['--catalog FILE', 'RAMQ_ACCESS_CATALOG', '-'])(
    '%s: exit 3, no answer, the problems on stderr with their place; with --json one error document',
    async (how) => {
      const file = path.join(dir, 'bad.yaml');
      fs.writeFileSync(file, BAD);
      const ask = async (argv: string[]): Promise<RunOutput> =>
        how === '-'
          ? await runCli(['--catalog', '-', ...argv], env, false, BAD)
          : how === 'RAMQ_ACCESS_CATALOG'
            ? await runCli(argv, { ...env, RAMQ_ACCESS_CATALOG: file })
            : await runCli(['--catalog', file, ...argv], env);
      for (const question of QUESTIONS.map(([, q]) => [...q])) {
        const out = await ask(question);
        expect([question, out.code, out.stdout]).toEqual([question, 3, '']);
        // A line saying which catalogue, then one line per problem, each with its file, line and column.
        const lines = out.stderr.trim().split('\n');
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines.slice(1)) expect(line).toMatch(/:\d+:\d+: SCHEMA /);
        const json = await ask([...question, ...(question[0] === 'export' ? ['--format', 'json'] : ['--json'])]);
        expect([question, json.code, jsonErrorCode(json.stdout)]).toEqual([question, 3, 'CATALOG_ERROR']);
      }
      expectNothingWritten();
    },
  );

  test('a catalogue that does not exist: exit 3, FILE_UNREADABLE, no answer', async () => {
    const missing = ['--catalog', path.join(dir, 'missing.yaml'), 'services', 'podiatre'];
    const out = await runCli(missing, env);
    expect([out.code, out.stdout]).toEqual([3, '']);
    const json = await runCli([...missing, '--json'], env);
    const error = (JSON.parse(json.stdout) as { error: { code: string; problems: { code: string }[] } }).error;
    expect([json.code, error.code, error.problems.map((p) => p.code)]).toEqual([3, 'CATALOG_ERROR', ['FILE_UNREADABLE']]);
  });
});

describe('nothing is written where a cache would be', () => {
  test('by any query, validate, fmt --check, diff or check-source on another catalogue, nor on the embedded one', async () => {
    const page = path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt');
    for (const argv of [
      ...QUESTIONS.map(([, q]) => ['--catalog', copy, ...q]),
      ...QUESTIONS.map(([, q]) => [...q]),
      ['validate', copy],
      ['--catalog', copy, 'validate'],
      ['fmt', '--check', copy],
      ['diff', CATALOG, copy],
      ['--catalog', copy, 'check-source', page],
      ['--catalog', copy, '__complete', '--', 'services', 'podi'],
    ]) {
      // An answer: 0, or 1 for diff (the copy differs by one name); never an error.
      expect([argv, (await runCli(argv, env)).code]).toEqual([argv, argv[0] === 'diff' ? 1 : 0]);
    }
    expectNothingWritten();
  });
});

describe('the cache’s switches are gone', () => {
  test('--no-cache is an unknown option: exit 2, one line and where the help is, no answer', async () => {
    for (const argv of [
      ['--no-cache', 'services', 'podiatre'],
      ['services', 'podiatre', '--no-cache'],
      ['--catalog', copy, 'services', 'podiatre', '--no-cache'],
    ]) {
      const out = await runCli(argv, env);
      expect([argv, out.code, out.stdout]).toEqual([argv, 2, '']);
      expect(out.stderr.trim().split('\n')).toHaveLength(2);
      expect(out.stderr).toContain('--no-cache');
    }
    const json = await runCli(['services', 'podiatre', '--json', '--no-cache'], env);
    expect([json.code, jsonErrorCode(json.stdout)]).toEqual([2, 'USAGE_ERROR']);
  });

  test('RAMQ_ACCESS_NO_CACHE means nothing: the same answer', async () => {
    const argv = ['--catalog', copy, 'services', 'podiatre', '--json'];
    expect(await runCli(argv, { ...env, RAMQ_ACCESS_NO_CACHE: '1' })).toEqual(await runCli(argv, env));
  });
});

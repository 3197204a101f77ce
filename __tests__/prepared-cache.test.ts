/**
 * The cache of prepared catalogues (src/cli/prepared-cache.ts): a catalogue named with --catalog is validated
 * once and then read from $XDG_CACHE_HOME/ramq-access, answering exactly as a full validation does; the cache
 * is trusted only when it is the user's own and an entry holds exactly the text read, and a cache that cannot
 * be written changes nothing but the time.
 *
 * The real binary runs (the sources run in-process have no build identity, and use no cache). Which modules a
 * run loaded is recorded by a --require hook, so that a hit is known by what it did not load (yaml), not by
 * its time. The tests that chown or run the binary as another user (nobody) need root, as the CI has.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheTurnedOff, MAX_CACHE_ENTRIES, preparedCacheDir } from '../src/cli/prepared-cache';
import { BIN, CATALOG, FIXTURES, runBin, type RunOutput } from './helpers';

const NOBODY = 65534;
const NOGROUP = 65534;
const isRoot = process.getuid?.() === 0;
/** A test that chowns or runs the tool as another user: skipped, with the reason in its name, when the tests do not run as root. */
const asRoot = (name: string, fn: () => void): void => (isRoot ? test(name, fn) : test.skip(`${name} [skipped: needs root to chown and run as nobody]`, fn));

/** The shipped catalogue with one visible change, so that it is not the embedded one and an answer shows which text it came from. */
const COPY = fs.readFileSync(CATALOG, 'utf8').replace('name_en: Podiatrist\n', 'name_en: Podiatrist (local copy)\n');
/** Another catalogue, whose entry is forged under the copy's name. */
const OTHER = fs.readFileSync(CATALOG, 'utf8').replace('name_en: Podiatrist\n', 'name_en: Podiatrist (forged)\n');
const ENTRY = /^[0-9a-f]{64}-[0-9a-f]{16}\.json$/;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

let dir: string;
let catalog: string;
let cacheHome: string;
let cacheDir: string;
let env: Record<string, string>;
let hook: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-cache-'));
  // Others may enter it and read the inputs, for the runs as nobody.
  fs.chmodSync(dir, 0o755);
  catalog = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(catalog, COPY, { mode: 0o644 });
  cacheHome = path.join(dir, 'cache');
  cacheDir = path.join(cacheHome, 'ramq-access');
  env = { XDG_CACHE_HOME: cacheHome };
  hook = path.join(dir, 'record-loads.js');
  fs.writeFileSync(
    hook,
    `'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const load = Module._load;
Module._load = function (request, ...rest) {
  fs.appendFileSync(process.env.RAMQ_TEST_LOADS, request + '\\n');
  return load.call(this, request, ...rest);
};
`,
    { mode: 0o644 },
  );
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The files in the cache folder (none when there is no folder). */
function cacheFiles(where = cacheDir): string[] {
  return fs.existsSync(where) ? fs.readdirSync(where).sort() : [];
}

/** The one entry of the cache folder. */
function theEntry(where = cacheDir): string {
  const entries = cacheFiles(where).filter((f) => ENTRY.test(f));
  expect(entries).toHaveLength(1);
  return path.join(where, entries[0]!);
}

const QUESTION = ['services', 'podiatre', '--json'];

/** Runs the binary on the copy with the cache's environment, recording which modules it loaded. */
function runRecorded(argv: string[], extra: Record<string, string> = {}, input?: string): RunOutput & { loads: string[] } {
  const record = path.join(dir, `loads-${Math.random().toString(16).slice(2)}.txt`);
  const out = runBin(argv, {
    env: { ...env, ...extra, NODE_OPTIONS: `--require ${hook}`, RAMQ_TEST_LOADS: record },
    ...(input === undefined ? {} : { input }),
  });
  const loads = fs.existsSync(record) ? fs.readFileSync(record, 'utf8').split('\n').filter(Boolean) : [];
  fs.rmSync(record, { force: true });
  return { ...out, loads };
}

const withCatalog = (argv: readonly string[]): string[] => ['--catalog', catalog, ...argv];
const loadedYaml = (loads: readonly string[]): boolean => loads.some((l) => l === 'yaml' || l.startsWith('yaml/') || l === 'ajv' || l.startsWith('ajv/'));
const answer = (out: RunOutput): RunOutput => ({ stdout: out.stdout, stderr: out.stderr, code: out.code });

/** The answer to the question on the copy, as a full validation gives it. */
function expectedAnswer(argv = QUESTION): RunOutput {
  return answer(runBin(withCatalog([...argv, '--no-cache'])));
}

/** Runs the binary as another user and group, with the cache's environment. */
function runAs(uid: number, gid: number, argv: string[], extra: Record<string, string> = {}): RunOutput {
  return runBin(argv, { env: { ...env, ...extra }, cwd: dir, user: { uid, gid } });
}

/** Makes a valid entry for the copy in the cache folder, by a run. */
function makeEntry(): string {
  const out = runBin(withCatalog(QUESTION), { env });
  expect(out.code).toBe(0);
  return theEntry();
}

/** What a cache folder holds, so that a test can say a run left it as it was: names, sizes, modes, times. */
function snapshot(where: string): string[] {
  return fs.readdirSync(where).map((name) => {
    const s = fs.lstatSync(path.join(where, name));
    return `${name} ${s.size} ${(s.mode & 0o7777).toString(8)} ${s.uid} ${s.mtimeMs}`;
  });
}

describe('where the cache is, and when it is off', () => {
  test('$XDG_CACHE_HOME/ramq-access when XDG_CACHE_HOME is absolute, else $HOME/.cache/ramq-access, else none', () => {
    expect(preparedCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe(path.join('/x/cache', 'ramq-access'));
    expect(preparedCacheDir({ XDG_CACHE_HOME: 'relative/cache', HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'ramq-access'));
    expect(preparedCacheDir({ XDG_CACHE_HOME: '', HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'ramq-access'));
    expect(preparedCacheDir({ XDG_CACHE_HOME: 'relative' })).toBeNull();
    expect(preparedCacheDir({ HOME: 'relative' })).toBeNull();
    expect(preparedCacheDir({})).toBeNull();
  });

  test('--no-cache, or RAMQ_ACCESS_NO_CACHE set to anything but the empty string, turns it off', () => {
    expect(cacheTurnedOff(undefined, {})).toBe(false);
    expect(cacheTurnedOff(true, {})).toBe(false);
    expect(cacheTurnedOff(false, {})).toBe(true);
    expect(cacheTurnedOff(undefined, { RAMQ_ACCESS_NO_CACHE: '' })).toBe(false);
    expect(cacheTurnedOff(undefined, { RAMQ_ACCESS_NO_CACHE: '1' })).toBe(true);
    expect(cacheTurnedOff(undefined, { RAMQ_ACCESS_NO_CACHE: '0' })).toBe(true);
  });
});

describe('a hit answers exactly as a miss and as --no-cache', () => {
  /** Every query command, with a question, in every format it offers. */
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

  test.each(QUESTIONS)('%s, every format', (_name, question, formats) => {
    for (const format of formats) {
      const argv = withCatalog([...question, '--format', format]);
      fs.rmSync(cacheHome, { recursive: true, force: true });
      const miss = runRecorded(argv);
      expect([format, loadedYaml(miss.loads)]).toEqual([format, true]);
      theEntry();
      const hit = runRecorded(argv);
      expect([format, loadedYaml(hit.loads)]).toEqual([format, false]);
      const none = runBin([...argv, '--no-cache'], { env });
      expect([format, miss.code]).toEqual([format, 0]);
      expect([format, answer(hit)]).toEqual([format, answer(miss)]);
      expect([format, answer(none)]).toEqual([format, answer(miss)]);
    }
  });

  test('the answer is the copy’s, not the embedded catalogue’s', () => {
    makeEntry();
    const hit = runRecorded(withCatalog(QUESTION));
    expect(loadedYaml(hit.loads)).toBe(false);
    expect(JSON.parse(hit.stdout).clientele.name_en).toBe('Podiatrist (local copy)');
  });

  test('a name that names nothing, and --batch, answer the same from the cache', () => {
    makeEntry();
    for (const [argv, input] of [
      [withCatalog(['services', 'barista']), undefined],
      [withCatalog(['services', '--batch']), 'podiatre\nbarista\nselat\n'],
    ] as const) {
      const hit = runRecorded([...argv], {}, input);
      expect(loadedYaml(hit.loads)).toBe(false);
      expect(answer(hit)).toEqual(answer(runBin([...argv, '--no-cache'], { env, ...(input === undefined ? {} : { input }) })));
    }
  });

  test('the first search adds the search index to an entry made without one; the answers stay the same', () => {
    const search = withCatalog(['search', 'aide', 'podiatre', '--json']);
    makeEntry();
    expect(JSON.parse(fs.readFileSync(theEntry(), 'utf8')).search).toBeUndefined();
    const first = runRecorded(search);
    expect(loadedYaml(first.loads)).toBe(false);
    const stored = JSON.parse(fs.readFileSync(theEntry(), 'utf8')).search;
    expect(Array.isArray(stored)).toBe(true);
    const second = runRecorded(search);
    expect(loadedYaml(second.loads)).toBe(false);
    expect(answer(second)).toEqual(answer(first));
    expect(answer(second)).toEqual(expectedAnswer(['search', 'aide', 'podiatre', '--json']));
  });

  test('a catalogue read from standard input ("-") is cached by its text too', () => {
    const argv = ['--catalog', '-', ...QUESTION];
    const miss = runRecorded(argv, {}, COPY);
    expect(loadedYaml(miss.loads)).toBe(true);
    expect(path.basename(theEntry()).startsWith(sha256(COPY))).toBe(true);
    const hit = runRecorded(argv, {}, COPY);
    expect(loadedYaml(hit.loads)).toBe(false);
    expect(answer(hit)).toEqual(answer(miss));
  });
});

describe('the cache is used', () => {
  test('a first run stores an entry named by the SHA-256 of the text, holding that text (folder 0700, entry 0600); the next loads no YAML', () => {
    const miss = runRecorded(withCatalog(QUESTION));
    expect(miss.code).toBe(0);
    expect(loadedYaml(miss.loads)).toBe(true);
    const entry = theEntry();
    expect(path.basename(entry).startsWith(`${sha256(COPY)}-`)).toBe(true);
    expect(fs.statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(entry).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(fs.readFileSync(entry, 'utf8'));
    expect(stored.source).toBe(COPY);
    expect(stored.key).toContain(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version);
    const hit = runRecorded(withCatalog(QUESTION));
    expect(loadedYaml(hit.loads)).toBe(false);
    expect(hit.loads).toContain('node:crypto');
    expect(answer(hit)).toEqual(answer(miss));
  });

  test('$HOME/.cache/ramq-access when XDG_CACHE_HOME is not set', () => {
    const home = path.join(dir, 'home');
    fs.mkdirSync(home);
    expect(runBin(withCatalog(QUESTION), { env: { HOME: home } }).code).toBe(0);
    theEntry(path.join(home, '.cache', 'ramq-access'));
  });

  test('the embedded catalogue uses no cache and never loads node:crypto', () => {
    const out = runRecorded(QUESTION);
    expect(out.code).toBe(0);
    expect(out.loads).not.toContain('node:crypto');
    expect(out.loads).not.toContain('crypto');
    expect(fs.existsSync(cacheHome)).toBe(false);
  });

  test('--no-cache and RAMQ_ACCESS_NO_CACHE neither read nor write', () => {
    for (const off of [
      { argv: ['--no-cache'], env: {} },
      { argv: [], env: { RAMQ_ACCESS_NO_CACHE: '1' } },
    ]) {
      fs.rmSync(cacheHome, { recursive: true, force: true });
      expect(runRecorded(withCatalog([...QUESTION, ...off.argv]), off.env).code).toBe(0);
      expect(fs.existsSync(cacheHome)).toBe(false);
      const entry = makeEntry();
      const before = snapshot(cacheDir);
      const out = runRecorded(withCatalog([...QUESTION, ...off.argv]), off.env);
      expect(loadedYaml(out.loads)).toBe(true);
      expect(answer(out)).toEqual(expectedAnswer());
      expect(snapshot(cacheDir)).toEqual(before);
      expect(fs.existsSync(entry)).toBe(true);
    }
  });

  test('validate, fmt, diff and check-source validate in full and store nothing', () => {
    expect(runBin(['validate', catalog], { env }).code).toBe(0);
    expect(runBin(withCatalog(['validate']), { env }).code).toBe(0);
    runBin(['fmt', '--check', catalog], { env });
    runBin(['diff', CATALOG, catalog], { env });
    runBin(withCatalog(['check-source', path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt')]), { env });
    expect(fs.existsSync(cacheHome)).toBe(false);
  });

  test('a catalogue with a problem is never stored', () => {
    fs.writeFileSync(catalog, COPY.replace('kind: profession\n', 'kind: professions\n'));
    const out = runBin(withCatalog(QUESTION), { env });
    expect(out.code).not.toBe(0);
    expect(cacheFiles()).toEqual([]);
  });

  test('a hit marks its entry as used (its time), and prunes nothing', () => {
    const entry = makeEntry();
    fakeEntries(MAX_CACHE_ENTRIES + 5);
    const old = new Date(Date.now() - 86_400_000);
    fs.utimesSync(entry, old, old);
    const files = cacheFiles();
    const hit = runRecorded(withCatalog(QUESTION));
    expect(loadedYaml(hit.loads)).toBe(false);
    expect(cacheFiles()).toEqual(files);
    expect(fs.statSync(entry).mtimeMs).toBeGreaterThan(old.getTime() + 1000);
  });
});

/** Entries of other catalogues, each older than the one before (the first is the newest), in the cache folder. */
function fakeEntries(count: number, size = 10): string[] {
  fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  return Array.from({ length: count }, (_, i) => {
    const name = `${sha256(`fake ${i}`)}-0123456789abcdef.json`;
    const file = path.join(cacheDir, name);
    fs.writeFileSync(file, 'x', { mode: 0o600 });
    fs.truncateSync(file, size);
    const time = new Date(Date.now() - 3_600_000 - i * 60_000);
    fs.utimesSync(file, time, time);
    return name;
  });
}

describe('the cache is bounded', () => {
  test(`a write keeps at most ${MAX_CACHE_ENTRIES} entries, removing the least recently used`, () => {
    const fakes = fakeEntries(MAX_CACHE_ENTRIES + 5);
    const miss = runRecorded(withCatalog(QUESTION));
    expect(loadedYaml(miss.loads)).toBe(true);
    const left = cacheFiles();
    expect(left).toHaveLength(MAX_CACHE_ENTRIES);
    expect(left).toContain(path.basename(theEntryOf(COPY)));
    // The new entry and the 49 newest of the others are kept.
    expect(left.filter((f) => fakes.includes(f)).sort()).toEqual(fakes.slice(0, MAX_CACHE_ENTRIES - 1).sort());
  });

  test('a write keeps at most 64 MiB of entries', () => {
    // Sparse files: their size counts, no disk is used.
    const [newer, older] = fakeEntries(2, 40 * 1024 * 1024);
    runBin(withCatalog(QUESTION), { env });
    expect(cacheFiles()).toEqual([path.basename(theEntryOf(COPY)), newer].sort());
    expect(cacheFiles()).not.toContain(older);
  });

  test('a write removes the temporary files that killed writers left more than an hour ago, and no other', () => {
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const stale = path.join(cacheDir, '.tmp-1-0000000000000000');
    const fresh = path.join(cacheDir, '.tmp-2-0000000000000000');
    fs.writeFileSync(stale, '{');
    fs.writeFileSync(fresh, '{');
    const old = new Date(Date.now() - 2 * 3_600_000);
    fs.utimesSync(stale, old, old);
    runBin(withCatalog(QUESTION), { env });
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});

/** Where the entry of a text is in the cache folder (the key part found from the folder). */
function theEntryOf(text: string): string {
  const found = cacheFiles().filter((f) => f.startsWith(`${sha256(text)}-`));
  expect(found).toHaveLength(1);
  return path.join(cacheDir, found[0]!);
}

describe('a hostile or broken cache is never trusted, and the answer is right', () => {
  /** Runs the question on the copy: the right answer, exit 0, loaded YAML (the cache was not trusted). */
  function expectUntrusted(): void {
    const out = runRecorded(withCatalog(QUESTION));
    expect(loadedYaml(out.loads)).toBe(true);
    expect(answer(out)).toEqual(expectedAnswer());
  }

  test('a truncated entry, or one that is not JSON, is a miss, then replaced by a whole entry', () => {
    for (const damage of [(text: string) => text.slice(0, text.length >> 1), () => 'not json at all']) {
      const entry = makeEntry();
      fs.writeFileSync(entry, damage(fs.readFileSync(entry, 'utf8')));
      expectUntrusted();
      expect(JSON.parse(fs.readFileSync(entry, 'utf8')).source).toBe(COPY);
    }
  });

  test('a forged entry (made for other bytes, put under the name of these bytes) is not trusted', () => {
    fs.writeFileSync(catalog, OTHER);
    const forged = makeEntry();
    expect(JSON.parse(runBin(withCatalog(QUESTION), { env }).stdout).clientele.name_en).toBe('Podiatrist (forged)');
    fs.writeFileSync(catalog, COPY);
    const name = path.basename(forged).replace(sha256(OTHER), sha256(COPY));
    fs.renameSync(forged, path.join(cacheDir, name));
    expectUntrusted();
    expect(JSON.parse(runBin(withCatalog(QUESTION), { env }).stdout).clientele.name_en).toBe('Podiatrist (local copy)');
  });

  test('an entry of another key or format, or of the wrong shape, is a miss', () => {
    for (const change of [
      (e: Record<string, unknown>) => ({ ...e, key: 'ramq-access 0.0.0 build other' }),
      (e: Record<string, unknown>) => ({ ...e, format: 2 }),
      (e: Record<string, unknown>) => ({ ...e, catalog: null }),
      (e: Record<string, unknown>) => ({ ...e, names: {} }),
    ]) {
      const entry = makeEntry();
      fs.writeFileSync(entry, JSON.stringify(change(JSON.parse(fs.readFileSync(entry, 'utf8')))));
      expectUntrusted();
    }
  });

  test('an entry that is a symbolic link is not followed', () => {
    const entry = makeEntry();
    const elsewhere = path.join(dir, 'elsewhere.json');
    fs.renameSync(entry, elsewhere);
    fs.symlinkSync(elsewhere, entry);
    const before = fs.statSync(elsewhere).mtimeMs;
    expectUntrusted();
    expect(fs.statSync(elsewhere).mtimeMs).toBe(before);
    expect(JSON.parse(fs.readFileSync(elsewhere, 'utf8')).source).toBe(COPY);
  });

  test('an entry others may write is not trusted', () => {
    for (const mode of [0o620, 0o602, 0o666]) {
      const entry = makeEntry();
      fs.chmodSync(entry, mode);
      expectUntrusted();
      fs.rmSync(entry);
    }
  });

  asRoot('an entry owned by another user is not trusted', () => {
    const entry = makeEntry();
    fs.chownSync(entry, NOBODY, NOGROUP);
    expectUntrusted();
  });

  test('a cache folder that is a symbolic link is neither read nor written', () => {
    makeEntry();
    const real = path.join(dir, 'real');
    fs.renameSync(cacheDir, real);
    fs.symlinkSync(real, cacheDir);
    const before = snapshot(real);
    expectUntrusted();
    expect(snapshot(real)).toEqual(before);
  });

  test('a cache folder others may write is neither read nor written', () => {
    for (const mode of [0o770, 0o707, 0o777]) {
      makeEntry();
      fs.chmodSync(cacheDir, mode);
      const before = snapshot(cacheDir);
      expectUntrusted();
      expect(snapshot(cacheDir)).toEqual(before);
      fs.rmSync(cacheDir, { recursive: true });
    }
  });

  asRoot('a cache folder owned by another user is neither read nor written', () => {
    makeEntry();
    fs.chownSync(cacheDir, NOBODY, NOGROUP);
    const before = snapshot(cacheDir);
    expectUntrusted();
    expect(snapshot(cacheDir)).toEqual(before);
  });

  asRoot("as nobody, root's cache is neither read nor written, and the answer is right", () => {
    const entry = makeEntry();
    // Readable by all, to tempt: still root's.
    fs.chmodSync(cacheHome, 0o755);
    fs.chmodSync(cacheDir, 0o755);
    fs.chmodSync(entry, 0o644);
    const before = snapshot(cacheDir);
    const out = runAs(NOBODY, NOGROUP, withCatalog(QUESTION));
    expect(answer(out)).toEqual(expectedAnswer());
    expect(snapshot(cacheDir)).toEqual(before);
  });

  asRoot('as nobody, a cache of its own is written (0600, its own) and read', () => {
    const own = path.join(dir, 'nobody');
    fs.mkdirSync(own);
    fs.chownSync(own, NOBODY, NOGROUP);
    const extra = { XDG_CACHE_HOME: own };
    expect(answer(runAs(NOBODY, NOGROUP, withCatalog(QUESTION), extra))).toEqual(expectedAnswer());
    const entry = theEntry(path.join(own, 'ramq-access'));
    expect({ uid: fs.statSync(entry).uid, mode: fs.statSync(entry).mode & 0o777 }).toEqual({ uid: NOBODY, mode: 0o600 });
    // The hit, recorded in a file nobody may write.
    const record = path.join(own, 'loads.txt');
    const hit = runAs(NOBODY, NOGROUP, withCatalog(QUESTION), { ...extra, NODE_OPTIONS: `--require ${hook}`, RAMQ_TEST_LOADS: record });
    expect(answer(hit)).toEqual(expectedAnswer());
    expect(loadedYaml(fs.readFileSync(record, 'utf8').split('\n'))).toBe(false);
  });

  asRoot('as nobody, a read-only cache folder of its own (0500): the right answer, exit 0, nothing written, no temporary file', () => {
    const own = path.join(dir, 'nobody');
    fs.mkdirSync(path.join(own, 'ramq-access'), { recursive: true, mode: 0o700 });
    fs.chownSync(own, NOBODY, NOGROUP);
    fs.chownSync(path.join(own, 'ramq-access'), NOBODY, NOGROUP);
    fs.chmodSync(path.join(own, 'ramq-access'), 0o500);
    const out = runAs(NOBODY, NOGROUP, withCatalog(QUESTION), { XDG_CACHE_HOME: own });
    expect(answer(out)).toEqual(expectedAnswer());
    expect(fs.readdirSync(path.join(own, 'ramq-access'))).toEqual([]);
  });

  test('a read-only cache folder (0500; root writes anyway): the right answer, exit 0, no temporary file', () => {
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(cacheDir, 0o500);
    const out = runRecorded(withCatalog(QUESTION));
    expect(answer(out)).toEqual(expectedAnswer());
    expect(cacheFiles().filter((f) => !ENTRY.test(f))).toEqual([]);
  });

  test('a file where the cache folder should be: the right answer, exit 0, the file untouched', () => {
    fs.writeFileSync(cacheHome, 'not a folder');
    const out = runRecorded(withCatalog(QUESTION));
    expect(answer(out)).toEqual(expectedAnswer());
    expect(fs.readFileSync(cacheHome, 'utf8')).toBe('not a folder');
  });

  test('a write that fails midway (a full disk: the file size limit, EFBIG): the right answer, exit 0, no temporary file', () => {
    // Node ignores SIGXFSZ, so a write past the limit fails with EFBIG instead of killing the process; standard output is a pipe, not limited.
    const result = spawnSync('sh', ['-c', 'ulimit -f 1; exec "$0" "$@"', process.execPath, BIN, ...withCatalog(QUESTION)], {
      env: { PATH: process.env['PATH'], LANG: 'fr_CA.UTF-8', ...env },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect({ stdout: result.stdout, stderr: result.stderr, code: result.status }).toEqual(expectedAnswer());
    expect(fs.existsSync(cacheDir)).toBe(true);
    expect(cacheFiles()).toEqual([]);
  });
});

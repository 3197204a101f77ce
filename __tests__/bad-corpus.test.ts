/**
 * The bad-catalogue corpus: every file of fixtures/bad (an entry of fixtures/bad/manifest.json; see
 * fixtures/bad/make-corpus.js for the convention) plus inputs too big for git, generated here into a
 * temp dir with the same markers. Each must give its expected first problem (code, range, JSON path)
 * when loaded in-process, and through the real binary the expected exit codes of `validate FILE` and
 * `--catalog FILE services podiatre`, with its problem on the first line.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../src/catalog/load-catalog';
import { CORPUS_DIR, NOT_ENTRIES, readCorpus, type Expectation } from './corpus';
import { BIN, FIXTURES, NBSP, ROOT, runBin, runCli, type RunOutput } from './helpers';

/**
 * The guard against hangs: a run still going after this is killed, and a killed run fails
 * its exit-code check. Generous, so that a loaded machine does not fail it; how fast the
 * corpus is validated is measured by the benchmark, never asserted here.
 */
const KILL_MS = 20000;
/** The size limit the README documents ("FILE_TOO_LARGE: over 4 MiB"); the expectation follows the documentation, not the code's constant. */
const DOCUMENTED_MAX_BYTES = 4 * 1024 * 1024;
/** Heap cap for the memory runs of the generated huge inputs. */
const SMALL_HEAP = '--max-old-space-size=256';
/**
 * Characters that must never reach a terminal raw: C0 controls but the line feed, DEL, C1 controls, bidi marks,
 * overrides and isolates, and the invisible characters of issue 14 (soft hyphen, zero-width characters, line and
 * paragraph separators, Hangul fillers, braille blank, interlinear annotation, variation selectors, tags), written out
 * here rather than taken from the code under test.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- the class lists single characters, some of them combining ones on purpose
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e0fff}]/u;

interface Entry extends Expectation {
  readonly name: string;
  readonly file: string;
  readonly generated: boolean;
  /** Run again with a 256 MB heap (the generated huge inputs). */
  readonly memoryRun: boolean;
}

// ---------- the committed corpus ----------

const committed: readonly Entry[] = readCorpus().map((e) => ({ ...e, generated: false, memoryRun: false }));

// ---------- the generated corpus ----------

const MINIMAL = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
const MARKER = '\u27e6!\u27e7';
const END = '\u27e6/\u27e7';
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-bad-corpus-'));

/** A range as the manifest gives it: 1-based, the end exclusive. */
interface Range {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

function positionAt(text: string, at: number): { line: number; col: number } {
  const before = text.slice(0, at);
  return { line: before.split('\n').length, col: at - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Cuts out the start marker and the end marker after it (as make-corpus.js does); their places are the expected range. */
function cutMarkers(text: string): { text: string } & Range {
  const at = text.indexOf(MARKER);
  if (at === -1 || text.indexOf(MARKER, at + 1) !== -1) throw new Error('a generated input needs exactly one start marker');
  const withoutStart = text.slice(0, at) + text.slice(at + MARKER.length);
  const end = withoutStart.indexOf(END);
  if (end < at || withoutStart.indexOf(END, end + 1) !== -1) throw new Error('a generated input needs exactly one end marker, after the start');
  const start = positionAt(withoutStart, at);
  const stop = positionAt(withoutStart, end);
  return { text: withoutStart.slice(0, end) + withoutStart.slice(end + END.length), ...start, endLine: stop.line, endCol: stop.col };
}

function replaceOnce(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at === -1 || text.indexOf(find, at + 1) !== -1) throw new Error(`${JSON.stringify(find)} is not in the template exactly once`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

/** A file of exactly `size` bytes: the minimal catalogue, then comment lines (a cut last line still starts with "#"). */
function paddedCatalogue(size: number): Buffer {
  const head = Buffer.from(MINIMAL, 'utf8');
  const padding = Buffer.alloc(size - head.length, '# padding: a comment line that makes the file large\n');
  return Buffer.concat([head, padding]);
}

interface GeneratedSpec {
  readonly name: string;
  readonly code: Expectation['code'];
  readonly path: string | null;
  readonly validateExit: 0 | 1 | 2 | 74;
  readonly why: string;
  readonly memoryRun: boolean;
  /** Writes the input and says where its fault is (null when it has no position); undefined leaves no file at all. */
  readonly make: ((file: string) => Range | null) | undefined;
}

/** Writes a text with markers around the fault; returns the range they marked. */
function writeMarked(file: string, text: string): Range {
  const { text: body, ...range } = cutMarkers(text);
  fs.writeFileSync(file, body);
  return range;
}

const DEPTH = 10_000;
/** The root mapping is level 1 and a value under a root key level 2, so the 64th nested collection of that value is the first at level 65. */
const FIRST_TOO_DEEP = 64;

const GENERATED_SPECS: readonly GeneratedSpec[] = [
  {
    name: 'huge-20mb.yaml',
    code: 'FILE_TOO_LARGE',
    path: null,
    validateExit: 1,
    why: 'A 20 MiB file: refused by its size, before it is read.',
    memoryRun: true,
    make: (file) => {
      fs.writeFileSync(file, paddedCatalogue(20 * 1024 * 1024));
      return null;
    },
  },
  {
    name: 'over-4mib-by-one-byte.yaml',
    code: 'FILE_TOO_LARGE',
    path: null,
    validateExit: 1,
    why: 'One byte over the documented 4 MiB limit (the rest is comment lines).',
    memoryRun: true,
    make: (file) => {
      fs.writeFileSync(file, paddedCatalogue(DOCUMENTED_MAX_BYTES + 1));
      return null;
    },
  },
  {
    name: 'line-1mb-name.yaml',
    code: 'SCHEMA',
    path: '/clienteles/2/name',
    validateExit: 1,
    why: 'A clientele name that is one line of 1 MiB (the schema allows 1000 characters).',
    memoryRun: true,
    make: (file) => writeMarked(file, replaceOnce(MINIMAL, '    name: Commis\n', `    name: ${MARKER}${'C'.repeat(1024 * 1024)}${END}\n`)),
  },
  {
    name: 'line-1mb-comment.yaml',
    code: null,
    path: null,
    validateExit: 0,
    why: 'A comment line of 1 MiB is harmless and must be accepted.',
    memoryRun: true,
    make: (file) => {
      fs.writeFileSync(file, `${MINIMAL}# ${'c'.repeat(1024 * 1024)}\n`);
      return null;
    },
  },
  {
    name: 'nesting-10000-flow.yaml',
    code: 'NESTING_LIMIT',
    path: null,
    validateExit: 1,
    why: '10,000 nested flow sequences [[[...]]] under a root key.',
    memoryRun: true,
    make: (file) => {
      const open = Array.from({ length: DEPTH }, (_, i) => (i === FIRST_TOO_DEEP - 1 ? `${MARKER}[${END}` : '[')).join('');
      return writeMarked(file, `${MINIMAL}deep: ${open}${']'.repeat(DEPTH)}\n`);
    },
  },
  {
    name: 'nesting-10000-block.yaml',
    code: 'NESTING_LIMIT',
    path: null,
    validateExit: 1,
    why: '10,000 nested compact block sequences "- - - ... x" under a root key.',
    memoryRun: true,
    make: (file) => {
      const dashes = Array.from({ length: DEPTH }, (_, i) => (i === FIRST_TOO_DEEP - 1 ? `${MARKER}-${END} ` : '- ')).join('');
      return writeMarked(file, `${MINIMAL}deep:\n  ${dashes}x\n`);
    },
  },
  {
    name: 'nesting-10000-flow-map.yaml',
    code: 'NESTING_LIMIT',
    path: null,
    validateExit: 1,
    why: '10,000 nested flow mappings {a: {a: ...}} under a root key.',
    memoryRun: true,
    make: (file) => {
      const open = Array.from({ length: DEPTH }, (_, i) => (i === FIRST_TOO_DEEP - 1 ? `${MARKER}{${END}a: ` : '{a: ')).join('');
      return writeMarked(file, `${MINIMAL}deep: ${open}x${'}'.repeat(DEPTH)}\n`);
    },
  },
  {
    name: 'aliases-over-limit.yaml',
    code: 'SCHEMA',
    path: '/clienteles/2/aliases',
    validateExit: 1,
    why: 'A clerk with 5,000 aliases, over the schema limit of 100 per list: rejected promptly (validation is linear in the length of a names list).',
    memoryRun: false,
    make: (file) => {
      const count = 5_000;
      const aliases = Array.from({ length: count }, (_, i) => `      ${i === 0 ? MARKER : ''}- Alias ${i}${i === count - 1 ? END : ''}\n`).join('');
      return writeMarked(
        file,
        replaceOnce(MINIMAL, '    kind: staff\n    forms: []\n    aliases: []\n', `    kind: staff\n    forms: []\n    aliases:\n${aliases}`),
      );
    },
  },
  {
    name: 'missing.yaml',
    code: 'FILE_UNREADABLE',
    path: null,
    validateExit: 2,
    why: 'A path where there is no file at all.',
    memoryRun: false,
    make: undefined,
  },
];

/** Writes a generated input into the temp dir and turns its spec into a corpus entry, with the range the generator put the fault at. */
function generate(spec: GeneratedSpec): Entry {
  const file = path.join(TMP, spec.name);
  const range = spec.make === undefined ? null : spec.make(file);
  return {
    name: spec.name,
    file,
    code: spec.code,
    line: range?.line ?? null,
    col: range?.col ?? null,
    endLine: range?.endLine ?? null,
    endCol: range?.endCol ?? null,
    path: spec.path,
    validateExit: spec.validateExit,
    queryExit: spec.code === null ? 2 : 3,
    why: spec.why,
    generated: true,
    memoryRun: spec.memoryRun,
  };
}

// ---------- running the real binary ----------

interface SpawnedRun extends RunOutput {
  readonly signal: string | null;
}

/**
 * Runs the real executable exactly as runBin does (same node, bin, env, cwd, empty stdin), but
 * without blocking, so that several run at once: one after the other, the corpus would need
 * about a minute.
 */
function spawnBin(argv: readonly string[], nodeArgs: readonly string[] = []): Promise<SpawnedRun> {
  return new Promise((resolve) => {
    const env: Record<string, string> = { LANG: 'fr_CA.UTF-8' };
    const pathVar = process.env['PATH'];
    if (pathVar !== undefined) env['PATH'] = pathVar;
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...argv], { env, cwd: ROOT, timeout: KILL_MS, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.end('');
    child.on('close', (code, signal) => {
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1, signal });
    });
  });
}

/** Runs the CLI in-process as the binary would: the same environment (LANG only), working directory and empty stdin. */
async function inProcess(argv: readonly string[]): Promise<SpawnedRun> {
  return { ...(await runCli([...argv], {}, false, '')), signal: null };
}

async function inPool<T>(jobs: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i];
      if (job !== undefined) results[i] = await job();
    }
  };
  await Promise.all(Array.from({ length: width }, () => worker()));
  return results;
}

interface EntryRuns {
  validate: SpawnedRun;
  query: SpawnedRun;
  memoryValidate?: SpawnedRun;
  memoryQuery?: SpawnedRun;
}

// Made while the tests are collected, since their expectations come from where the generator put the fault.
const generated = GENERATED_SPECS.map(generate);
const corpus: readonly Entry[] = [...committed, ...generated];
const runs = new Map<string, EntryRuns>();

const validateArgs = (e: Entry): string[] => ['validate', e.file];
const queryArgs = (e: Entry): string[] => ['--catalog', e.file, 'services', 'podiatre'];

beforeAll(async () => {
  const jobs: (() => Promise<void>)[] = [];
  // The generated inputs first: they are the slowest runs, and starting them early keeps the pool busy to the end.
  for (const e of [...generated, ...committed]) {
    const r: Partial<EntryRuns> = {};
    runs.set(e.name, r as EntryRuns);
    if (e.memoryRun) {
      jobs.push(async () => void (r.memoryValidate = await spawnBin(validateArgs(e), [SMALL_HEAP])));
      jobs.push(async () => void (r.memoryQuery = await spawnBin(queryArgs(e), [SMALL_HEAP])));
    }
    if (e.generated) {
      // The generated inputs are the large ones: run by the binary itself, each with its own guard against hangs.
      jobs.push(async () => void (r.validate = await spawnBin(validateArgs(e))));
      jobs.push(async () => void (r.query = await spawnBin(queryArgs(e))));
    } else {
      // The committed ones run in-process, through the very function the binary calls (a third of a second of
      // start-up each, three hundred times, was a minute of the suite); a sample is compared with the binary below.
      r.validate = await inProcess(validateArgs(e));
      r.query = await inProcess(queryArgs(e));
    }
  }
  // Three at a time: on two cores that finishes soonest while single runs stay far below the 2-second guard.
  await inPool(jobs, 3);
  // Each run has its own guard against hangs (KILL_MS); this bound is for all of them together, some 300 runs of the
  // binary, which on a shared two-core machine under load took up to three minutes: generous, so that load never fails it.
}, 600_000);

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

function runsOf(e: Entry): EntryRuns {
  const r = runs.get(e.name);
  if (r === undefined || r.validate === undefined || r.query === undefined) throw new Error(`${e.name} did not run`);
  return r;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The problem lines of a `validate` run of one file, after checking that it printed one problem per line (piped output
 * is never wrapped, however long the path) and a matching count.
 */
function problemLines(e: Entry, stdout: string): string[] {
  expect(stdout.endsWith('\n')).toBe(true);
  const lines = stdout.slice(0, -1).split('\n');
  const summary = lines.pop() ?? '';
  const m = /^(\d+) problèmes? dans 1 fichier$/.exec(summary);
  expect(m).not.toBeNull();
  expect(lines).toHaveLength(Number(m?.[1]));
  const shape = new RegExp(`^${escapeRegExp(e.file)}(?::\\d+:\\d+)?: [A-Z][A-Z0-9_]* \\S`);
  for (const line of lines) expect(line).toMatch(shape);
  return lines;
}

function expectNoStackNorRawControls(run: SpawnedRun): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toMatch(/^\s+at /m);
    expect(text).not.toMatch(UNSAFE);
  }
}

function checkThroughBinary(e: Entry): void {
  const { validate, query } = runsOf(e);

  // 1. validate: exit code, one line per problem, the expected problem first, at its position
  expect({ code: validate.code, signal: validate.signal }).toEqual({ code: e.validateExit, signal: null });
  expect(validate.stderr).toBe('');
  let lines: string[] = [];
  if (e.code === null) {
    expect(validate.stdout).toBe(`${e.file}: catalogue valide\n`);
  } else {
    lines = problemLines(e, validate.stdout);
    const prefix = e.line === null ? `${e.file}: ${e.code} ` : `${e.file}:${e.line}:${e.col}: ${e.code} `;
    expect(lines[0]?.slice(0, prefix.length)).toBe(prefix);
  }

  // 2. the query: a catalogue that cannot be loaded exits 3 and shows the same problem lines; an accepted one loads
  expect(query.stdout).toBe('');
  expect(query.code).toBe(e.queryExit);
  if (e.code === null) {
    // the minimal catalogue names no podiatrist: the catalogue loaded, the name did not resolve
    expect(query.stderr).toMatch(/^ramq-access: clientèle inconnue\u00a0: «\u00a0podiatre\u00a0»[^\n]*\n$/);
  } else {
    expect(query.stderr).toBe(`ramq-access: impossible d’utiliser le catalogue ${e.file}${NBSP}:\n${lines.join('\n')}\n`);
  }

  // 3. no stack trace, and nothing that a terminal would obey
  expectNoStackNorRawControls(validate);
  expectNoStackNorRawControls(query);
}

// ---------- the tests ----------

describe('the corpus itself', () => {
  test('has at least 65 entries, and the manifest lists exactly the committed files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(65);
    const onDisk = fs
      .readdirSync(CORPUS_DIR)
      .filter((f) => !NOT_ENTRIES.has(f))
      .sort();
    expect(committed.map((e) => e.name).sort()).toEqual(onDisk);
  });

  test('the committed corpus stays small', () => {
    const size = fs.readdirSync(CORPUS_DIR).reduce((n, f) => n + fs.statSync(path.join(CORPUS_DIR, f)).size, 0);
    expect(size).toBeLessThan(512 * 1024);
  });

  test('an accepted entry has no position nor path; the exit codes follow from the code', () => {
    for (const e of corpus) {
      if (e.code === null) {
        expect({ name: e.name, line: e.line, path: e.path, exits: [e.validateExit, e.queryExit] }).toEqual({
          name: e.name,
          line: null,
          path: null,
          exits: [0, 2],
        });
      } else {
        // A file that is not there is a usage error (2) and an unusable catalogue (3); a directory an I/O error (74) for both;
        // every other problem is a finding (1) and an unusable catalogue (3).
        const exits = e.code !== 'FILE_UNREADABLE' ? [1, 3] : e.name === 'directory.yaml' ? [74, 74] : [2, 3];
        expect({ name: e.name, exits: [e.validateExit, e.queryExit] }).toEqual({ name: e.name, exits });
      }
    }
  });

  test('a range never ends before it starts', () => {
    for (const e of corpus) {
      if (e.line === null || e.col === null || e.endLine === null || e.endCol === null) continue;
      expect([e.name, e.endLine > e.line || (e.endLine === e.line && e.endCol >= e.col)]).toEqual([e.name, true]);
    }
  });

  test('the runs (in-process for the committed entries) answer as runBin does, the binary itself', () => {
    const sample = ['accepted-bom.yaml', 'duplicate-key-root.yaml', 'directory.yaml', 'missing.yaml', 'not-utf8.yaml', 'alias-bomb.yaml', 'complex-key.yaml'];
    for (const name of sample.filter((n) => committed.some((c) => c.name === n)).concat(committed.filter((_, i) => i % 25 === 0).map((c) => c.name))) {
      const e = committed.find((c) => c.name === name);
      if (e === undefined) throw new Error(`${name} is not in the corpus`);
      const { validate, query } = runsOf(e);
      expect(runBin(validateArgs(e))).toEqual({ stdout: validate.stdout, stderr: validate.stderr, code: validate.code });
      expect(runBin(queryArgs(e))).toEqual({ stdout: query.stdout, stderr: query.stderr, code: query.code });
    }
  });
});

describe.each([
  ['committed', committed],
  ['generated', generated],
] as const)('%s corpus, in-process', (_kind, entries) => {
  // Loaded as the CLI loads them, from the sources; the binary runs below check the built code.
  test.each(entries.filter((e) => e.code !== null).map((e) => [e.name, e] as const))(
    '%s: its first problem has the expected code, range and path',
    (_name, e) => {
      const result = loadCatalog(e.file);
      expect(result.ok).toBe(false);
      const problems = result.ok ? [] : result.problems;
      expect(problems[0]).toMatchObject({
        code: e.code,
        severity: 'error',
        file: e.file,
        line: e.line,
        col: e.col,
        endLine: e.endLine,
        endCol: e.endCol,
        path: e.path,
      });
      // and every other problem carries a whole range (or none) and a pointer (or null)
      for (const p of problems) {
        expect(new Set([p.line, p.col, p.endLine, p.endCol].map((n) => n === null)).size).toBe(1);
        expect(p.path === null || /^(\/.*)?$/s.test(p.path)).toBe(true);
      }
    },
  );
});

describe.each([
  ['committed', committed],
  ['generated', generated],
] as const)('%s corpus, through the real binary', (_kind, entries) => {
  for (const e of entries) test(`${e.name}: ${e.code ?? 'accepted'}, validate exits ${e.validateExit} — ${e.why}`, () => checkThroughBinary(e));
});

describe('bounded memory: the generated huge inputs with a 256 MB heap', () => {
  for (const e of generated.filter((g) => g.memoryRun)) {
    test(`${e.name} still ends with the expected exit codes`, () => {
      const { memoryValidate, memoryQuery } = runsOf(e);
      expect(memoryValidate?.code).toBe(e.validateExit);
      expect(memoryQuery?.code).toBe(e.queryExit);
      expect(memoryQuery?.stdout).toBe('');
    });
  }
});

test('in-process: loading every input leaves Object.prototype alone', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  const warnings: string[] = [];
  const emitWarning = process.emitWarning;
  // complex-key.yaml makes the YAML library emit a process warning; keep it out of the test output
  process.emitWarning = ((warning: string | Error) => void warnings.push(String(warning))) as typeof process.emitWarning;
  try {
    for (const e of corpus) {
      const result = loadCatalog(e.file);
      expect(typeof result.ok).toBe('boolean');
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect((Object.prototype as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  } finally {
    process.emitWarning = emitWarning;
  }
});

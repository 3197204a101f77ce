/**
 * The bad-catalogue corpus: every file of fixtures/bad (an entry of fixtures/bad/manifest.json; see
 * fixtures/bad/make-corpus.js for the convention) plus inputs too big for git, generated into a temp dir with
 * the same markers (generated-corpus.ts). Each must give its expected first problem (code, range, JSON path)
 * when loaded, and through the CLI (in process, the very function the binary calls) the expected exit codes of
 * `validate FILE` and `--catalog FILE services podiatre`, with its problem on the first line. Through the binary
 * itself: a sample answers the same, and the huge inputs end with a 256 MB heap (e2e.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../src/catalog/load-catalog';
import { CORPUS_DIR, NOT_ENTRIES, readCorpus, type Expectation } from './corpus';
import { generateCorpus } from './generated-corpus';
import { NBSP, runCli, type RunOutput } from './helpers';

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
}

const committed: readonly Entry[] = readCorpus().map((e) => ({ ...e, generated: false }));
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-bad-corpus-'));
// Made while the tests are collected, since their expectations come from where the generator put the fault.
const generated: readonly Entry[] = generateCorpus(TMP);
const corpus: readonly Entry[] = [...committed, ...generated];

interface EntryRuns {
  validate: RunOutput;
  query: RunOutput;
}
const runs = new Map<string, EntryRuns>();

const validateArgs = (e: Entry): string[] => ['validate', e.file];
const queryArgs = (e: Entry): string[] => ['--catalog', e.file, 'services', 'podiatre'];

beforeAll(async () => {
  // In process, as the binary runs them: the same environment (LANG only), working directory and empty stdin. (A third
  // of a second of start-up each, some three hundred times, was a minute of the suite.) A run that hung would hang the
  // worker: the huge inputs also run through the binary under a guard against hangs, in e2e.test.ts.
  for (const e of corpus) runs.set(e.name, { validate: await runCli(validateArgs(e), {}, false, ''), query: await runCli(queryArgs(e), {}, false, '') });
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

function expectNoStackNorRawControls(run: RunOutput): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toMatch(/^\s+at /m);
    expect(text).not.toMatch(UNSAFE);
  }
}

function checkThroughCli(e: Entry): void {
  const { validate, query } = runsOf(e);

  // 1. validate: exit code, one line per problem, the expected problem first, at its position
  expect(validate.code).toBe(e.validateExit);
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
});

describe.each([
  ['committed', committed],
  ['generated', generated],
] as const)('%s corpus, in-process', (_kind, entries) => {
  // Loaded as the CLI loads them, from the sources; the runs of the CLI below check what it prints.
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
] as const)('%s corpus, through the CLI (in process)', (_kind, entries) => {
  for (const e of entries) test(`${e.name}: ${e.code ?? 'accepted'}, validate exits ${e.validateExit} — ${e.why}`, () => checkThroughCli(e));
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

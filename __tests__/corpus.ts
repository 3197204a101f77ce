/**
 * The one convention for bad catalogues: every file of fixtures/bad is an entry of
 * fixtures/bad/manifest.json, which says what it must give (see fixtures/bad/make-corpus.js).
 * This module reads and checks the manifest for every test that uses the corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROBLEM_CODES, type ProblemCode } from '../src/catalog/problem';
import { FIXTURES } from './helpers';

/** The folder of the corpus. */
export const CORPUS_DIR = path.join(FIXTURES, 'bad');
/** Files of the folder that are not corpus entries. */
export const NOT_ENTRIES: ReadonlySet<string> = new Set(['manifest.json', 'make-corpus.js']);

/** What validating an input must give: its first problem (code, range, JSON path) and the exit codes; code null when it must be accepted. */
export interface Expectation {
  readonly code: ProblemCode | null;
  readonly line: number | null;
  readonly col: number | null;
  /** Exclusive end, as Problem's. */
  readonly endLine: number | null;
  readonly endCol: number | null;
  readonly path: string | null;
  /** Exit code of `validate FILE`. */
  readonly validateExit: 0 | 1 | 2 | 74;
  /** Exit code of `--catalog FILE services podiatre` (2 when the catalogue loads: the minimal catalogue names no podiatrist). */
  readonly queryExit: 2 | 3 | 74;
  readonly why: string;
}

/** One committed input: its expectation, its file, and who made it. */
export interface CorpusEntry extends Expectation {
  readonly name: string;
  readonly file: string;
  readonly by: 'hand' | 'make-corpus.js';
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function nullableInt(x: unknown): x is number | null {
  return x === null || (typeof x === 'number' && Number.isInteger(x) && x > 0);
}

function oneOf<T>(x: unknown, values: readonly T[]): T | undefined {
  return values.find((v) => v === x);
}

/** Checks one manifest entry, so that a typo fails loudly instead of testing nothing. */
function parseEntry(name: string, raw: unknown): CorpusEntry {
  if (!isRecord(raw)) throw new Error(`manifest: ${name} is not an object`);
  const keys = ['by', 'code', 'line', 'col', 'endLine', 'endCol', 'path', 'validateExit', 'queryExit', 'why'];
  const extra = Object.keys(raw).filter((k) => !keys.includes(k));
  if (extra.length > 0) throw new Error(`manifest: ${name} has unknown fields ${extra.join(', ')}`);
  const { by, code, line, col, endLine, endCol, path: where, validateExit, queryExit, why } = raw;
  const madeBy = oneOf(by, ['hand', 'make-corpus.js'] as const);
  if (madeBy === undefined) throw new Error(`manifest: ${name} has a bad "by"`);
  const problemCode = code === null ? null : oneOf(code, PROBLEM_CODES);
  if (problemCode === undefined) throw new Error(`manifest: ${name} has a bad code`);
  if (
    !nullableInt(line) ||
    !nullableInt(col) ||
    !nullableInt(endLine) ||
    !nullableInt(endCol) ||
    new Set([line, col, endLine, endCol].map((n) => n === null)).size !== 1
  )
    throw new Error(`manifest: ${name} needs line, col, endLine and endCol all numbers or all null`);
  if (where !== null && (typeof where !== 'string' || !/^(\/.*)?$/s.test(where))) throw new Error(`manifest: ${name} has a bad path`);
  const validate = oneOf(validateExit, [0, 1, 2, 74] as const);
  const query = oneOf(queryExit, [2, 3, 74] as const);
  if (validate === undefined || query === undefined) throw new Error(`manifest: ${name} has a bad exit code`);
  if (typeof why !== 'string' || why === '') throw new Error(`manifest: ${name} has no why`);
  return {
    name,
    file: path.join(CORPUS_DIR, name),
    by: madeBy,
    code: problemCode,
    line,
    col,
    endLine,
    endCol,
    path: where,
    validateExit: validate,
    queryExit: query,
    why,
  };
}

/** Every committed entry of the corpus, in the manifest's order. */
export function readCorpus(): CorpusEntry[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'manifest.json'), 'utf8'));
  if (!isRecord(raw)) throw new Error('manifest.json is not an object');
  return Object.entries(raw).map(([name, value]) => parseEntry(name, value));
}

/** The path of a corpus entry, for tests that need one particular bad catalogue. */
export function corpusFile(name: string): string {
  const entry = readCorpus().find((e) => e.name === name);
  if (entry === undefined) throw new Error(`${name} is not in the corpus`);
  return entry.file;
}

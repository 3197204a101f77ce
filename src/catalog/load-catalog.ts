import fs from 'node:fs';
import path from 'node:path';
import { completeProblem, type Problem, type ProblemDetail, type ReadProblem } from './problem';
import { deepFreeze } from './freeze';
import type { Catalog } from './model';

/** The catalogue shipped in the package, found relative to the package rather than the current directory. */
export const EMBEDDED_CATALOG_PATH = path.join(__dirname, '..', '..', 'catalog.yaml');

/** Largest catalogue file the loader reads; the real one is about 40 KB, and the benchmark's 100-fold catalogue 2.7 MB. */
export const MAX_CATALOG_BYTES = 4 * 1024 * 1024;

/**
 * Raw text of a catalogue, or the problem that kept it from being read. The
 * problems made here are complete; the type admits a ReadProblem so that a
 * caller reading another source (standard input) may leave out the range.
 * `errno` is the system's code when the system refused the read (ENOENT for a
 * file that does not exist, EACCES, EISDIR, EIO...), so that the CLI can tell
 * a wrong name from an input/output error.
 */
export type ReadResult = { ok: true; text: string } | { ok: false; problem: ReadProblem; errno?: string };

const NO_RANGE = { line: null, col: null, endLine: null, endCol: null, path: null } as const;

// File-level problems have no place in the data (path null); those about the whole file have no position either.
function unreadable(file: string, detail: ProblemDetail, errno: string): ReadResult {
  return { ok: false, problem: { code: 'FILE_UNREADABLE', severity: 'error', file, ...NO_RANGE, detail }, errno };
}

function tooLarge(file: string, size: number): ReadResult {
  return {
    ok: false,
    problem: {
      code: 'FILE_TOO_LARGE',
      severity: 'error',
      file,
      ...NO_RANGE,
      detail: { id: 'tooLarge', size, limit: MAX_CATALOG_BYTES },
    },
  };
}

/** Decodes catalogue bytes: strict UTF-8, no NUL bytes, a leading byte-order mark dropped. */
export function decodeCatalogBytes(bytes: Uint8Array, file: string): ReadResult {
  if (bytes.length > MAX_CATALOG_BYTES) {
    return tooLarge(file, bytes.length);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, problem: byteProblem('BINARY_FILE', file, bytes, nul, { id: 'binary' }) };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { ok: false, problem: byteProblem('NOT_UTF8', file, bytes, bad, { id: 'notUtf8' }) };
  }
  return { ok: true, text };
}

/** Reads a catalogue file; the only place the catalogue layer touches the file system. */
export function readCatalogFile(file: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return unreadable(file, code === 'ENOENT' ? { id: 'fileNotFound' } : { id: 'fileUnreadable', errno: code }, code);
  }
  if (stat.isDirectory()) return unreadable(file, { id: 'isDirectory' }, 'EISDIR');
  if (stat.size > MAX_CATALOG_BYTES) {
    return tooLarge(file, stat.size);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return unreadable(file, { id: 'fileUnreadable', errno: code }, code);
  }
  return decodeCatalogBytes(bytes, file);
}

/** Where the build leaves the embedded catalogue, already validated, with the very YAML text it came from (compared as text at start-up). */
export const PREPARED_CATALOG_PATH = path.join(__dirname, '..', 'catalog.prepared.json');

/** The prepared form of a catalogue: its validated content and the very text it was made from. */
export interface PreparedCatalog {
  /** The YAML the build validated; the prepared form stands for a catalogue only while its text is exactly this (a native string comparison, far cheaper at start-up than hashing). */
  readonly source: string;
  readonly catalog: Catalog;
  /** The catalogue's normalised names (key, kind, id), computed by the query layer at build time. */
  readonly names: readonly PreparedName[];
  /** The words search compares and their family keys, per entity and field, computed by the query layer at build time. */
  readonly search: PreparedSearch;
}

/** The search index stored with the prepared catalogue: per entity, per field, its words and their family keys, joined by spaces. */
export type PreparedSearch = readonly (readonly (readonly [string, string])[])[];

/** A normalised name stored with the prepared catalogue: key, kind of entry, id. */
export type PreparedName = readonly [string, string, string];

/** A loaded catalogue, with the prepared names and search index when it came from the build's prepared form. */
export type LoadResult = { ok: true; catalog: Catalog; names?: readonly PreparedName[]; search?: PreparedSearch } | { ok: false; problems: Problem[] };

function readPrepared(text: string): PreparedCatalog | null {
  try {
    const prepared = JSON.parse(fs.readFileSync(PREPARED_CATALOG_PATH, 'utf8')) as PreparedCatalog;
    return prepared.source === text ? prepared : null;
  } catch {
    return null;
  }
}

/**
 * Reads and validates a catalogue file. The embedded catalogue is checked at
 * build time; when its text is still the text of that check, the prepared
 * form is used and neither YAML nor the schema validator is loaded. Any other
 * file is always parsed and validated in full.
 */
export function loadCatalog(file: string): LoadResult {
  const read = readCatalogFile(file);
  if (!read.ok) return { ok: false, problems: [completeProblem(read.problem)] };
  return catalogFromText(read.text, file);
}

/** Validates catalogue text already read (from a file or standard input); the embedded catalogue's text takes the prepared path. */
export function catalogFromText(text: string, file: string): LoadResult {
  if (path.resolve(file) === EMBEDDED_CATALOG_PATH) {
    const prepared = readPrepared(text);
    if (prepared !== null) return { ok: true, catalog: deepFreeze(prepared.catalog), names: prepared.names, search: prepared.search };
  }
  // Loaded on demand: YAML and ajv are most of the start-up time of a query.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { validateCatalogText } = require('./validate-catalog') as typeof import('./validate-catalog');
  return validateCatalogText(text, file);
}

/** A problem at one offending byte: its range is that one character (the bytes are not text, so there is no path in the data). */
function byteProblem(code: 'BINARY_FILE' | 'NOT_UTF8', file: string, bytes: Uint8Array, offset: number, detail: ProblemDetail): Problem {
  const { line, col } = positionOfByte(bytes, offset);
  return { code, severity: 'error', file, line, col, endLine: line, endCol: col + 1, path: null, detail };
}

function positionOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // Columns count UTF-16 code units, as for every other problem (and as editors and SARIF's utf16CodeUnits do); the bytes before
  // the offset on its line are valid UTF-8 (or plain bytes before a NUL).
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, offset));
  return { line, col: before.length + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const slice = bytes.subarray(i, i + length);
    if (slice.length < length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(slice);
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

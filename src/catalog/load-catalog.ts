import fs from 'node:fs';
import path from 'node:path';
import { completeProblem, type Problem, type ProblemDetail, type ReadProblem } from './problem';
import { deepFreeze } from './freeze';
import type { Catalog } from './model';

/** The catalogue shipped in the package, found relative to the package rather than the current directory. */
export const EMBEDDED_CATALOG_PATH = path.join(__dirname, '..', '..', 'catalog.yaml');

/**
 * Whether a catalogue file is the one of an installed package, which an
 * upgrade replaces (so that writing it would silently be undone, and change
 * every later answer meanwhile): a path through `node_modules`, or a package
 * root (the folder holding the file) that is not a git clone (no `.git`).
 * The repository's own catalog.yaml in a clone is not.
 */
export function isInstalledPackageCatalog(file: string): boolean {
  const resolved = path.resolve(file);
  if (resolved.split(path.sep).includes('node_modules')) return true;
  return !fs.existsSync(path.join(path.dirname(resolved), '.git'));
}

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

/** A refused input: `size` is the file's size when the system gives it, null when reading stopped one byte past the limit. */
function tooLarge(file: string, size: number | null): ReadResult {
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

/**
 * Reads the next bytes of an input into `into` (from its start) and returns
 * how many, 0 at its end; waits until some arrive, throws what the system
 * reports. Files, devices, pipes and standard input are all read this way.
 */
export type ChunkReader = (into: Uint8Array) => number;

/** Size of one read when the input's size is not known beforehand (a pipe's buffer holds 64 KiB). */
const READ_CHUNK_BYTES = 64 * 1024;

/**
 * Reads an input to its end, or stops as soon as it holds more than `limit`
 * bytes (null): never more than `limit + 1` bytes are read or kept, so an
 * endless input (/dev/zero, a FIFO with an endless writer, `yes |`) is refused
 * in bounded time and memory. `expected` is the size the system gives for a
 * regular file, so that one read usually suffices.
 */
export function readAtMost(read: ChunkReader, limit: number, expected = 0): Uint8Array | null {
  let buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(READ_CHUNK_BYTES, expected + 1)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) return null;
      const larger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const n = read(buffer.subarray(length));
    if (n === 0) return buffer.subarray(0, length);
    length += n;
  }
}

/** Reads catalogue text from an input that `read` gives in chunks (standard input); a system error is thrown to the caller. */
export function readCatalogFrom(read: ChunkReader, file: string, expected = 0, decode: ByteDecoder = decodeCatalogBytes): ReadResult {
  const bytes = readAtMost(read, MAX_CATALOG_BYTES, expected);
  return bytes === null ? tooLarge(file, null) : decode(bytes, file);
}

/** Turns an input's bytes into its text: a catalogue's strict UTF-8 by default, a page's declared charset for check-source. */
export type ByteDecoder = (bytes: Uint8Array, file: string) => ReadResult;

/**
 * Reads a catalogue file (or a page: every file a command is given); the only
 * place the catalogue layer touches the file system. The file is opened once:
 * a regular file larger than the limit is refused by its size, unread; any
 * other (a device, a FIFO) is read up to the limit and one byte more.
 */
export function readCatalogFile(file: string, decode: ByteDecoder = decodeCatalogBytes): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'EISDIR') return unreadable(file, { id: 'isDirectory' }, code);
    return unreadable(file, code === 'ENOENT' ? { id: 'fileNotFound' } : { id: 'fileUnreadable', errno: code }, code);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return unreadable(file, { id: 'isDirectory' }, 'EISDIR');
    if (stat.isFile() && stat.size > MAX_CATALOG_BYTES) return tooLarge(file, stat.size);
    return readCatalogFrom((into) => fs.readSync(fd, into, 0, into.length, null), file, stat.isFile() ? stat.size : 0, decode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return unreadable(file, code === 'EISDIR' ? { id: 'isDirectory' } : { id: 'fileUnreadable', errno: code }, code);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // the bytes were read (or the error is already reported); a failed close changes nothing
    }
  }
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

/**
 * Where the prepared form is looked for: beside the built code, and, for the sources run as they are (the tests,
 * which run src/ in-process), in the build's dist/ folder. Either is used only while its `source` is exactly the
 * catalogue's text.
 */
const PREPARED_PLACES = [PREPARED_CATALOG_PATH, path.join(__dirname, '..', '..', 'dist', 'catalog.prepared.json')];

function readPrepared(text: string): PreparedCatalog | null {
  for (const place of PREPARED_PLACES) {
    try {
      const prepared = JSON.parse(fs.readFileSync(place, 'utf8')) as PreparedCatalog;
      if (prepared.source === text) return prepared;
    } catch {
      // no prepared form there: the next place, or a full validation
    }
  }
  return null;
}

/** The last few catalogues this process validated, by file name and text: a caller that opens the same catalogue again (a library user, a test) is not made to parse it again. */
const validated = new Map<string, LoadResult>();
const VALIDATED_KEPT = 4;

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
  const key = `${file}\u0000${text}`;
  const known = validated.get(key);
  if (known !== undefined) return known;
  // Frozen, as the memo hands the same result to every later caller.
  const result = deepFreeze(loadFromText(text, file));
  if (validated.size >= VALIDATED_KEPT) validated.delete(validated.keys().next().value!);
  validated.set(key, result);
  return result;
}

function loadFromText(text: string, file: string): LoadResult {
  if (path.resolve(file) === EMBEDDED_CATALOG_PATH) {
    const prepared = readPrepared(text);
    if (prepared !== null) return { ok: true, catalog: prepared.catalog, names: prepared.names, search: prepared.search };
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

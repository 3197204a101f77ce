import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from './problem';
import { validateCatalogText, type ValidationResult } from './validate-catalog';

/** The catalogue shipped in the package, found relative to the package rather than the current directory. */
export const EMBEDDED_CATALOG_PATH = path.join(__dirname, '..', '..', 'catalog.yaml');

/** Largest catalogue file the loader reads; the real one is about 40 KB. */
export const MAX_CATALOG_BYTES = 4 * 1024 * 1024;

/** Raw text of a catalogue, or the problem that kept it from being read. */
export type ReadResult = { ok: true; text: string } | { ok: false; problem: Problem };

function unreadable(file: string, message: string): ReadResult {
  return { ok: false, problem: { code: 'FILE_UNREADABLE', file, line: null, col: null, message } };
}

/** Decodes catalogue bytes: strict UTF-8, no NUL bytes, a leading byte-order mark dropped. */
export function decodeCatalogBytes(bytes: Uint8Array, file: string): ReadResult {
  if (bytes.length > MAX_CATALOG_BYTES) {
    return {
      ok: false,
      problem: {
        code: 'FILE_TOO_LARGE',
        file,
        line: null,
        col: null,
        message: `the file is ${bytes.length} bytes; a catalogue may not exceed ${MAX_CATALOG_BYTES}`,
      },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const pos = positionOfByte(bytes, nul);
    return { ok: false, problem: { code: 'BINARY_FILE', file, ...pos, message: 'the file holds a NUL byte: it is binary, not YAML text' } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { ok: false, problem: { code: 'NOT_UTF8', file, ...positionOfByte(bytes, bad), message: 'the file is not valid UTF-8 text' } };
  }
  return { ok: true, text };
}

/** Reads a catalogue file; the only place the catalogue layer touches the file system. */
export function readCatalogFile(file: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadable(file, code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? 'unknown error'})`);
  }
  if (stat.isDirectory()) return unreadable(file, 'is a directory, not a catalogue file');
  if (stat.size > MAX_CATALOG_BYTES) {
    return {
      ok: false,
      problem: {
        code: 'FILE_TOO_LARGE',
        file,
        line: null,
        col: null,
        message: `the file is ${stat.size} bytes; a catalogue may not exceed ${MAX_CATALOG_BYTES}`,
      },
    };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return unreadable(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  return decodeCatalogBytes(bytes, file);
}

/** Reads and validates a catalogue file. */
export function loadCatalog(file: string): ValidationResult {
  const read = readCatalogFile(file);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  return validateCatalogText(read.text, file);
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
  return { line, col: offset - start + 1 };
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

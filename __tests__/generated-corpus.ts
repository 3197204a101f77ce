/**
 * The inputs of the bad-catalogue corpus too big for git (20 MiB, a line of 1 MiB, 10,000 nested collections, ...),
 * generated into a folder with the same markers as fixtures/bad/make-corpus.js: bad-corpus.test.ts checks each in
 * process, e2e.test.ts runs the huge ones through the binary with a 256 MB heap.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Expectation } from './corpus';
import { FIXTURES } from './helpers';

/** The size limit the README documents ("FILE_TOO_LARGE: over 4 MiB"); the expectation follows the documentation, not the code's constant. */
const DOCUMENTED_MAX_BYTES = 4 * 1024 * 1024;

/** A generated input: its expectation, its file, and whether it is run again with a small heap. */
export interface GeneratedEntry extends Expectation {
  readonly name: string;
  readonly file: string;
  readonly generated: true;
  /** Run again with a 256 MB heap (the generated huge inputs). */
  readonly memoryRun: boolean;
}

const MINIMAL = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
const MARKER = '\u27e6!\u27e7';
const END = '\u27e6/\u27e7';

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

/** The inputs too big for git, each with where its fault is and what it must give. */
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
function generate(spec: GeneratedSpec, dir: string): GeneratedEntry {
  const file = path.join(dir, spec.name);
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

/** Writes every generated input into `dir` and returns their entries, with the range the generator put each fault at. */
export function generateCorpus(dir: string): GeneratedEntry[] {
  return GENERATED_SPECS.map((spec) => generate(spec, dir));
}

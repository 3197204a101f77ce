/** Every problem code validation can report; tests and scripts rely on these, not on the wording. */
export const PROBLEM_CODES = Object.freeze([
  'FILE_UNREADABLE',
  'FILE_TOO_LARGE',
  'NOT_UTF8',
  'BINARY_FILE',
  'EMPTY_DOCUMENT',
  'MULTIPLE_DOCUMENTS',
  'YAML_SYNTAX',
  'YAML_TAB',
  'DUPLICATE_KEY',
  'ALIAS_LIMIT',
  'NESTING_LIMIT',
  'SCHEMA',
  'DUPLICATE_ID',
  'UNKNOWN_CATEGORY',
  'UNKNOWN_CLIENTELE',
  'UNKNOWN_PARENT',
  'PARENT_CYCLE',
  'PARENT_TOO_DEEP',
  'DUPLICATE_GRANT',
  'DUPLICATE_NOTE_CLIENTELE',
  'NAME_COLLISION',
  'EMPTY_NAME',
  'INVISIBLE_CHARACTER',
  'MIXED_SCRIPT',
] as const);

/** A stable code naming one kind of problem. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** How bad a problem is; every check reports errors today, and a warning never makes a catalogue invalid. */
export type Severity = 'error' | 'warning';

/**
 * One thing wrong with a catalogue file. Positions are 1-based; a column counts
 * UTF-16 code units, as editors do. The range runs from (line, col) up to
 * (endLine, endCol) EXCLUSIVE: endCol is the column just after the offending
 * node's last character (as SARIF's endColumn). An empty range (end = start)
 * marks a point, such as the start of an empty file. The four are all numbers
 * or all null (no position: the file could not be read, or is too large).
 */
export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly file: string;
  readonly line: number | null;
  readonly col: number | null;
  readonly endLine: number | null;
  readonly endCol: number | null;
  /**
   * JSON pointer (RFC 6901) of the offending value in the catalogue data, e.g.
   * `/services/3/grants/0/clientele`; `''` is the whole document; null when the
   * fault has no place in the data (unreadable bytes, a YAML syntax error).
   */
  readonly path: string | null;
  /** What the problem says, as data; the present layer words it in the output language (src/present/problem-message.ts). */
  readonly detail: ProblemDetail;
  /** The catalogue entry the offending value lies in, by its id, when it has one (annotation titles name it). */
  readonly entry?: EntryRef;
}

/** A catalogue entry named by its kind and id. */
export interface EntryRef {
  readonly kind: EntryKind;
  readonly id: string;
}

/**
 * A place in the data as a problem names it for people: dotted keys and indexes, an entry named by its id
 * and a grant by its clientele when they name one entry (`services[prem].grants[podiatre].conditions.0`,
 * else `services.8.grants.3`); '' for the whole catalogue. The problem's `path` is the JSON pointer.
 */
export type DataPlace = string;

/** The JSON types the schema asks for, as a problem names them. */
export type JsonType = 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'number' | 'null';

/**
 * What a problem says, one variant per sentence, with the values it quotes.
 * Only the YAML parser's own explanation (`yaml`) and an unforeseen schema
 * keyword (`schemaOther`) carry text from a library, which stays as it is.
 */
export type ProblemDetail =
  | { readonly id: 'fileNotFound' }
  | { readonly id: 'fileUnreadable'; readonly errno: string }
  | { readonly id: 'isDirectory' }
  | { readonly id: 'notAPath'; readonly given: string }
  | { readonly id: 'stdinUnreadable'; readonly errno: string }
  | { readonly id: 'tooLarge'; readonly size: number | null; readonly limit: number }
  | { readonly id: 'binary' }
  | { readonly id: 'notUtf8' }
  | { readonly id: 'emptyDocument' }
  | { readonly id: 'multipleDocuments' }
  | { readonly id: 'nestingLimit'; readonly limit: number }
  | { readonly id: 'aliasLimit'; readonly limit: number }
  | { readonly id: 'complexKey' }
  | { readonly id: 'aliasWithoutAnchor'; readonly alias: string }
  | { readonly id: 'duplicateKey' }
  | { readonly id: 'tabIndent' }
  | { readonly id: 'yaml'; readonly yamlCode: string; readonly text: string }
  | { readonly id: 'unknownKey'; readonly at: DataPlace; readonly key: string }
  | { readonly id: 'missingKey'; readonly at: DataPlace; readonly key: string }
  | { readonly id: 'notOneOf'; readonly at: DataPlace; readonly values: readonly string[] }
  | { readonly id: 'lineOrNull'; readonly at: DataPlace }
  | { readonly id: 'mustBe'; readonly at: DataPlace; readonly value: string }
  | { readonly id: 'wrongType'; readonly at: DataPlace; readonly types: readonly JsonType[] }
  | { readonly id: 'notKebabId'; readonly at: DataPlace }
  | { readonly id: 'notSingleLine'; readonly at: DataPlace }
  | { readonly id: 'badFormat'; readonly at: DataPlace; readonly format: 'date' | 'sha256' | 'url' }
  | { readonly id: 'schemaOther'; readonly at: DataPlace; readonly text: string }
  /** A reference to an id that does not exist, with the nearest ids of that kind (`suggestions`, best first, maybe none). */
  | { readonly id: 'unknownParent'; readonly clientele: string; readonly parent: string; readonly suggestions: readonly string[] }
  | { readonly id: 'unknownCategory'; readonly service: string; readonly category: string; readonly suggestions: readonly string[] }
  | { readonly id: 'unknownClientele'; readonly service: string; readonly clientele: string; readonly suggestions: readonly string[] }
  | { readonly id: 'duplicateGrant'; readonly service: string; readonly clientele: string }
  | { readonly id: 'unknownNoteClientele'; readonly service: string; readonly clientele: string; readonly suggestions: readonly string[] }
  | { readonly id: 'duplicateNoteClientele'; readonly service: string; readonly clientele: string }
  | { readonly id: 'duplicateId'; readonly entry: EntryKind; readonly value: string }
  | { readonly id: 'parentCycle'; readonly ids: readonly string[] }
  | { readonly id: 'parentTooDeep'; readonly clientele: string; readonly limit: number }
  | { readonly id: 'emptyName'; readonly entry: EntryKind; readonly entryId: string; readonly value: string }
  | { readonly id: 'nameCollision'; readonly entry: EntryKind; readonly entryId: string; readonly value: string; readonly other: string }
  /** Two names that differ only by lookalike characters (same UTS #39 skeleton): `otherName` is the one the other entry already answers to. */
  | {
      readonly id: 'nameLookalike';
      readonly entry: EntryKind;
      readonly entryId: string;
      readonly value: string;
      readonly other: string;
      readonly otherName: string;
    }
  /** A text holding a character that shows nothing or changes how text shows (src/catalog/invisible-characters.ts); `position` counts characters from 1. */
  | { readonly id: 'invisibleCharacter'; readonly at: DataPlace; readonly value: string; readonly codePoint: number; readonly position: number }
  /** A name mixing Latin letters with a letter of another script; `letter` is the first such letter. */
  | { readonly id: 'mixedScript'; readonly entry: EntryKind; readonly entryId: string; readonly value: string; readonly letter: string };

/** The kinds of catalogue entry a problem can name. */
export type EntryKind = 'service' | 'clientele' | 'category';

/** A problem met while reading the bytes of a file: the range, path and severity may be left out (see completeProblem). */
export type ReadProblem = Omit<Problem, 'severity' | 'endLine' | 'endCol' | 'path'> & Partial<Pick<Problem, 'severity' | 'endLine' | 'endCol' | 'path'>>;

/** Fills what a read problem left out: an error, no path, and a one-character range at its position (none without one). */
export function completeProblem(p: ReadProblem): Problem {
  const point = p.line !== null && p.col !== null;
  return {
    code: p.code,
    severity: p.severity ?? 'error',
    file: p.file,
    line: p.line,
    col: p.col,
    endLine: p.endLine ?? (point ? p.line : null),
    endCol: p.endCol ?? (point && p.col !== null ? p.col + 1 : null),
    path: p.path ?? null,
    detail: p.detail,
  };
}

/** Turns a list of keys and indexes into a JSON pointer (RFC 6901): `['services', 3, 'id']` -> `/services/3/id`, `[]` -> `''`. */
export function toJsonPointer(keys: readonly (string | number)[]): string {
  return keys.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A stretch of catalogue text: 1-based start, and an exclusive end (the line and column just after its last character). */
export interface SourceRange {
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** Orders problems by position (positionless ones first), then by code. */
export function compareProblems(a: Problem, b: Problem): number {
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.col ?? 0;
  const cb = b.col ?? 0;
  if (ca !== cb) return ca - cb;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Every problem code validation can report; tests and scripts rely on these, not on the wording. */
export const PROBLEM_CODES = [
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
  'DUPLICATE_GRANT',
  'NAME_COLLISION',
  'EMPTY_NAME',
] as const;

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
  readonly message: string;
}

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
    message: p.message,
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

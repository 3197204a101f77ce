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

/** One thing wrong with a catalogue file, with where it is (1-based line and column, or null when it has no position). */
export interface Problem {
  readonly code: ProblemCode;
  readonly file: string;
  readonly line: number | null;
  readonly col: number | null;
  readonly message: string;
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

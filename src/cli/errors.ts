import type { Outcome } from './exit-code';

/** A failure the user can fix: one line on stderr (or one per problem) and an outcome. */
export class UserError extends Error {
  /** The message's lines, each printed on its own after being neutralised; a line can never be split by what it quotes. */
  readonly lines: readonly string[];
  constructor(
    message: string | readonly string[],
    readonly outcome: Outcome,
  ) {
    super(typeof message === 'string' ? message : message.join('\n'));
    this.lines = typeof message === 'string' ? [message] : message;
  }
}

/** A usage error: a bad combination of options or arguments (exit 2). */
export function usageError(message: string): UserError {
  return new UserError(message, { kind: 'usage-error' });
}

/** Writing to standard output or standard error failed for a reason other than a closed pipe (a full disk, an I/O error). */
export class OutputError extends Error {
  constructor(
    /** What was written to: "standard output" or "standard error". */
    readonly stream: string,
    /** The system's error code, such as ENOSPC. */
    readonly code: string,
  ) {
    super(`cannot write to ${stream}: ${describeErrno(code)}`);
  }
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  EROFS: 'read-only file system',
  EFBIG: 'file too large',
  EBADF: 'the stream is closed',
};

/** A system error code as a short phrase, the code itself in parentheses. */
export function describeErrno(code: string): string {
  const text = ERRNO_TEXT[code];
  return text === undefined ? code : `${text} (${code})`;
}

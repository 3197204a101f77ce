import type { Problem } from '../catalog/problem';
import type { WriteRefusal } from '../catalog/write-catalog';
import type { QuestionError } from '../query/ask';
import { describeErrno, type Messages } from '../present/messages/messages';
import type { ProblemAt } from '../present/present-problems';
import type { Outcome } from './exit-code';

/**
 * What a script is told of a failure besides its code and its first line (with --json, in the error
 * object): the question that had no answer, or the offending text and a catalogue's problems.
 */
export type ErrorDetail = { readonly question: QuestionError } | { readonly input: string; readonly problems?: readonly Problem[] };

/** A failure the user can fix: one line on stderr (or one per problem) and an outcome. */
export class UserError extends Error {
  /** The message's lines, each printed on its own after being neutralised; a line can never be split by what it quotes. */
  readonly lines: readonly string[];
  constructor(
    message: string | readonly string[],
    readonly outcome: Outcome,
    readonly detail?: ErrorDetail,
    /**
     * The catalogue problems the lines end with (one line each, as problemLine words them), so that at a
     * terminal they are fitted to its width as validate fits them, `file:line:col: CODE` never broken.
     */
    readonly problems: readonly ProblemAt[] = [],
  ) {
    super(typeof message === 'string' ? message : message.join('\n'));
    this.lines = typeof message === 'string' ? [message] : message;
  }
}

/** A usage error: a bad option or argument, or a bad combination of them (exit 2); its message is followed by a pointer to the command's --help. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, { kind: 'usage-error' });
  }
}

/** A usage error: a bad combination of options or arguments (exit 2). */
export function usageError(message: string): UsageError {
  return new UsageError(message);
}

/** Writing to standard output or standard error failed for a reason other than a closed pipe (a full disk, an I/O error). */
export class OutputError extends Error {
  constructor(
    /** What was written to. */
    readonly stream: 'stdout' | 'stderr',
    /** The system's error code, such as ENOSPC. */
    readonly code: string,
  ) {
    super(`cannot write to ${stream}: ${code}`);
  }
}

/** Why a catalogue file was left as it is, as a short phrase in the run's language. */
export function describeWriteRefusal(refusal: WriteRefusal, m: Messages): string {
  const w = m.errors.writeRefused;
  switch (refusal.id) {
    case 'errno':
      return describeErrno(refusal.code, m);
    case 'readOnly':
      return w.readOnly(refusal.mode.toString(8).padStart(4, '0'));
    case 'hardLinks':
      return w.hardLinks(refusal.links);
    case 'owner':
      return w.owner(refusal.uid, refusal.gid);
    case 'changed':
      return w.changed;
    case 'notRegular':
      return w.notRegular;
  }
}

// The system's reason in words lives with the messages, so that presenters word it the same way.
export { describeErrno };

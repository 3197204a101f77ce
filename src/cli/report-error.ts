import { CommanderError, type Command } from 'commander';
import type { ErrorCode } from '../present/json-output';
import { messagesFor, type Messages } from '../present/messages/messages';
import type { Lang } from '../present/options';
import { makePalette } from '../present/options';
import type { RunError } from '../present/present-error';
import type { ProblemAt } from '../present/present-problems';
import { problemsPresenter } from '../present/problems-on-demand';
import { sanitizeText } from '../present/sanitize';
import { describeUsageProblem, usageProblemInput } from '../present/usage-problem';
import { PROGRAM } from './command';
import { describeErrno, OutputError, UsageError, UserError } from './errors';
import type { Outcome } from './exit-code';
import type { Io } from './io';
import { fitMessage, textWidth } from './terminal-width';
import { UsageFailure } from './usage-failure';
import { ClosedOutputError } from './write-fd';

/** The command line that shows the help a usage error points to: the command's, else the program's. */
export function helpLine(command: Command | undefined): string {
  return command === undefined || command.parent === null ? `${PROGRAM} --help` : `${PROGRAM} ${command.name()} --help`;
}

/** A usage error commander met that is none of those it passes as data (UsageFailure): said as commander words it. */
function otherUsage(error: CommanderError, m: Messages): string {
  return m.errors.usageOther(error.message);
}

/**
 * Says what went wrong, on stderr, and returns the outcome. A usage error (commander's, or an option or argument
 * the command refuses) ends with a line pointing to `help`, the help of the command at fault, as git and gh do.
 */
export function handleError(error: unknown, io: Pick<Io, 'stderr' | 'errColumns'>, debug: boolean, lang: Lang, help: string | null): Outcome {
  const m = messagesFor(lang);
  // At a terminal each line is fitted to its width, its continuation indented; else each is one line, for the tools that read them.
  const width = textWidth(io.errColumns, Infinity);
  const say = (lines: readonly string[], problems: readonly ProblemAt[] = []): string =>
    [
      ...lines.flatMap((line, i) => fitMessage(i === 0 ? `${PROGRAM}: ` : '', sanitizeText(line), width)),
      ...problems.flatMap((p) => problemsPresenter().problemLines(p, makePalette(false), m, width)),
    ]
      .map((line) => `${line}\n`)
      .join('');
  const seeHelp = help === null ? [] : [m.errors.seeHelp(help)];
  // The reader of our output went away (`| head`): stop quietly, it is not a failure.
  if (error instanceof ClosedOutputError) return { kind: 'answered' };
  if (error instanceof UsageFailure) {
    io.stderr(say([describeUsageProblem(error.problem, m), ...seeHelp]));
    return { kind: 'usage-error' };
  }
  if (error instanceof UserError) {
    const lines = error.lines.slice(0, error.lines.length - error.problems.length);
    io.stderr(say([...lines, ...(error instanceof UsageError ? seeHelp : [])], error.problems));
    return error.outcome;
  }
  if (error instanceof OutputError) {
    try {
      io.stderr(say([m.errors.cannotWrite(m.errors.streams[error.stream], describeErrno(error.code, m))]));
    } catch {
      // stderr failed too: the exit code still says what happened
    }
    return { kind: 'io-error' };
  }
  if (error instanceof CommanderError) {
    // Help or the version, asked for; help shown for want of a command (on stderr) is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return { kind: 'answered' };
    if (error.code === 'commander.help') return { kind: 'usage-error' };
    io.stderr(say([otherUsage(error, m), ...seeHelp]));
    return { kind: 'usage-error' };
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(say([`${m.errors.internal(message)}${debug ? '' : ` ${m.errors.internalHint}`}`]));
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return { kind: 'internal-error' };
}

/** The JSON error code of what ended a run, by its outcome (a question with no answer has its own code). */
const ERROR_CODES: Partial<Readonly<Record<Outcome['kind'], ErrorCode>>> = {
  'usage-error': 'USAGE_ERROR',
  'name-error': 'USAGE_ERROR',
  'catalog-error': 'CATALOG_ERROR',
  'page-error': 'PAGE_ERROR',
  'io-error': 'IO_ERROR',
  unavailable: 'UNAVAILABLE',
  'internal-error': 'INTERNAL_ERROR',
};

/** What the JSON error object of a run says: null when the run ended without an error (help, version, a closed pipe) or could not write. */
export function describeRunError(error: unknown, outcome: Outcome, m: Messages): RunError | null {
  const code = ERROR_CODES[outcome.kind];
  if (code === undefined || error instanceof OutputError || error instanceof ClosedOutputError) return null;
  if (error instanceof UsageFailure)
    return { kind: 'other', code, message: describeUsageProblem(error.problem, m), input: usageProblemInput(error.problem), problems: [] };
  if (error instanceof UserError) {
    const detail = error.detail;
    if (detail !== undefined && 'question' in detail) return { kind: 'question', error: detail.question };
    // The first line says it; a catalogue's problems, which stderr lists after it, are in `problems`.
    const message = (error.lines[0] ?? '').replace(/\s*:$/, '');
    return { kind: 'other', code, message, input: detail?.input ?? '', problems: detail?.problems ?? [] };
  }
  if (error instanceof CommanderError) return { kind: 'other', code, message: otherUsage(error, m), input: '', problems: [] };
  return { kind: 'other', code, message: m.errors.internal(error instanceof Error ? error.message : String(error)), input: '', problems: [] };
}

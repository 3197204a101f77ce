import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { EMBEDDED_CATALOG_PATH, loadCatalog } from '../catalog/load-catalog';
import { isJsonCommand, type Format, type JsonCommand } from '../present/formats';
import { messagesFor, type Messages } from '../present/messages/messages';
import type { Lang } from '../present/options';
import { presentErrorDocument, runErrorJson } from '../present/present-error';
import { sourceLine } from '../present/source-line';
import { GLOBAL_OPTIONS, PROGRAM, optionValues, outputValues, type CommandDefinition, type OutputValues, type RawArgs } from './command';
import { Context } from './context';
import { OutputError, usageError } from './errors';
import { EXIT, exitCodeFor, type ExitCode, type Outcome } from './exit-code';
import type { Io } from './io';
import { declareProgram, readEarlyOptions } from './program';
import { readChunk } from './read-fd';
import { describeRunError, handleError, helpLine } from './report-error';
import { fitMessage, textWidth } from './terminal-width';
import { UsageFailure } from './usage-failure';
import { ClosedOutputError, writeAll } from './write-fd';

export type { Io } from './io';

function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(__dirname, '..', '..', 'package.json')) as { version: string }).version;
}

/**
 * What --version prints: the program's name and version (`ramq-access 0.1.0`, as gh and ripgrep name themselves),
 * then the embedded catalogue's source and when it was checked (read only when --version is asked for).
 */
function versionText(version: string, lang: Lang, width: number): string {
  const named = `${PROGRAM} ${version}`;
  const loaded = loadCatalog(EMBEDDED_CATALOG_PATH);
  return loaded.ok ? [named, ...fitMessage('', sourceLine(loaded.catalog.source, messagesFor(lang)), width)].join('\n') : named;
}

/** The format of a run: `--json`, else `--format` (aliases resolved), else the batch's NDJSON or the command's default. */
function chooseFormat(command: CommandDefinition, output: OutputValues, m: Messages): Format | null {
  const asked = output.format;
  // commander has checked --format against the command's formats and their aliases.
  const named = asked === undefined ? undefined : (command.formatAliases[asked] ?? command.formats.find((f) => f === asked));
  if (output.json) {
    if (named !== undefined && named !== 'json') throw usageError(m.errors.jsonAndFormat(asked ?? named));
    return 'json';
  }
  if (named !== undefined) return named;
  return output.batch ? 'json' : command.defaultFormat;
}

/** A run that asked a command for JSON: an error that ends it is then a JSON document on standard output too. */
interface JsonRun {
  readonly command: JsonCommand;
  /** Whether the run answers --batch questions: its documents are lines (NDJSON). */
  readonly batch: boolean;
}

/**
 * Whether a run asks its command for JSON: `--json`, `--format json` (or an alias of json), or `--batch`
 * without another format. Read from the options commander parsed, all of them even when a value was
 * refused (see ProgramCommand), so that its usage errors are JSON documents too.
 */
function jsonRunOf(command: CommandDefinition, output: OutputValues): JsonRun | null {
  if (!command.formats.includes('json') || !isJsonCommand(command.name)) return null;
  const named = output.format === undefined ? undefined : (command.formatAliases[output.format] ?? output.format);
  const batch = output.batch && command.batchLine !== null;
  return output.json || named === 'json' || (batch && named === undefined) ? { command: command.name, batch } : null;
}

/** What --batch cannot honour is refused, never dropped. */
function checkBatch(command: CommandDefinition, args: RawArgs, format: Format | null, ctx: Context): void {
  const m = ctx.m;
  if (args.some((a) => a !== undefined && !(Array.isArray(a) && a.length === 0))) {
    throw usageError(m.errors.batchArguments(command.batchLine?.(m) ?? ''));
  }
  if (format !== 'json') throw usageError(m.errors.batchFormat(String(format)));
  // The questions come from standard input, which is read once: a catalogue from it too (--catalog -, RAMQ_ACCESS_CATALOG=-)
  // is refused before either is read, so that the questions are never read as a catalogue.
  if (ctx.catalogPath() === '-') throw usageError(m.errors.stdinBoth(m.stdinPurposes.catalogue, m.stdinPurposes.batch));
}

/** --stdin-filepath names a file read from standard input: refused, never dropped, when the run reads none (or when it is empty). */
function checkStdinFilepath(command: CommandDefinition, args: RawArgs, ctx: Context): void {
  const named = ctx.globals.stdinFilepath;
  if (named === undefined) return;
  if (named === '') throw usageError(ctx.m.errors.stdinFilepathEmpty);
  if (!command.readsStdinFile(args, ctx.catalogPath())) throw usageError(ctx.m.errors.stdinFilepathUnused);
}

/** Runs the CLI on an argument vector; returns the exit code and never throws. */
export async function run(argv: readonly string[], given: Io): Promise<ExitCode> {
  // Whether anything went to standard output: with --json it then holds a document already, and an error adds none.
  let wrote = false;
  const io = watchingStdout(given, () => (wrote = true));
  let outcome: Outcome = { kind: 'answered' };
  const early = readEarlyOptions(argv, io.env);
  const debug = early.debug || Boolean(io.env['DEBUG']);
  const version = packageVersion();
  const lang = early.lang;
  const m = messagesFor(lang);
  const { program, declared } = declareProgram(
    m,
    early.commands,
    {
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // Help is fitted to its stream's terminal, else to 80 columns as commander does.
      getOutHelpWidth: () => textWidth(io.isTTY ? io.columns : undefined, 80),
      getErrHelpWidth: () => textWidth(io.errColumns, 80),
      // Usage errors are worded by handleError, in the run's language.
      outputError: () => undefined,
    },
    // --version, as a message, is fitted only at a terminal.
    () => versionText(version, lang, textWidth(io.isTTY ? io.columns : undefined, Infinity)),
  );

  // The command whose action runs: what went wrong in it points to its help.
  let acting: Command | undefined;
  for (const [command, cmd] of declared) {
    cmd.action(async () => {
      acting = cmd;
      const globals = optionValues(GLOBAL_OPTIONS, program.opts());
      const output = outputValues(command, cmd.opts());
      const ctx = new Context(io, globals, lang, version);
      const format = chooseFormat(command, output, m);
      checkStdinFilepath(command, cmd.processedArgs, ctx);
      // --catalog on the command line (not the environment's RAMQ_ACCESS_CATALOG, which applies where it can) is refused, never dropped, by a call that reads no catalogue in use.
      const reads = command.readsCatalogInUse(cmd.processedArgs);
      if (globals.catalog !== undefined && reads !== 'yes') throw usageError(m.errors.catalogUnused(command.name, reads));
      if (output.batch && command.executeBatch !== null) {
        checkBatch(command, cmd.processedArgs, format, ctx);
        outcome = command.executeBatch(ctx, cmd.opts());
      } else {
        outcome = await command.execute(ctx, cmd.processedArgs, cmd.opts(), format);
      }
    });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    const atFault = error instanceof UsageFailure ? error.command : acting;
    outcome = handleError(error, io, debug, lang, helpLine(atFault));
    // With --json the error is also one JSON document on standard output (a line of its own in --batch, after the answers).
    const command = [...declared].find(([, cmd]) => cmd === atFault)?.[0];
    const jsonRun = command === undefined || atFault === undefined ? null : jsonRunOf(command, outputValues(command, atFault.opts()));
    const runError = jsonRun !== null && (!wrote || jsonRun.batch) ? describeRunError(error, outcome, m) : null;
    if (jsonRun !== null && runError !== null) {
      try {
        given.stdout(presentErrorDocument(jsonRun.command, runErrorJson(runError, m), jsonRun.batch));
      } catch {
        // standard output is gone or failing: the line on stderr and the exit code still say what happened
      }
    }
  }
  return exitCodeFor(outcome);
}

/** The same I/O, calling `onWrite` before each write to standard output (io is the prototype, so that isTTY and columns stay lazy). */
function watchingStdout(io: Io, onWrite: () => void): Io {
  const stdout = (text: string | Uint8Array): void => {
    onWrite();
    io.stdout(text);
  };
  return Object.create(io, { stdout: { value: stdout } }) as Io;
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/** Writes to a file descriptor; a failure the system reports (ENOSPC, EIO...) becomes an OutputError naming the stream. */
function writerTo(fd: number, stream: 'stdout' | 'stderr'): (text: string | Uint8Array) => void {
  return (text) => {
    try {
      writeAll(fd, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof ClosedOutputError || code === undefined) throw error;
      throw new OutputError(stream, code);
    }
  };
}

/** The process entry point: runs on the real file descriptors and sets the exit code without cutting piped output. */
export function main(argv: readonly string[]): void {
  const crash = (error: unknown): void => {
    if (error instanceof ClosedOutputError) {
      // The reader went away (`| head`): nothing more to say, and not a failure.
      process.exitCode = EXIT.ok;
      return;
    }
    const early = readEarlyOptions(argv, process.env);
    const debug = early.debug || Boolean(process.env['DEBUG']);
    const outcome = handleError(error, { stderr: (text) => writeAll(2, text), errColumns: undefined }, debug, early.lang, null);
    process.exitCode = outcome.kind === 'internal-error' ? EXIT.internal : exitCodeFor(outcome);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  const ttys: (boolean | undefined)[] = [];
  // A terminal is a character device: a pipe or a file is settled by one fstat, without loading the tty module (and net with it).
  const isTerminal = (fd: 1 | 2): boolean => (ttys[fd] ??= isCharacterDevice(fd) && (require('node:tty') as typeof import('node:tty')).isatty(fd)); // eslint-disable-line @typescript-eslint/no-require-imports
  const isTTY = (): boolean => isTerminal(1);
  run(argv, {
    stdout: writerTo(1, 'stdout'),
    stderr: writerTo(2, 'stderr'),
    env: process.env,
    cwd: process.cwd(),
    // Asked only by output that needs them (tables), so that JSON answers never load the terminal modules.
    get isTTY() {
      return isTTY();
    },
    get columns() {
      return isTTY() ? process.stdout.columns : undefined;
    },
    get errColumns() {
      return isTerminal(2) ? process.stderr.columns : undefined;
    },
    readStdin: (into) => readChunk(0, into),
    // node:http and its kin load only for a page fetched by its address, never for a query.
    fetch: (url, init) => (require('./http-fetch') as typeof import('./http-fetch')).createHttpFetch(process.env)(url, init), // eslint-disable-line @typescript-eslint/no-require-imports
  }).then((code) => {
    process.exitCode = code;
  }, crash);
}

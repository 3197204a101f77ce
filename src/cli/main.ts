import { Argument, Command, CommanderError, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type { Format } from '../present/formats';
import { sanitizeLines, sanitizeText } from '../present/sanitize';
import { GLOBAL_OPTIONS, optionsOf, type ArgSpec, type CommandDefinition, type Options, type OptionSpec } from './command';
import { COMMANDS } from './commands';
import { Context, type GlobalOptions } from './context';
import { decideLang } from './decide-color';
import { OutputError, UserError, usageError } from './errors';
import { EXIT, exitCodeFor, type ExitCode, type Outcome } from './exit-code';
import type { Io } from './io';
import { ClosedOutputError, writeAll } from './write-fd';

export type { Io } from './io';

const PROGRAM = 'ramq-access';

function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(__dirname, '..', '..', 'package.json')) as { version: string }).version;
}

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.value !== undefined && typeof spec.value !== 'string') option.choices([...spec.value.choices]);
  return option;
}

/** A required argument is optional to commander in a command with a batch mode (the questions then come from stdin); the command checks it. */
function toArgument(spec: ArgSpec, hasBatch: boolean): Argument {
  const name = `${spec.name}${spec.variadic ? '...' : ''}`;
  const argument = new Argument(spec.required && !hasBatch ? `<${name}>` : `[${name}]`, spec.description);
  if (typeof spec.kind !== 'string') argument.choices([...spec.kind.choices]);
  return argument;
}

function helpExamples(command: CommandDefinition): string {
  if (command.examples.length === 0) return '';
  const lines = command.examples.map((e) => `  $ ${e.line.includes(PROGRAM) ? e.line : `${PROGRAM} ${e.line}`}`);
  return `\nExamples:\n${lines.join('\n')}\n`;
}

/** The format of a run: `--json`, else `--format` (aliases resolved), else the batch's NDJSON or the command's default. */
function chooseFormat(command: CommandDefinition, opts: Options, batch: boolean): Format | null {
  const asked = typeof opts['format'] === 'string' ? opts['format'] : undefined;
  const named = asked === undefined ? undefined : (command.formatAliases[asked] ?? (asked as Format));
  if (opts['json'] === true) {
    if (named !== undefined && named !== 'json') throw usageError(`--json and --format ${asked} ask for two formats; give one`);
    return 'json';
  }
  if (named !== undefined) return named;
  return batch ? 'json' : command.defaultFormat;
}

/** What --batch cannot honour is refused, never dropped. */
function checkBatch(command: CommandDefinition, args: readonly unknown[], format: Format | null): void {
  if (args.some((a) => a !== undefined && !(Array.isArray(a) && a.length === 0))) {
    throw usageError(`with --batch, the questions come from standard input, one per line (${command.batchLine ?? ''}), not from arguments`);
  }
  if (format !== 'json') throw usageError(`--batch writes one JSON document per line (NDJSON); --format ${String(format)} cannot be used with it`);
}

/**
 * The command the argument vector invokes: its first word that is not an
 * option (nor a global option's value). Only that command is declared to
 * commander, which saves a query the cost of declaring the eleven others;
 * when there is none (help, a typo, no command) every command is declared.
 */
function invokedCommand(argv: readonly string[]): CommandDefinition | undefined {
  const takesValue = new Set(GLOBAL_OPTIONS.filter((o) => /[<[]/.test(o.flags)).map((o) => /--[\w-]+/.exec(o.flags)?.[0]));
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return undefined;
    if (word.startsWith('-') && word !== '-') {
      if (takesValue.has(word)) i++;
      continue;
    }
    return COMMANDS.find((c) => c.name === word);
  }
  return undefined;
}

/** Runs the CLI on an argument vector; returns the exit code and never throws. */
export function run(argv: readonly string[], io: Io): ExitCode {
  let outcome: Outcome = { kind: 'answered' };
  let debug = Boolean(io.env['DEBUG']);
  const version = packageVersion();
  const program = new Command();
  program
    .name(PROGRAM)
    .description('Who may use which RAMQ online service: answers from a checked catalogue of the RAMQ page "Liste des services en ligne".')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`${sanitizeLines(s.trimEnd())}\n`),
    });
  for (const option of GLOBAL_OPTIONS) program.addOption(toOption(option));
  program.addHelpText(
    'after',
    `\nExamples:\n  $ ${PROGRAM} services podiatrist\n  $ ${PROGRAM} who SELAT --tier request\n  $ ${PROGRAM} can "hygiéniste dentaire" facturacte\n`,
  );

  const invoked = invokedCommand(argv);
  for (const command of invoked === undefined ? COMMANDS : [invoked]) {
    // program.command() hands each command the program's output, exit and help settings.
    const cmd = program.command(command.name, { hidden: command.hidden }).description(command.summary);
    for (const arg of command.args) cmd.addArgument(toArgument(arg, command.batchLine !== null));
    for (const option of optionsOf(command)) cmd.addOption(toOption(option));
    const examples = helpExamples(command);
    if (examples !== '') cmd.addHelpText('after', examples);
    cmd.action((...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const opts = self.opts<Options>();
      const globals = self.optsWithGlobals<GlobalOptions>();
      if (globals.debug) debug = true;
      const ctx = new Context(io, globals, decideLang(globals.lang, io.env), version);
      const batch = opts['batch'] === true;
      const format = chooseFormat(command, opts, batch);
      if (batch && command.executeBatch !== null) {
        checkBatch(command, self.processedArgs, format);
        outcome = command.executeBatch(ctx, opts);
      } else {
        outcome = command.execute(ctx, self.processedArgs, opts, format);
      }
    });
  }

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    outcome = handleError(error, io, debug);
  }
  return exitCodeFor(outcome);
}

function handleError(error: unknown, io: Pick<Io, 'stderr'>, debug: boolean): Outcome {
  // The reader of our output went away (`| head`): stop quietly, it is not a failure.
  if (error instanceof ClosedOutputError) return { kind: 'answered' };
  if (error instanceof UserError) {
    io.stderr(`${PROGRAM}: ${error.lines.map((l) => sanitizeText(l)).join('\n')}\n`);
    return error.outcome;
  }
  if (error instanceof OutputError) {
    try {
      io.stderr(`${PROGRAM}: ${error.message}\n`);
    } catch {
      // stderr failed too: the exit code still says what happened
    }
    return { kind: 'io-error' };
  }
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return { kind: 'answered' };
    return { kind: 'usage-error' };
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${PROGRAM}: internal error (this is a bug): ${sanitizeText(message)}${debug ? '' : ' (run with --debug for the stack)'}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return { kind: 'internal-error' };
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/** Writes to a file descriptor; a failure the system reports (ENOSPC, EIO...) becomes an OutputError naming the stream. */
function writerTo(fd: number, stream: string): (text: string | Uint8Array) => void {
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
  const debug = argv.includes('--debug') || Boolean(process.env['DEBUG']);
  const crash = (error: unknown): void => {
    if (error instanceof ClosedOutputError) {
      // The reader went away (`| head`): nothing more to say, and not a failure.
      process.exitCode = EXIT.ok;
      return;
    }
    const outcome = handleError(error, { stderr: (text) => writeAll(2, text) }, debug);
    process.exitCode = outcome.kind === 'internal-error' ? EXIT.internal : exitCodeFor(outcome);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  let tty: boolean | undefined;
  // A terminal is a character device: a pipe or a file is settled by one fstat, without loading the tty module (and net with it).
  const isTTY = (): boolean => (tty ??= isCharacterDevice(1) && (require('node:tty') as typeof import('node:tty')).isatty(1)); // eslint-disable-line @typescript-eslint/no-require-imports
  try {
    process.exitCode = run(argv, {
      stdout: writerTo(1, 'standard output'),
      stderr: writerTo(2, 'standard error'),
      env: process.env,
      cwd: process.cwd(),
      // Asked only by output that needs them (tables), so that JSON answers never load the terminal modules.
      get isTTY() {
        return isTTY();
      },
      get columns() {
        return isTTY() ? process.stdout.columns : undefined;
      },
      readStdin: () => fs.readFileSync(0),
    });
  } catch (error) {
    crash(error);
  }
}

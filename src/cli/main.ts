import { Argument, Command, CommanderError, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { EMBEDDED_CATALOG_PATH, loadCatalog } from '../catalog/load-catalog';
import type { Format } from '../present/formats';
import { isJsonCommand, type ErrorCode, type JsonCommand } from '../present/json-output';
import { messagesFor, type Messages } from '../present/messages/messages';
import type { Lang } from '../present/options';
import { presentErrorDocument, runErrorJson, type RunError } from '../present/present-error';
import { sanitizeText } from '../present/sanitize';
import { sourceLine } from '../present/source-line';
import { GLOBAL_OPTIONS, optionsOf, type ArgSpec, type CommandDefinition, type Options, type OptionSpec } from './command';
import { COMMANDS } from './commands';
import { Context, type GlobalOptions } from './context';
import { decideLang } from './decide-color';
import { describeErrno, OutputError, UserError, usageError } from './errors';
import { EXIT, exitCodeFor, type ExitCode, type Outcome } from './exit-code';
import type { Io } from './io';
import { readChunk } from './read-fd';
import { ClosedOutputError, writeAll } from './write-fd';

export type { Io } from './io';

const PROGRAM = 'ramq-access';

function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(__dirname, '..', '..', 'package.json')) as { version: string }).version;
}

/** A usage name in the run's language (`<tier>` reads `<niveau>` in French). */
function placeholder(name: string, m: Messages): string {
  return (m.placeholders as Readonly<Record<string, string>>)[name] ?? name;
}

function toOption(spec: OptionSpec, m: Messages): Option {
  // commander takes the option's attribute from the long flag; the value's name is only shown.
  const flags = spec.flags.replace(/<(\w+)>/, (_, name: string) => `<${placeholder(name, m)}>`);
  const option = new Option(flags, spec.description(m));
  if (spec.value !== undefined && typeof spec.value !== 'string') option.choices([...spec.value.choices]);
  return option;
}

function usageOf(spec: ArgSpec, hasBatch: boolean, m: Messages): string {
  const name = `${placeholder(spec.name, m)}${spec.variadic ? '...' : ''}`;
  return spec.required && !hasBatch ? `<${name}>` : `[${name}]`;
}

/** A required argument is optional to commander in a command with a batch mode (the questions then come from stdin); the command checks it. */
function toArgument(spec: ArgSpec, hasBatch: boolean, m: Messages): Argument {
  const name = `${placeholder(spec.name, m)}${spec.variadic ? '...' : ''}`;
  const argument = new Argument(spec.required && !hasBatch ? `<${name}>` : `[${name}]`, spec.description(m));
  if (typeof spec.kind !== 'string') argument.choices([...spec.kind.choices]);
  return argument;
}

function helpExamples(examples: readonly string[], m: Messages): string {
  if (examples.length === 0) return '';
  const lines = examples.map((line) => `  $ ${line.includes(PROGRAM) ? line : `${PROGRAM} ${line}`}`);
  return `\n${m.titles['Examples:']}\n${lines.join('\n')}\n`;
}

/** The language of a run, decided before parsing so that help and usage errors speak it too: --lang, else the locale. */
function langOf(argv: readonly string[], env: Io['env']): Lang {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') break;
    if (word === '--lang') flag = argv[i + 1];
    else if (word.startsWith('--lang=')) flag = word.slice('--lang='.length);
  }
  return decideLang(flag, env);
}

/** A run that asked a command for JSON: an error that ends it is then a JSON document on standard output too. */
interface JsonRun {
  readonly command: JsonCommand;
  /** Whether the run answers --batch questions: its documents are lines (NDJSON). */
  readonly batch: boolean;
}

/**
 * Whether the argument vector asks the command for JSON: `--json`, `--format json` (or an alias of json),
 * or `--batch` without another format. Read from the words themselves, before commander parses them, so
 * that commander's own usage errors are JSON documents too.
 */
function jsonRunOf(argv: readonly string[], command: CommandDefinition | undefined): JsonRun | null {
  if (command === undefined || !command.formats.includes('json') || !isJsonCommand(command.name)) return null;
  let json = false;
  let batch = false;
  let format: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') break;
    if (word === '--json') json = true;
    else if (word === '--batch') batch = true;
    else if (word === '--format' || word === '-f') format = argv[++i];
    else if (word.startsWith('--format=')) format = word.slice('--format='.length);
    else if (/^-f[^-]/.test(word)) format = word.slice(2);
  }
  const named = format === undefined ? undefined : (command.formatAliases[format] ?? format);
  const batchJson = batch && command.batchLine !== null && named === undefined;
  return json || named === 'json' || batchJson ? { command: command.name, batch: batch && command.batchLine !== null } : null;
}

/** The format of a run: `--json`, else `--format` (aliases resolved), else the batch's NDJSON or the command's default. */
function chooseFormat(command: CommandDefinition, opts: Options, batch: boolean, m: Messages): Format | null {
  const asked = typeof opts['format'] === 'string' ? opts['format'] : undefined;
  const named = asked === undefined ? undefined : (command.formatAliases[asked] ?? (asked as Format));
  if (opts['json'] === true) {
    if (named !== undefined && named !== 'json') throw usageError(m.errors.jsonAndFormat(asked ?? named));
    return 'json';
  }
  if (named !== undefined) return named;
  return batch ? 'json' : command.defaultFormat;
}

/** What --batch cannot honour is refused, never dropped. */
function checkBatch(command: CommandDefinition, args: readonly unknown[], format: Format | null, ctx: Context): void {
  const m = ctx.m;
  if (args.some((a) => a !== undefined && !(Array.isArray(a) && a.length === 0))) {
    throw usageError(m.errors.batchArguments(command.batchLine?.(m) ?? ''));
  }
  if (format !== 'json') throw usageError(m.errors.batchFormat(String(format)));
  // The questions come from standard input, which is read once: a catalogue from it too (--catalog -, RAMQ_ACCESS_CATALOG=-)
  // is refused before either is read, so that the questions are never read as a catalogue.
  if (ctx.catalogPath() === '-') throw usageError(m.errors.stdinBoth(m.stdinPurposes.catalogue, m.stdinPurposes.batch));
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

/**
 * What --version prints: the version, then the embedded catalogue's source
 * and when it was checked (read only when --version is asked for).
 */
function versionText(argv: readonly string[], version: string, lang: Lang): string {
  if (!argv.some((a) => a === '-V' || a === '--version')) return version;
  const loaded = loadCatalog(EMBEDDED_CATALOG_PATH);
  return loaded.ok ? `${version}\n${sourceLine(loaded.catalog.source, lang)}` : version;
}

/** Runs the CLI on an argument vector; returns the exit code and never throws. */
export function run(argv: readonly string[], given: Io): ExitCode {
  // Whether anything went to standard output: with --json it then holds a document already, and an error adds none.
  let wrote = false;
  const io = watchingStdout(given, () => (wrote = true));
  let outcome: Outcome = { kind: 'answered' };
  let debug = Boolean(io.env['DEBUG']);
  const version = packageVersion();
  const lang = langOf(argv, io.env);
  const m = messagesFor(lang);
  const program = new Command();
  program
    .name(PROGRAM)
    .description(m.program.description)
    .version(versionText(argv, version, lang), '-V, --version', m.program.version)
    .helpOption('-h, --help', m.program.help)
    .helpCommand(`help [${m.placeholders.command}]`, m.program.helpCommand)
    .usage(`[${m.placeholders.options}] [${m.placeholders.command}]`)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (title) => (m.titles as Readonly<Record<string, string>>)[title] ?? title,
      // Our own wording of the choices; commander's "(choices: ...)" is English.
      optionDescription: (option) => describeChoices(option.description, option.argChoices, m),
      argumentDescription: (argument) => describeChoices(argument.description, argument.argChoices, m),
    })
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // Usage errors are worded by handleError, in the run's language.
      outputError: () => undefined,
    });
  for (const option of GLOBAL_OPTIONS) program.addOption(toOption(option, m));
  program.addHelpText('after', helpExamples(['services podiatrist', 'who SELAT --tier request', 'can "hygiéniste dentaire" facturacte'], m));

  const invoked = invokedCommand(argv);
  const jsonRun = jsonRunOf(argv, invoked);
  for (const command of invoked === undefined ? COMMANDS : [invoked]) {
    // program.command() hands each command the program's output, exit and help settings.
    const cmd = program.command(command.name, { hidden: command.hidden }).description(m.commands[command.name]);
    cmd.usage([`[${m.placeholders.options}]`, ...command.args.map((a) => usageOf(a, command.batchLine !== null, m))].join(' '));
    for (const arg of command.args) cmd.addArgument(toArgument(arg, command.batchLine !== null, m));
    for (const option of optionsOf(command)) cmd.addOption(toOption(option, m));
    cmd.addHelpText(
      'after',
      helpExamples(
        command.examples.map((e) => e.line),
        m,
      ),
    );
    cmd.action((...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const opts = self.opts<Options>();
      const globals = self.optsWithGlobals<GlobalOptions>();
      if (globals.debug) debug = true;
      const ctx = new Context(io, globals, lang, version);
      const batch = opts['batch'] === true;
      const format = chooseFormat(command, opts, batch, m);
      if (batch && command.executeBatch !== null) {
        checkBatch(command, self.processedArgs, format, ctx);
        outcome = command.executeBatch(ctx, opts);
      } else {
        outcome = command.execute(ctx, self.processedArgs, opts, format);
      }
    });
  }

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    outcome = handleError(error, io, debug, m);
    // With --json the error is also one JSON document on standard output (a line of its own in --batch, after the answers).
    const runError = jsonRun !== null && (!wrote || jsonRun.batch) ? describeRunError(error, outcome, m) : null;
    if (jsonRun !== null && runError !== null) {
      try {
        given.stdout(presentErrorDocument(jsonRun.command, runErrorJson(runError, lang), jsonRun.batch));
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
function describeRunError(error: unknown, outcome: Outcome, m: Messages): RunError | null {
  const code = ERROR_CODES[outcome.kind];
  if (code === undefined || error instanceof OutputError || error instanceof ClosedOutputError) return null;
  if (error instanceof UserError) {
    const detail = error.detail;
    if (detail !== undefined && 'question' in detail) return { kind: 'question', error: detail.question };
    // The first line says it; a catalogue's problems, which stderr lists after it, are in `problems`.
    const message = (error.lines[0] ?? '').replace(/\s*:$/, '');
    return { kind: 'other', code, message, input: detail?.input ?? '', problems: detail?.problems ?? [] };
  }
  if (error instanceof CommanderError) return { kind: 'other', code, message: usageMessage(error, m), input: usageInput(error), problems: [] };
  return { kind: 'other', code, message: m.errors.internal(error instanceof Error ? error.message : String(error)), input: '', problems: [] };
}

function describeChoices(description: string, choices: readonly string[] | undefined, m: Messages): string {
  return choices === undefined || choices.length === 0 ? description : `${description} ${m.choices(choices.join(', '))}`;
}

/** A usage error of commander, in the run's language (commander's own text is English; its code and the names it quotes are kept). */
function usageMessage(error: CommanderError, m: Messages): string {
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((q) => q[1] ?? '');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
  const withSuggestion = (text: string): string => (suggestion === undefined ? text : `${text}; ${m.errors.didYouMean(suggestion)}`);
  switch (error.code) {
    case 'commander.missingArgument':
      return m.errors.missingArgument(quoted[0] ?? '');
    case 'commander.optionMissingArgument':
      return m.errors.optionMissingArgument(quoted[0] ?? '');
    case 'commander.unknownOption':
      return withSuggestion(m.errors.unknownOption(quoted[0] ?? ''));
    case 'commander.unknownCommand':
      return withSuggestion(m.errors.unknownCommand(quoted[0] ?? ''));
    case 'commander.excessArguments': {
      const numbers = /Expected (\d+) arguments? but got (\d+)/.exec(error.message);
      return m.errors.excessArguments(quoted[0] ?? '', Number(numbers?.[1] ?? 0), Number(numbers?.[2] ?? 0));
    }
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\.$/m.exec(error.message)?.[1] ?? '';
      const option = /option '([^']*)' argument '([^']*)'/.exec(error.message);
      if (option) return m.errors.invalidChoice(option[2] ?? '', m.errors.optionNamed(option[1] ?? ''), choices);
      const argument = /value '([^']*)' is invalid for argument '([^']*)'/.exec(error.message);
      if (argument) return m.errors.invalidChoice(argument[1] ?? '', m.errors.argumentNamed(argument[2] ?? ''), choices);
      return m.errors.usageOther(error.message.replace(/^error: /, ''));
    }
    default:
      return m.errors.usageOther(error.message.replace(/^error: /, ''));
  }
}

/** The word of the command line a usage error of commander is about: the unknown option or command, the value refused; empty for the others. */
function usageInput(error: CommanderError): string {
  switch (error.code) {
    case 'commander.unknownOption':
    case 'commander.unknownCommand':
      return /'([^']*)'/.exec(error.message)?.[1] ?? '';
    case 'commander.invalidArgument':
      return (/option '[^']*' argument '([^']*)'/.exec(error.message) ?? /value '([^']*)' is invalid/.exec(error.message))?.[1] ?? '';
    default:
      return '';
  }
}

function handleError(error: unknown, io: Pick<Io, 'stderr'>, debug: boolean, m: Messages): Outcome {
  // The reader of our output went away (`| head`): stop quietly, it is not a failure.
  if (error instanceof ClosedOutputError) return { kind: 'answered' };
  if (error instanceof UserError) {
    io.stderr(`${PROGRAM}: ${error.lines.map((l) => sanitizeText(l)).join('\n')}\n`);
    return error.outcome;
  }
  if (error instanceof OutputError) {
    try {
      io.stderr(`${PROGRAM}: ${m.errors.cannotWrite(m.errors.streams[error.stream], describeErrno(error.code, m))}\n`);
    } catch {
      // stderr failed too: the exit code still says what happened
    }
    return { kind: 'io-error' };
  }
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return { kind: 'answered' };
    // No command at all: commander has printed the help on stderr; that is a usage error.
    if (error.code === 'commander.help') return { kind: 'usage-error' };
    io.stderr(`${PROGRAM}: ${sanitizeText(usageMessage(error, m))}\n`);
    return { kind: 'usage-error' };
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${PROGRAM}: ${m.errors.internal(sanitizeText(message))}${debug ? '' : ` ${m.errors.internalHint}`}\n`);
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
  const debug = argv.includes('--debug') || Boolean(process.env['DEBUG']);
  const crash = (error: unknown): void => {
    if (error instanceof ClosedOutputError) {
      // The reader went away (`| head`): nothing more to say, and not a failure.
      process.exitCode = EXIT.ok;
      return;
    }
    const outcome = handleError(error, { stderr: (text) => writeAll(2, text) }, debug, messagesFor(langOf(argv, process.env)));
    process.exitCode = outcome.kind === 'internal-error' ? EXIT.internal : exitCodeFor(outcome);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  let tty: boolean | undefined;
  // A terminal is a character device: a pipe or a file is settled by one fstat, without loading the tty module (and net with it).
  const isTTY = (): boolean => (tty ??= isCharacterDevice(1) && (require('node:tty') as typeof import('node:tty')).isatty(1)); // eslint-disable-line @typescript-eslint/no-require-imports
  try {
    process.exitCode = run(argv, {
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
      readStdin: (into) => readChunk(0, into),
    });
  } catch (error) {
    crash(error);
  }
}

import { Argument, Command, CommanderError, Help, Option, type OutputConfiguration } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { EMBEDDED_CATALOG_PATH, loadCatalog } from '../catalog/load-catalog';
import type { Format } from '../present/formats';
import { messagesFor, type Messages } from '../present/messages/messages';
import type { Lang } from '../present/options';
import { isJsonCommand, type ErrorCode, type JsonCommand } from '../present/json-output';
import { makePalette } from '../present/options';
import { presentErrorDocument, runErrorJson, type RunError } from '../present/present-error';
import type { ProblemAt } from '../present/present-problems';
import { problemsPresenter } from '../present/problems-on-demand';
import { sanitizeText } from '../present/sanitize';
import { wrap, wrapHanging } from '../present/text-formats';
import { sourceLine } from '../present/source-line';
import { GLOBAL_OPTIONS, optionsOf, PROGRAM, shownExample, type ArgSpec, type Call, type CommandDefinition, type Options, type OptionSpec } from './command';
import { COMMANDS, PROGRAM_EXAMPLES } from './commands';
import { Context, type GlobalOptions } from './context';
import { decideLang } from './decide-color';
import { describeErrno, OutputError, UsageError, UserError, usageError } from './errors';
import { EXIT, exitCodeFor, type ExitCode, type Outcome } from './exit-code';
import type { Io } from './io';
import { fitCommandLine, fitMessage, textWidth } from './terminal-width';
import { readChunk } from './read-fd';
import { ClosedOutputError, writeAll } from './write-fd';

export type { Io } from './io';

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

/** The examples under a help text, fitted to the width of the stream the help goes to (each a command line that still runs when copied). */
function helpExamples(examples: readonly string[], m: Messages, width: (error: boolean) => number): (context: { error: boolean }) => string {
  return ({ error }) => {
    if (examples.length === 0) return '';
    const lines = examples.flatMap((line) => fitCommandLine('  $ ', shownExample(line), width(error)));
    return `\n${m.titles['Examples:']}\n${lines.join('\n')}\n`;
  };
}

/** The narrowest a description is wrapped to beside its term; narrower, it goes under the term. */
const MIN_DESCRIPTION = 24;

/**
 * Help that fits its width: commander's layout, with the usage line wrapped
 * too, and, where the terms leave a description fewer than MIN_DESCRIPTION
 * columns (commander then wrapped nothing), each description under its term.
 */
const FITTED_HELP = {
  minWidthToWrap: MIN_DESCRIPTION,
  // Our wrap, which breaks at plain spaces only: a no-break space (French typography) keeps its words together.
  boxWrap: (text: string, width: number): string =>
    text
      .split('\n')
      .map((line) => wrap(line, width).join('\n'))
      .join('\n'),
  formatItem: (term: string, termWidth: number, description: string, helper: Help): string => {
    const width = helper.helpWidth ?? 80;
    if (description === '' || width - termWidth - 4 >= MIN_DESCRIPTION) return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
    return [...wrapHanging('  ', term, width, 4), ...wrap(description, width - 6).map((line) => `      ${line}`)].join('\n');
  },
  formatHelp: (cmd: Command, helper: Help): string => {
    const [usage = '', ...rest] = Help.prototype.formatHelp.call(helper, cmd, helper).split('\n');
    const title = `${helper.styleTitle('Usage:')} `;
    return [...wrapHanging(title, usage.slice(title.length), helper.helpWidth ?? 80), ...rest].join('\n');
  },
};

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

/** --stdin-filepath names a file read from standard input: refused, never dropped, when the run reads none (or when it is empty). */
function checkStdinFilepath(command: CommandDefinition, args: Call<never>['args'], ctx: Context, m: Messages): void {
  const named = ctx.globals.stdinFilepath;
  if (named === undefined) return;
  if (named === '') throw usageError(m.errors.stdinFilepathEmpty);
  if (!command.readsStdinFile(args, ctx.catalogPath())) throw usageError(m.errors.stdinFilepathUnused);
}

/** Where the command word of an argument vector is: its first word that is not an option (nor a global option's value); -1 when there is none. */
function commandWordAt(argv: readonly string[]): number {
  const takesValue = new Set(GLOBAL_OPTIONS.filter((o) => /[<[]/.test(o.flags)).map((o) => /--[\w-]+/.exec(o.flags)?.[0]));
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return -1;
    if (word.startsWith('-') && word !== '-') {
      if (takesValue.has(word)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * The command the argument vector invokes. Only that command is declared to
 * commander, which saves a query the cost of declaring the eleven others;
 * when there is none (help, a typo, no command) every command is declared.
 */
function invokedCommand(argv: readonly string[]): CommandDefinition | undefined {
  const at = commandWordAt(argv);
  return at === -1 ? undefined : COMMANDS.find((c) => c.name === argv[at]);
}

/**
 * `help [COMMAND]` read as `[COMMAND] --help`, as git and gh read it: help that
 * was asked for goes to stdout and exits 0 (commander's own help command
 * answered `help` alone with exit 2 here). `help NOSUCH` becomes `NOSUCH`, so
 * that it is the usage error it is — an unknown command, with its suggestion —
 * rather than the whole help on stderr.
 */
function helpAsFlag(argv: readonly string[]): readonly string[] {
  const at = commandWordAt(argv);
  if (at === -1 || argv[at] !== 'help') return argv;
  const before = argv.slice(0, at);
  const rest = argv.slice(at + 1);
  const target = rest[0];
  if (target === undefined || (target.startsWith('-') && target !== '-')) return [...before, ...rest, '--help'];
  if (!COMMANDS.some((c) => c.name === target)) return [...before, ...rest];
  return [...before, ...rest, '--help'];
}

/** The command line that shows the help a usage error points to: the command's, else the program's. */
function helpLine(command: CommandDefinition | undefined): string {
  return command === undefined ? `${PROGRAM} --help` : `${PROGRAM} ${command.name} --help`;
}

/**
 * What --version prints: the version, then the embedded catalogue's source
 * and when it was checked (read only when --version is asked for).
 */
function versionText(argv: readonly string[], version: string, lang: Lang, width: () => number): string {
  if (!argv.some((a) => a === '-V' || a === '--version')) return version;
  const loaded = loadCatalog(EMBEDDED_CATALOG_PATH);
  return loaded.ok ? [version, ...fitMessage('', sourceLine(loaded.catalog.source, lang), width())].join('\n') : version;
}

/**
 * The program as commander sees it, declared from the command registry in a
 * language (each of `commands`, with its arguments, options and examples):
 * `--help` shows it, and the manual (man page, README reference) is read
 * from it, so that they say the same. `output` is where help and errors go,
 * and the width help is fitted to (commands take it when declared). The
 * version and the actions are the run's to add.
 */
export function declareProgram(
  m: Messages,
  commands: readonly CommandDefinition[],
  output: OutputConfiguration,
): { program: Command; declared: Map<CommandDefinition, Command> } {
  const helpWidth = (error: boolean): number => (error ? output.getErrHelpWidth : output.getOutHelpWidth)?.() ?? 80;
  const program = new Command();
  program
    .configureOutput(output)
    .name(PROGRAM)
    .description(m.program.description)
    .helpOption('-h, --help', m.program.help)
    .helpCommand(`help [${m.placeholders.command}]`, m.program.helpCommand)
    .usage(`[${m.placeholders.options}] [${m.placeholders.command}]`)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp({
      ...FITTED_HELP,
      showGlobalOptions: true,
      styleTitle: (title) => (m.titles as Readonly<Record<string, string>>)[title] ?? title,
      // Our own wording of the choices; commander's "(choices: ...)" is English.
      optionDescription: (option) => describeChoices(option.description, option.argChoices, m),
      argumentDescription: (argument) => describeChoices(argument.description, argument.argChoices, m),
    });
  for (const option of GLOBAL_OPTIONS) program.addOption(toOption(option, m));
  program.addHelpText('after', (context) => `${helpExamples(PROGRAM_EXAMPLES, m, helpWidth)(context)}${helpExitCodes(m, helpWidth(context.error))}`);
  const declared = new Map<CommandDefinition, Command>();
  for (const command of commands) {
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
        helpWidth,
      ),
    );
    declared.set(command, cmd);
  }
  return { program, declared };
}

/** The exit codes under the program's help, each with what it means. */
function helpExitCodes(m: Messages, width: number): string {
  const lines = Object.values(EXIT).flatMap((code) => wrapHanging(`  ${String(code).padEnd(4)}`, m.exitCodes[code], width));
  return `\n${m.titles['Exit codes:']}\n${lines.join('\n')}\n`;
}

/** Runs the CLI on an argument vector; returns the exit code and never throws. */
export function run(givenArgv: readonly string[], given: Io): ExitCode {
  const argv = helpAsFlag(givenArgv);
  // Whether anything went to standard output: with --json it then holds a document already, and an error adds none.
  let wrote = false;
  const io = watchingStdout(given, () => (wrote = true));
  let outcome: Outcome = { kind: 'answered' };
  let debug = Boolean(io.env['DEBUG']);
  const version = packageVersion();
  const lang = langOf(argv, io.env);
  const m = messagesFor(lang);
  // Help is fitted to its stream's terminal, else to 80 columns as commander does; --version, as a message, only at a terminal.
  const outHelpWidth = (): number => textWidth(io.isTTY ? io.columns : undefined, 80);
  const errHelpWidth = (): number => textWidth(io.errColumns, 80);
  const invoked = invokedCommand(argv);
  const jsonRun = jsonRunOf(argv, invoked);
  const { program, declared } = declareProgram(m, invoked === undefined ? COMMANDS : [invoked], {
    writeOut: (s) => io.stdout(s),
    writeErr: (s) => io.stderr(s),
    getOutHelpWidth: outHelpWidth,
    getErrHelpWidth: errHelpWidth,
    // Usage errors are worded by handleError, in the run's language.
    outputError: () => undefined,
  });
  program.version(
    versionText(argv, version, lang, () => textWidth(io.isTTY ? io.columns : undefined, Infinity)),
    '-V, --version',
    m.program.version,
  );

  for (const [command, cmd] of declared) {
    cmd.action((...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const opts = self.opts<Options>();
      const globals = self.optsWithGlobals<GlobalOptions>();
      if (globals.debug) debug = true;
      const ctx = new Context(io, globals, lang, version);
      const batch = opts['batch'] === true;
      const format = chooseFormat(command, opts, batch, m);
      checkStdinFilepath(command, self.processedArgs, ctx, m);
      // --catalog on the command line (not the environment's RAMQ_ACCESS_CATALOG, which applies where it can) is refused, never dropped, by a call that reads no catalogue in use.
      const reads = command.readsCatalogInUse(self.processedArgs);
      if (globals.catalog !== undefined && reads !== 'yes') throw usageError(m.errors.catalogUnused(command.name, reads));
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
    outcome = handleError(error, io, debug, lang, helpLine(invoked));
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
  const withSuggestion = (text: string): string => (suggestion === undefined ? text : `${text}${m.punctuation.semicolon}${m.errors.didYouMean(suggestion)}`);
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

/**
 * Says what went wrong, on stderr, and returns the outcome. A usage error (commander's, or an option or argument
 * the command refuses) ends with a line pointing to `help`, the help of the command at fault, as git and gh do.
 */
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

function handleError(error: unknown, io: Pick<Io, 'stderr' | 'errColumns'>, debug: boolean, lang: Lang, help: string | null): Outcome {
  const m = messagesFor(lang);
  // At a terminal each line is fitted to its width, its continuation indented; else each is one line, for the tools that read them.
  const width = textWidth(io.errColumns, Infinity);
  const say = (lines: readonly string[], problems: readonly ProblemAt[] = []): string =>
    [
      ...lines.flatMap((line, i) => fitMessage(i === 0 ? `${PROGRAM}: ` : '', sanitizeText(line), width)),
      ...problems.flatMap((p) => problemsPresenter().problemLines(p, makePalette(false), lang, width)),
    ]
      .map((line) => `${line}\n`)
      .join('');
  const seeHelp = help === null ? [] : [m.errors.seeHelp(help)];
  // The reader of our output went away (`| head`): stop quietly, it is not a failure.
  if (error instanceof ClosedOutputError) return { kind: 'answered' };
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
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return { kind: 'answered' };
    // No command at all: commander has printed the help on stderr; that is a usage error.
    if (error.code === 'commander.help') return { kind: 'usage-error' };
    io.stderr(say([usageMessage(error, m), ...seeHelp]));
    return { kind: 'usage-error' };
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(say([`${m.errors.internal(message)}${debug ? '' : ` ${m.errors.internalHint}`}`]));
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
    const outcome = handleError(error, { stderr: (text) => writeAll(2, text), errColumns: undefined }, debug, langOf(argv, process.env), null);
    process.exitCode = outcome.kind === 'internal-error' ? EXIT.internal : exitCodeFor(outcome);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  const ttys: (boolean | undefined)[] = [];
  // A terminal is a character device: a pipe or a file is settled by one fstat, without loading the tty module (and net with it).
  const isTerminal = (fd: 1 | 2): boolean => (ttys[fd] ??= isCharacterDevice(fd) && (require('node:tty') as typeof import('node:tty')).isatty(fd)); // eslint-disable-line @typescript-eslint/no-require-imports
  const isTTY = (): boolean => isTerminal(1);
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
      get errColumns() {
        return isTerminal(2) ? process.stderr.columns : undefined;
      },
      readStdin: (into) => readChunk(0, into),
    });
  } catch (error) {
    crash(error);
  }
}
